import type { StageSemantics } from '../../../shared/schemas/pipelines.js';
import type { Db } from '../../db/connection.js';
import { codeFromName, firstFreeCode } from '../reference/code.js';
import { type StageRow, stageCodesLike } from './pipeline.repository.js';

/** The stages a new pipeline gets when the client lists none: the seed's sales funnel, Bitrix24 codes. */
export const DEFAULT_STAGES: {
  code: string;
  name: string;
  semantics: StageSemantics;
  probability: number;
  color: string;
}[] = [
  { code: 'NEW', name: 'New', semantics: 'process', probability: 10, color: '#74c0fc' },
  {
    code: 'PREPARATION',
    name: 'Waiting for information',
    semantics: 'process',
    probability: 20,
    color: '#4dabf7',
  },
  {
    code: 'PREPAYMENT_INVOICE',
    name: 'Negotiation',
    semantics: 'process',
    probability: 40,
    color: '#339af0',
  },
  { code: 'EXECUTING', name: 'Commercial proposal', semantics: 'process', probability: 60, color: '#1c7ed6' },
  { code: 'FINAL_INVOICE', name: 'Invoice', semantics: 'process', probability: 80, color: '#1864ab' },
  { code: 'WON', name: 'Won', semantics: 'won', probability: 100, color: '#40c057' },
  { code: 'LOSE', name: 'Lost', semantics: 'lost', probability: 0, color: '#fa5252' },
];

export const defaultColor = (s: StageSemantics) =>
  s === 'won' ? '#40c057' : s === 'lost' ? '#fa5252' : '#4dabf7';
export const defaultProbability = (s: StageSemantics) => (s === 'won' ? 100 : 0);

/** Why a set of stages cannot form a pipeline, or null when it can. */
export function stageSetProblem(semantics: StageSemantics[]): string | null {
  const n = (s: StageSemantics) => semantics.filter((x) => x === s).length;
  if (n('process') < 1) return 'a pipeline needs at least one in-progress ("process") stage';
  if (n('won') !== 1) return 'a pipeline needs exactly one "won" stage';
  if (n('lost') < 1) return 'a pipeline needs at least one "lost" stage';
  return null;
}

/**
 * Bitrix24 convention: the original pipeline (category 0) has bare codes (NEW, WON…); every other pipeline's
 * codes carry `C<pipelineId>:`. A pipeline whose stages already have bare codes is the original one.
 */
export function codePrefix(pipelineId: number, stages: Pick<StageRow, 'code'>[]): string {
  const bare = stages.some((s) => !/^C\d+:/.test(s.code));
  return bare ? '' : `C${pipelineId}:`;
}

/** The stage's full code: the given one, or one made from the name that no other stage uses yet. */
export async function stageCode(
  db: Db,
  prefix: string,
  input: { code?: string | undefined; name: string },
  reserved: Set<string> = new Set(),
): Promise<string> {
  if (input.code !== undefined) return `${prefix}${input.code}`;
  const base = `${prefix}${codeFromName(input.name, 'STAGE')}`;
  const taken = new Set([...(await stageCodesLike(db, base)), ...reserved]);
  return firstFreeCode(base, taken);
}
