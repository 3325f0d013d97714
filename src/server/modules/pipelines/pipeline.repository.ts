import type { Db } from '../../db/connection.js';

export async function defaultPipelineId(db: Db): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('pipelines')
    .select('id')
    .orderBy('is_default', 'desc')
    .orderBy('sort')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findStage(db: Db, stageId: number) {
  return db.kysely.selectFrom('stages').selectAll().where('id', '=', stageId).executeTakeFirst();
}

export async function firstStage(db: Db, pipelineId: number) {
  return db.kysely
    .selectFrom('stages')
    .selectAll()
    .where('pipeline_id', '=', pipelineId)
    .orderBy('sort')
    .orderBy('id')
    .executeTakeFirst();
}

export async function pipelineExists(db: Db, pipelineId: number): Promise<boolean> {
  return Boolean(
    await db.kysely.selectFrom('pipelines').select('id').where('id', '=', pipelineId).executeTakeFirst(),
  );
}

export async function findPipeline(db: Db, pipelineId: number) {
  return db.kysely.selectFrom('pipelines').selectAll().where('id', '=', pipelineId).executeTakeFirst();
}

export async function pipelineRows(db: Db) {
  return db.kysely.selectFrom('pipelines').selectAll().orderBy('sort').orderBy('id').execute();
}

/** Stages in board order, of one pipeline or of all. */
export async function stageRows(db: Db, pipelineId?: number) {
  let q = db.kysely.selectFrom('stages').selectAll();
  if (pipelineId !== undefined) q = q.where('pipeline_id', '=', pipelineId);
  return q.orderBy('pipeline_id').orderBy('sort').orderBy('id').execute();
}

export type StageRow = Awaited<ReturnType<typeof stageRows>>[number];
export type PipelineRow = Awaited<ReturnType<typeof pipelineRows>>[number];

/** Whether any deal has the column at the value (an indexed existence check, never a count over all deals). */
export async function anyDealWith(db: Db, column: 'pipeline_id' | 'stage_id', id: number): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('deals')
    .select('id')
    .where(column, '=', id)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** Stage codes starting with `prefix` (used to pick a free generated code). */
export async function stageCodesLike(db: Db, prefix: string): Promise<Set<string>> {
  const rows = await db.kysely
    .selectFrom('stages')
    .select('code')
    .where('code', 'like', `${prefix}%`)
    .execute();
  return new Set(rows.map((r) => r.code));
}
