import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { type Migration, schemaKit } from './helpers.js';

/**
 * Inbound webhooks of the Bitrix24-compatible REST API: a secret URL that acts as one user with a set of
 * scopes. Only the secret's SHA-256 is kept.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const k = schemaKit(dialect);
  await k
    .id(db.schema.createTable('inbound_webhooks'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', k.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', k.timestamp)
    .addColumn('revoked_at', k.timestamp)
    .execute();
}

export const migration0008: Migration = { name: '0008_inbound_webhooks', up };
