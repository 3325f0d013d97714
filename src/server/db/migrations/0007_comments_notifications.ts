import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { type Migration, schemaKit, sql } from './helpers.js';

/** Comments on CRM records (with the users they mention) and personal notifications (the bell). */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const k = schemaKit(dialect);
  await k
    .id(db.schema.createTable('comments'))
    .addColumn('owner_entity', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('edited', 'integer', k.bool)
    .addColumn('created_at', k.timestamp, (c) => c.notNull())
    .addColumn('updated_at', k.timestamp, (c) => c.notNull())
    .execute();
  // A record's comments newest first (the comments list and the timeline page by created_at, id).
  await db.schema
    .createIndex('ix_comments_owner')
    .on('comments')
    .columns(['owner_entity', 'owner_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('comment_mentions')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('pk_comment_mentions', ['comment_id', 'user_id'])
    .execute();

  await k
    .id(db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('activity_id', 'integer')
    .addColumn('comment_id', 'integer')
    .addColumn('actor_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('created_at', k.timestamp, (c) => c.notNull())
    .addColumn('read_at', k.timestamp)
    .execute();
  // "My notifications, newest first" (keyset on id) and, partial, "my unread ones" with their count.
  await db.schema
    .createIndex('ix_notifications_user')
    .on('notifications')
    .columns(['user_id', 'id'])
    .execute();
  await db.schema
    .createIndex('ix_notifications_unread')
    .on('notifications')
    .columns(['user_id', 'id'])
    .where(sql<boolean>`read_at is null`)
    .execute();
  // Clean-up when a record is deleted.
  await db.schema
    .createIndex('ix_notifications_record')
    .on('notifications')
    .columns(['record_entity', 'record_id'])
    .execute();
}

export const migration0007: Migration = { name: '0007_comments_notifications', up };
