import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pipelineCreate,
  pipelineUpdate,
  stageCreate,
  stageOrder,
  stageUpdate,
} from '../../../shared/schemas/pipelines.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { idParam } from '../../http/list-query.js';
import { expectedVersion, ifMatchHeader } from '../../optimistic.js';
import { getPipeline, listPipelines } from './pipeline.present.js';
import { createPipeline, deletePipeline, updatePipeline } from './pipeline.service.js';
import { createStage, deleteStage, reorderStages, updateStage } from './stage.service.js';

const stageParams = z.strictObject({
  id: idParam.shape.id,
  stageId: z.coerce.number().int().positive().max(2_147_483_647),
});

const pipelineExamples = [
  { name: 'Car service' },
  {
    name: 'Car service',
    stages: [
      { name: 'Booked', semantics: 'process', probability: 30, color: '#4dabf7' },
      { name: 'In the workshop', semantics: 'process', probability: 70 },
      { name: 'Paid', semantics: 'won' },
      { name: 'Cancelled', semantics: 'lost' },
    ],
  },
];

/** Deal pipelines and their stages: everyone reads them (the kanban needs them), administrators change them. */
export async function pipelineRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pipelines'];
  const base = '/api/v1/pipelines';

  r.get(base, { schema: { tags, summary: 'List pipelines, each with its stages in order' } }, async () => ({
    items: await listPipelines(db),
  }));
  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'Get one pipeline with its stages', params: idParam } },
    async (req) => getPipeline(db, req.params.id),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a pipeline (administrators); without stages it gets the standard sales funnel',
        description:
          'A pipeline needs at least one "process" stage, exactly one "won" and at least one "lost". Stage codes get the C<pipelineId>: prefix and are made from the name when omitted.',
        body: pipelineCreate.meta({ example: pipelineExamples[0] }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return idempotentCreate(db, req, reply, actor, (tx) => createPipeline(tx, actor, req.body));
    },
  );
  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Rename or reorder a pipeline, or make it the default (administrators)',
        params: idParam,
        headers: ifMatchHeader,
        body: pipelineUpdate.meta({ examples: [{ name: 'Retail sales', isDefault: true, version: 1 }] }),
      },
    },
    async (req) => {
      const version = expectedVersion(req.body, req.headers['if-match']);
      return updatePipeline(db, actorOf(req), req.params.id, { ...req.body, version });
    },
  );
  r.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a pipeline without deals (administrators); the default and the last one stay (409)',
        params: idParam,
      },
    },
    async (req, reply) => {
      await deletePipeline(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
  registerStageRoutes(app, db);
}

function registerStageRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pipelines'];
  const base = '/api/v1/pipelines/:id/stages';
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a stage (administrators); without sort an in-progress stage goes after the last one',
        params: idParam,
        body: stageCreate.meta({
          examples: [{ name: 'Contract signed', probability: 90, color: '#1971c2' }],
        }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return idempotentCreate(db, req, reply, actor, (tx) => createStage(tx, actor, req.params.id, req.body));
    },
  );
  r.put(
    `${base}/order`,
    {
      schema: {
        tags,
        summary: 'Reorder the stages of a pipeline (administrators): list every stage id in the new order',
        params: idParam,
        body: stageOrder.meta({ examples: [{ stageIds: [3, 1, 2, 4, 5, 6, 7] }] }),
      },
    },
    async (req) => reorderStages(db, actorOf(req), req.params.id, req.body.stageIds),
  );
  r.patch(
    `${base}/:stageId`,
    {
      schema: {
        tags,
        summary: 'Change a stage (administrators); a semantics change also updates the deals in it',
        params: stageParams,
        body: stageUpdate.meta({ examples: [{ name: 'Negotiation', color: '#f08c00', probability: 50 }] }),
      },
    },
    async (req) => updateStage(db, actorOf(req), req.params.id, req.params.stageId, req.body),
  );
  r.delete(
    `${base}/:stageId`,
    {
      schema: { tags, summary: 'Delete a stage without deals (administrators)', params: stageParams },
    },
    async (req, reply) => {
      await deleteStage(db, actorOf(req), req.params.id, req.params.stageId);
      return reply.status(204).send();
    },
  );
}
