import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { type Migration, schemaKit, sql } from './helpers.js';

/**
 * Activities (calls, meetings, emails, tasks) on CRM records, their participants, the secret iCal feed
 * tokens, and the next planned activity of each lead and deal (maintained by the activity writes).
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const k = schemaKit(dialect);
  const ts = k.timestamp;
  await k
    .id(db.schema.createTable('activities'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('start_at', ts)
    .addColumn('end_at', ts)
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('responsible_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('result', 'text')
    .addColumn('completed_at', ts)
    .addColumn('owner_entity', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('owner_responsible_id', 'integer', (c) => c.notNull())
    .addColumn('comm_type', 'text')
    .addColumn('comm_value', 'text')
    .addColumn('remind_before_minutes', 'integer')
    .addColumn('remind_at', ts)
    .addColumn('reminded_at', ts)
    .addColumn('overdue_notified_at', ts)
    .addColumn('created_by', 'integer')
    .addColumn('updated_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  const indexes: [string, string[]][] = [
    // Counters (planned, due today / overdue) of one responsible, with the rights columns so the count
    // reads the index alone.
    [
      'ix_activities_counters',
      ['responsible_id', 'status', 'due_at', 'owner_entity', 'owner_responsible_id'],
    ],
    // "My activities" lists and the calendar: one responsible's activities in due order.
    ['ix_activities_responsible', ['responsible_id', 'due_at', 'id']],
    // A record's activities, and its next planned one (min due_at of the planned).
    ['ix_activities_owner', ['owner_entity', 'owner_id', 'status', 'due_at']],
  ];
  for (const [name, columns] of indexes) {
    await db.schema.createIndex(name).on('activities').columns(columns).execute();
  }
  // Work queues of the reminder and overdue notices: only rows still waiting for one are indexed.
  await db.schema
    .createIndex('ix_activities_remind_pending')
    .on('activities')
    .column('remind_at')
    .where(sql<boolean>`status = 'planned' and reminded_at is null and remind_at is not null`)
    .execute();
  await db.schema
    .createIndex('ix_activities_overdue_pending')
    .on('activities')
    .column('due_at')
    .where(sql<boolean>`status = 'planned' and overdue_notified_at is null`)
    .execute();

  await db.schema
    .createTable('activity_participants')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('pk_activity_participants', ['activity_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('ix_activity_participants_user')
    .on('activity_participants')
    .columns(['user_id', 'activity_id'])
    .execute();

  await k
    .id(db.schema.createTable('calendar_feeds'))
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .execute();

  for (const table of ['leads', 'deals']) {
    await db.schema.alterTable(table).addColumn('next_activity_at', ts).execute();
  }
  // Idle records (open, no planned activity) of one responsible; for deals also per pipeline stage (kanban).
  await db.schema
    .createIndex('ix_deals_idle')
    .on('deals')
    .columns(['responsible_id', 'closed', 'next_activity_at', 'pipeline_id', 'stage_id'])
    .execute();
  await db.schema
    .createIndex('ix_leads_idle')
    .on('leads')
    .columns(['responsible_id', 'status_semantics', 'next_activity_at'])
    .execute();
}

export const migration0006: Migration = { name: '0006_activities', up };
