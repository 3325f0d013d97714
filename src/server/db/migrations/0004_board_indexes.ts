import type { Kysely } from 'kysely';
import type { Migration } from './helpers.js';

/**
 * Covering indexes for the kanban totals (count and sum per stage and currency, limited to the users the
 * reader may see): the GROUP BY reads the index alone. The deal one replaces (pipeline_id, stage_id, amount).
 */
async function up(db: Kysely<unknown>) {
  await db.schema.dropIndex('ix_deals_pipeline_stage').execute();
  await db.schema
    .createIndex('ix_deals_board')
    .on('deals')
    .columns(['pipeline_id', 'stage_id', 'currency', 'responsible_id', 'amount'])
    .execute();
  await db.schema
    .createIndex('ix_leads_board')
    .on('leads')
    .columns(['status_id', 'currency', 'responsible_id', 'amount'])
    .execute();
}

export const migration0004: Migration = { name: '0004_board_indexes', up };
