import { CACHE_TTL_MS } from '../../db/cache.js';
import type { Db } from '../../db/connection.js';
import type { LeadStatusesTable, StagesTable } from '../../db/schema.js';

type Stage = Omit<StagesTable, 'id'> & { id: number };
type LeadStatus = Omit<LeadStatusesTable, 'id'> & { id: number };

/**
 * Pipelines, stages, lead statuses, currencies and sources as record writes need them, read once and
 * cached briefly (db/cache.ts; any write to these tables drops it). Configuration services read the
 * tables directly instead, since they change them.
 */
export interface RefSnapshot {
  defaultPipelineId: number | null;
  pipelineIds: Set<number>;
  stages: Map<number, Stage>;
  firstStage: Map<number, Stage>;
  leadStatuses: Map<number, LeadStatus>;
  firstProcessStatus: LeadStatus | undefined;
  currencies: Set<string>;
  baseCurrency: string;
  sourceIds: Set<number>;
}

async function load(db: Db): Promise<RefSnapshot> {
  const k = db.kysely;
  const [pipelines, stages, statuses, currencies, sources] = await Promise.all([
    k
      .selectFrom('pipelines')
      .select(['id', 'is_default', 'sort'])
      .orderBy('is_default', 'desc')
      .orderBy('sort')
      .orderBy('id')
      .execute(),
    k.selectFrom('stages').selectAll().orderBy('pipeline_id').orderBy('sort').orderBy('id').execute(),
    k.selectFrom('lead_statuses').selectAll().orderBy('sort').orderBy('id').execute(),
    k
      .selectFrom('currencies')
      .select(['code', 'is_base'])
      .orderBy('is_base', 'desc')
      .orderBy('sort')
      .execute(),
    k.selectFrom('sources').select('id').execute(),
  ]);
  const firstStage = new Map<number, Stage>();
  for (const s of stages) if (!firstStage.has(s.pipeline_id)) firstStage.set(s.pipeline_id, s);
  return {
    defaultPipelineId: pipelines[0]?.id ?? null,
    pipelineIds: new Set(pipelines.map((p) => p.id)),
    stages: new Map(stages.map((s) => [s.id, s])),
    firstStage,
    leadStatuses: new Map(statuses.map((s) => [s.id, s])),
    firstProcessStatus: statuses.find((s) => s.semantics === 'process'),
    currencies: new Set(currencies.map((c) => c.code)),
    baseCurrency: currencies[0]?.code ?? 'USD',
    sourceIds: new Set(sources.map((s) => s.id)),
  };
}

export function refSnapshot(db: Db): Promise<RefSnapshot> {
  return db.cache.get('ref', CACHE_TTL_MS, () => load(db));
}
