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
