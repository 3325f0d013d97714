import type { StageCreate, StageUpdate } from '../../../shared/schemas/pipelines.js';
import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { StagesTable } from '../../db/schema.js';
import { withTx } from '../../db/tx.js';
import { invalid, notFound } from '../../errors.js';
import { publishRecordChange } from '../../live/record-changes.js';
import { conflict } from '../../optimistic.js';
import { getPipeline, type PipelineView, presentStage, type StageView } from './pipeline.present.js';
import { anyDealWith, findStage, type StageRow, stageRows } from './pipeline.repository.js';
import { codePrefix, defaultColor, defaultProbability, stageCode, stageSetProblem } from './stage-rules.js';

/** Stages of one pipeline: add, change (semantics changes reach the deals in the stage), delete, reorder. */
const codeTaken = (code: string) =>
  conflict(`Stage code ${code} is already used`, [
    { field: 'code', message: 'is already used by another stage' },
  ]);

async function stageOf(db: Db, pipelineId: number, stageId: number): Promise<StageRow> {
  const stage = await findStage(db, stageId);
  if (!stage || stage.pipeline_id !== pipelineId) throw notFound('Stage', stageId);
  return stage;
}

async function renumber(db: Db, ids: number[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await db.kysely
      .updateTable('stages')
      .set({ sort: i * 10 })
      .where('id', '=', id)
      .execute();
  }
}

/** Without an explicit sort, an in-progress stage goes after the last in-progress one; a final stage last. */
function insertPosition(stages: StageRow[], semantics: StageCreate['semantics']): number {
  if (semantics !== 'process') return stages.length;
  const lastProcess = stages.map((s) => s.semantics).lastIndexOf('process');
  return lastProcess + 1;
}

export async function createStage(
  db: Db,
  actor: Actor,
  pipelineId: number,
  input: StageCreate,
): Promise<StageView> {
  assertAdmin(actor);
  let code = '';
  try {
    return await withTx(db, async (tx) => {
      await getPipeline(tx, pipelineId);
      const stages = await stageRows(tx, pipelineId);
      if (input.semantics === 'won' && stages.some((s) => s.semantics === 'won'))
        throw invalid([{ field: 'semantics', message: 'the pipeline already has its one "won" stage' }]);
      code = await stageCode(tx, codePrefix(pipelineId, stages), input);
      if (await tx.kysely.selectFrom('stages').select('id').where('code', '=', code).executeTakeFirst())
        throw codeTaken(code);
      const row = await tx.kysely
        .insertInto('stages')
        .values({
          pipeline_id: pipelineId,
          code,
          name: input.name,
          sort: input.sort ?? 0,
          semantics: input.semantics,
          probability: input.probability ?? defaultProbability(input.semantics),
          color: (input.color ?? defaultColor(input.semantics)).toLowerCase(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.sort === undefined) {
        const ids = stages.map((s) => s.id);
        ids.splice(insertPosition(stages, input.semantics), 0, row.id);
        await renumber(tx, ids);
      }
      return presentStage(await stageOf(tx, pipelineId, row.id));
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(code);
    throw err;
  }
}

export async function updateStage(
  db: Db,
  actor: Actor,
  pipelineId: number,
  stageId: number,
  input: StageUpdate,
): Promise<StageView> {
  assertAdmin(actor);
  return withTx(db, async (tx) => {
    const stage = await stageOf(tx, pipelineId, stageId);
    const semantics = input.semantics ?? stage.semantics;
    const changesSemantics = semantics !== stage.semantics;
    if (changesSemantics) {
      const stages = await stageRows(tx, pipelineId);
      const problem = stageSetProblem(stages.map((s) => (s.id === stageId ? semantics : s.semantics)));
      if (problem) throw invalid([{ field: 'semantics', message: problem }]);
    }
    const values: Partial<Omit<StagesTable, 'id'>> = {};
    if (input.name !== undefined) values.name = input.name;
    if (input.color !== undefined) values.color = input.color.toLowerCase();
    if (input.probability !== undefined) values.probability = input.probability;
    if (input.sort !== undefined) values.sort = input.sort;
    if (changesSemantics) values.semantics = semantics;
    if (Object.keys(values).length)
      await tx.kysely.updateTable('stages').set(values).where('id', '=', stageId).execute();
    if (changesSemantics) {
      // deals carry their stage's semantics (list filters and reports read it): keep them in step, and
      // tell whoever sees those deals (their lists, boards and idle counts change)
      const owners = await tx.kysely
        .selectFrom('deals')
        .select('responsible_id')
        .distinct()
        .where('stage_id', '=', stageId)
        .execute();
      if (owners.length)
        await publishRecordChange(
          tx,
          'deal',
          0,
          'updated',
          owners.map((o) => o.responsible_id),
        );
      await tx.kysely
        .updateTable('deals')
        .set({ stage_semantics: semantics, closed: semantics === 'process' ? 0 : 1 })
        .where('stage_id', '=', stageId)
        .execute();
    }
    return presentStage(await stageOf(tx, pipelineId, stageId));
  });
}

export async function deleteStage(db: Db, actor: Actor, pipelineId: number, stageId: number): Promise<void> {
  assertAdmin(actor);
  await withTx(db, async (tx) => {
    const stage = await stageOf(tx, pipelineId, stageId);
    if (await anyDealWith(tx, 'stage_id', stageId))
      throw conflict(`Stage "${stage.name}" has deals; move them to another stage first`);
    const rest = (await stageRows(tx, pipelineId)).filter((s) => s.id !== stageId);
    const problem = stageSetProblem(rest.map((s) => s.semantics));
    if (problem) throw conflict(`Stage "${stage.name}" cannot be deleted: ${problem}`);
    await tx.kysely.deleteFrom('stages').where('id', '=', stageId).execute();
  });
}

/** Puts the stages in the given order; the list must name each stage of the pipeline exactly once. */
export async function reorderStages(
  db: Db,
  actor: Actor,
  pipelineId: number,
  stageIds: number[],
): Promise<PipelineView> {
  assertAdmin(actor);
  return withTx(db, async (tx) => {
    await getPipeline(tx, pipelineId);
    const current = new Set((await stageRows(tx, pipelineId)).map((s) => s.id));
    const given = new Set(stageIds);
    const exact =
      given.size === stageIds.length &&
      given.size === current.size &&
      stageIds.every((id) => current.has(id));
    if (!exact) {
      throw invalid([
        { field: 'stageIds', message: `must list each stage of pipeline ${pipelineId} exactly once` },
      ]);
    }
    await renumber(tx, stageIds);
    return getPipeline(tx, pipelineId);
  });
}
