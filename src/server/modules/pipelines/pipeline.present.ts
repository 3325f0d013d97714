import type { StageSemantics } from '../../../shared/schemas/pipelines.js';
import type { Db } from '../../db/connection.js';
import { notFound } from '../../errors.js';
import {
  findPipeline,
  type PipelineRow,
  pipelineRows,
  type StageRow,
  stageRows,
} from './pipeline.repository.js';

/** A deal pipeline as the API shows it: with its stages in board order. */
export interface StageView {
  id: number;
  pipelineId: number;
  code: string;
  name: string;
  sort: number;
  semantics: StageSemantics;
  probability: number;
  color: string;
}

export interface PipelineView {
  id: number;
  name: string;
  sort: number;
  isDefault: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  stages: StageView[];
}

export const presentStage = (s: StageRow): StageView => ({
  id: s.id,
  pipelineId: s.pipeline_id,
  code: s.code,
  name: s.name,
  sort: s.sort,
  semantics: s.semantics,
  probability: s.probability,
  color: s.color,
});

const presentPipeline = (p: PipelineRow, stages: StageRow[]): PipelineView => ({
  id: p.id,
  name: p.name,
  sort: p.sort,
  isDefault: Boolean(p.is_default),
  version: p.version,
  createdAt: p.created_at,
  updatedAt: p.updated_at,
  stages: stages.filter((s) => s.pipeline_id === p.id).map(presentStage),
});

export async function listPipelines(db: Db): Promise<PipelineView[]> {
  const [pipelines, stages] = await Promise.all([pipelineRows(db), stageRows(db)]);
  return pipelines.map((p) => presentPipeline(p, stages));
}

export async function getPipeline(db: Db, id: number): Promise<PipelineView> {
  const row = await findPipeline(db, id);
  if (!row) throw notFound('Pipeline', id);
  return presentPipeline(row, await stageRows(db, id));
}
