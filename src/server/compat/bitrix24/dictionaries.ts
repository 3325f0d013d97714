import { CACHE_TTL_MS } from '../../db/cache.js';
import type { Db } from '../../db/connection.js';

/**
 * Our reference data keyed the way Bitrix24 names it: stages and lead statuses by their codes (NEW, WON,
 * C2:NEW…), sources by code, pipelines as deal categories. The pipeline whose stages have bare codes is
 * Bitrix24's category 0; every other pipeline's category id is its own id (its codes carry `C<id>:`).
 * Cached briefly; the key starts with `ref` so writes to these tables drop it (db/cache.ts).
 */
export interface StageEntry {
  id: number;
  pipelineId: number;
  code: string;
  name: string;
  sort: number;
  semantics: 'process' | 'won' | 'lost';
  color: string;
}

export interface PipelineEntry {
  id: number;
  name: string;
  sort: number;
  isDefault: boolean;
  createdAt: string;
  category: number;
  stages: StageEntry[];
}

export interface CodeEntry {
  id: number;
  code: string;
  name: string;
  sort: number;
  semantics?: string;
  color?: string;
}

export interface Dictionaries {
  pipelines: PipelineEntry[];
  pipelineById: Map<number, PipelineEntry>;
  pipelineByCategory: Map<number, PipelineEntry>;
  stageById: Map<number, StageEntry>;
  stageByCode: Map<string, StageEntry>;
  firstStageIds: Set<number>;
  leadStatuses: CodeEntry[];
  leadStatusById: Map<number, CodeEntry>;
  leadStatusByCode: Map<string, CodeEntry>;
  sources: CodeEntry[];
  sourceById: Map<number, CodeEntry>;
  sourceByCode: Map<string, CodeEntry>;
}

async function load(db: Db): Promise<Dictionaries> {
  const k = db.kysely;
  const [pipelines, stages, statuses, sources] = await Promise.all([
    k.selectFrom('pipelines').selectAll().orderBy('sort').orderBy('id').execute(),
    k.selectFrom('stages').selectAll().orderBy('pipeline_id').orderBy('sort').orderBy('id').execute(),
    k.selectFrom('lead_statuses').selectAll().orderBy('sort').orderBy('id').execute(),
    k.selectFrom('sources').selectAll().orderBy('sort').orderBy('id').execute(),
  ]);
  const stageEntries: StageEntry[] = stages.map((s) => ({
    id: s.id,
    pipelineId: s.pipeline_id,
    code: s.code,
    name: s.name,
    sort: s.sort,
    semantics: s.semantics,
    color: s.color,
  }));
  const bare = stageEntries.find((s) => !/^C\d+:/.test(s.code))?.pipelineId;
  const entries: PipelineEntry[] = pipelines.map((p) => ({
    id: p.id,
    name: p.name,
    sort: p.sort,
    isDefault: Boolean(p.is_default),
    createdAt: p.created_at,
    category: p.id === bare ? 0 : p.id,
    stages: stageEntries.filter((s) => s.pipelineId === p.id),
  }));
  const leadStatuses = statuses.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    sort: s.sort,
    semantics: s.semantics,
    color: s.color,
  }));
  const sourceEntries = sources.map((s) => ({ id: s.id, code: s.code, name: s.name, sort: s.sort }));
  return {
    pipelines: entries,
    pipelineById: new Map(entries.map((p) => [p.id, p])),
    pipelineByCategory: new Map(entries.map((p) => [p.category, p])),
    stageById: new Map(stageEntries.map((s) => [s.id, s])),
    stageByCode: new Map(stageEntries.map((s) => [s.code.toUpperCase(), s])),
    firstStageIds: new Set(
      entries.map((p) => p.stages[0]?.id).filter((id): id is number => id !== undefined),
    ),
    leadStatuses,
    leadStatusById: new Map(leadStatuses.map((s) => [s.id, s])),
    leadStatusByCode: new Map(leadStatuses.map((s) => [s.code.toUpperCase(), s])),
    sources: sourceEntries,
    sourceById: new Map(sourceEntries.map((s) => [s.id, s])),
    sourceByCode: new Map(sourceEntries.map((s) => [s.code.toUpperCase(), s])),
  };
}

export function dictionaries(db: Db): Promise<Dictionaries> {
  if (db.kysely.isTransaction) return load(db);
  return db.cache.get('ref:bitrix24', CACHE_TTL_MS, () => load(db));
}

/** Deal category of a pipeline, and back. */
export const categoryOf = (d: Dictionaries, pipelineId: number): number =>
  d.pipelineById.get(pipelineId)?.category ?? pipelineId;
