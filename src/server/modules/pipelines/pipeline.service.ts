import type { PipelineCreate, PipelineUpdate } from '../../../shared/schemas/pipelines.js';
import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { PipelinesTable } from '../../db/schema.js';
import { nowIso, withTx } from '../../db/tx.js';
import { invalid } from '../../errors.js';
import { assertVersion, conflict, staleVersion, writeIfVersion } from '../../optimistic.js';
import { getPipeline, type PipelineView } from './pipeline.present.js';
import { anyDealWith, pipelineRows } from './pipeline.repository.js';
import {
  DEFAULT_STAGES,
  defaultColor,
  defaultProbability,
  stageCode,
  stageSetProblem,
} from './stage-rules.js';

/** Pipelines: create (with stages or the default funnel), rename, reorder, choose the default, delete. */
type StagesInput = NonNullable<PipelineCreate['stages']>;

function checkStages(stages: StagesInput): void {
  const problem = stageSetProblem(stages.map((s) => s.semantics));
  if (problem) throw invalid([{ field: 'stages', message: problem }]);
  const seen = new Set<string>();
  stages.forEach((s, i) => {
    if (s.code === undefined) return;
    if (seen.has(s.code)) throw invalid([{ field: `stages.${i}.code`, message: 'is used twice' }]);
    seen.add(s.code);
  });
}

async function insertStages(db: Db, pipelineId: number, stages: StagesInput): Promise<void> {
  const reserved = new Set<string>();
  const prefix = `C${pipelineId}:`;
  for (const [i, s] of stages.entries()) {
    const code = await stageCode(db, prefix, s, reserved);
    reserved.add(code);
    await db.kysely
      .insertInto('stages')
      .values({
        pipeline_id: pipelineId,
        code,
        name: s.name,
        sort: i * 10,
        semantics: s.semantics,
        probability: s.probability ?? defaultProbability(s.semantics),
        color: (s.color ?? defaultColor(s.semantics)).toLowerCase(),
      })
      .execute();
  }
}

export async function createPipeline(db: Db, actor: Actor, input: PipelineCreate): Promise<PipelineView> {
  assertAdmin(actor);
  const stages: StagesInput = input.stages ?? DEFAULT_STAGES;
  checkStages(stages);
  try {
    return await withTx(db, async (tx) => {
      const existing = await pipelineRows(tx);
      const isDefault = input.isDefault || existing.length === 0;
      if (isDefault) await tx.kysely.updateTable('pipelines').set({ is_default: 0 }).execute();
      const now = nowIso();
      const row = await tx.kysely
        .insertInto('pipelines')
        .values({
          name: input.name,
          sort: input.sort ?? Math.max(-10, ...existing.map((p) => p.sort)) + 10,
          is_default: isDefault ? 1 : 0,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertStages(tx, row.id, stages);
      return getPipeline(tx, row.id);
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('A stage code is already used', [
        { field: 'stages', message: 'a stage code is already used' },
      ]);
    throw err;
  }
}

export async function updatePipeline(
  db: Db,
  actor: Actor,
  id: number,
  input: PipelineUpdate,
): Promise<PipelineView> {
  assertAdmin(actor);
  return withTx(db, async (tx) => {
    const existing = await getPipeline(tx, id);
    assertVersion('Pipeline', input.version, existing);
    if (input.isDefault === false && existing.isDefault) {
      throw invalid([
        {
          field: 'isDefault',
          message: 'one pipeline is always the default; make another one the default instead',
        },
      ]);
    }
    if (input.isDefault === true && !existing.isDefault)
      await tx.kysely.updateTable('pipelines').set({ is_default: 0 }).execute();
    const values: Partial<Omit<PipelinesTable, 'id' | 'version'>> = { updated_at: nowIso() };
    if (input.name !== undefined) values.name = input.name;
    if (input.sort !== undefined) values.sort = input.sort;
    if (input.isDefault !== undefined) values.is_default = input.isDefault ? 1 : 0;
    if (!(await writeIfVersion(tx, 'pipelines', id, existing.version, values))) {
      throw staleVersion('Pipeline', await getPipeline(tx, id));
    }
    return getPipeline(tx, id);
  });
}

/** Deletes an unused pipeline with its stages. The last pipeline and the default one stay. */
export async function deletePipeline(db: Db, actor: Actor, id: number): Promise<void> {
  assertAdmin(actor);
  await withTx(db, async (tx) => {
    const existing = await getPipeline(tx, id);
    const all = await pipelineRows(tx);
    if (all.length === 1) throw conflict('The last pipeline cannot be deleted; deals need one');
    if (existing.isDefault)
      throw conflict(`"${existing.name}" is the default pipeline; make another pipeline the default first`);
    if (await anyDealWith(tx, 'pipeline_id', id))
      throw conflict(`Pipeline "${existing.name}" has deals; move them to another pipeline first`);
    await tx.kysely.deleteFrom('stages').where('pipeline_id', '=', id).execute();
    await tx.kysely.deleteFrom('pipelines').where('id', '=', id).execute();
  });
}
