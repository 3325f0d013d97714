import { z } from 'zod';
import { id, requiredText } from './common.js';

/** Deal pipelines and their stages, plus the small building blocks other configuration schemas reuse. */
export const STAGE_SEMANTICS = ['process', 'won', 'lost'] as const;
export type StageSemantics = (typeof STAGE_SEMANTICS)[number];

/** No transform here (it would hide the route examples in OpenAPI): services store colours lower-case. */
export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as "#4dabf7"');

/** Bitrix24-style code: capital latin letters, digits and underscore (stages get a C<pipelineId>: prefix). */
export const referenceCode = z
  .string()
  .regex(/^[A-Z0-9_]{1,40}$/, 'must be 1 to 40 capital latin letters, digits or _, such as "NEGOTIATION"');

export const sortValue = z.number().int().min(0).max(1_000_000);
export const probability = z.number().int().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100');

const stageFields = {
  name: requiredText(100),
  code: referenceCode.optional(),
  semantics: z.enum(STAGE_SEMANTICS).default('process'),
  probability: probability.optional(),
  color: hexColor.optional(),
};

/** A stage inside POST /pipelines: the array order is the stage order. */
export const pipelineStageInput = z.strictObject(stageFields);

export const stageCreate = z.strictObject({ ...stageFields, sort: sortValue.optional() });

export const stageUpdate = z.strictObject({
  name: requiredText(100).optional(),
  color: hexColor.optional(),
  probability: probability.optional(),
  semantics: z.enum(STAGE_SEMANTICS).optional(),
  sort: sortValue.optional(),
});

export const stageOrder = z.strictObject({
  stageIds: z.array(id).min(1, 'must list the stages').max(200),
});

export const pipelineCreate = z.strictObject({
  name: requiredText(100),
  sort: sortValue.optional(),
  isDefault: z.boolean().default(false),
  stages: z.array(pipelineStageInput).min(3, 'needs in-progress, won and lost stages').max(100).optional(),
});

export const pipelineUpdate = z.strictObject({
  name: requiredText(100).optional(),
  sort: sortValue.optional(),
  isDefault: z.boolean().optional(),
  version: z.number().int().positive().optional(),
});

export type PipelineCreate = z.output<typeof pipelineCreate>;
export type PipelineUpdate = z.output<typeof pipelineUpdate>;
export type StageCreate = z.output<typeof stageCreate>;
export type StageUpdate = z.output<typeof stageUpdate>;
