import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { type Migration, schemaKit } from './helpers.js';

/** Saved list views: a user's named filter + sort + columns for one entity type. */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const k = schemaKit(dialect);
  await k
    .id(db.schema.createTable('saved_filters'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('sort', 'text')
    .addColumn('columns', 'text')
    .addColumn('created_at', k.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ix_saved_filters_user')
    .on('saved_filters')
    .columns(['user_id', 'entity_type'])
    .execute();
}

export const migration0003: Migration = { name: '0003_saved_filters', up };
