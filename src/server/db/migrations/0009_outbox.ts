import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { type Migration, schemaKit, sql } from './helpers.js';

/**
 * Outgoing events: the outbox (written in the transaction of the change), their subscribers (Bitrix24
 * event.bind bindings and administrator-configured outbound webhooks) and one delivery per event and
 * subscriber, retried on its own.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const k = schemaKit(dialect);
  await k
    .id(db.schema.createTable('outbox'))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', k.timestamp, (c) => c.notNull())
    .addColumn('dispatched_at', k.timestamp)
    .execute();
  // Events not yet fanned out to their subscribers (null first), and old ones to prune.
  await db.schema.createIndex('ix_outbox_dispatched').on('outbox').columns(['dispatched_at', 'id']).execute();

  await k
    .id(db.schema.createTable('event_bindings'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('handler', 'text', (c) => c.notNull())
    .addColumn('auth_type', 'integer')
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('application_token', 'text', (c) => c.notNull())
    .addColumn('created_at', k.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ux_event_bindings')
    .on('event_bindings')
    .columns(['user_id', 'event', 'handler'])
    .unique()
    .execute();

  await k
    .id(db.schema.createTable('outbound_webhooks'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', k.bool)
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', k.timestamp, (c) => c.notNull())
    .addColumn('updated_at', k.timestamp, (c) => c.notNull())
    .execute();

  await k
    .id(db.schema.createTable('webhook_deliveries'))
    .addColumn('outbox_id', 'integer', (c) => c.notNull().references('outbox.id').onDelete('cascade'))
    .addColumn('webhook_id', 'integer', (c) => c.references('outbound_webhooks.id').onDelete('cascade'))
    .addColumn('binding_id', 'integer', (c) => c.references('event_bindings.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', k.timestamp, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('delivered_at', k.timestamp)
    .addColumn('created_at', k.timestamp, (c) => c.notNull())
    .execute();
  // The worker's claim: pending deliveries in the order they fall due.
  await db.schema
    .createIndex('ix_webhook_deliveries_due')
    .on('webhook_deliveries')
    .column('next_attempt_at')
    .where(sql<boolean>`status = 'pending'`)
    .execute();
  // A webhook's delivery log, newest first; the clean-up of a pruned event and of an unbound handler.
  await db.schema
    .createIndex('ix_webhook_deliveries_webhook')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'id'])
    .execute();
  await db.schema
    .createIndex('ix_webhook_deliveries_outbox')
    .on('webhook_deliveries')
    .column('outbox_id')
    .execute();
  await db.schema
    .createIndex('ix_webhook_deliveries_binding')
    .on('webhook_deliveries')
    .column('binding_id')
    .execute();
}

export const migration0009: Migration = { name: '0009_outbox', up };
