import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { idParam, listParamsFromQuery, listQuery, searchBody } from '../../http/list-query.js';
import { expectedVersion, ifMatchHeader } from '../../optimistic.js';
import { listHistory } from '../history/history.service.js';
import type { EntityDescriptor } from './descriptor.js';
import { bulkBody, bulkChange } from './record.bulk.js';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from './record.service.js';

export interface RouteDeps {
  db: Db;
  phoneRegion: string;
}

/**
 * Record bodies are validated by the service (it alone knows the custom fields); the route's body schema
 * only documents them. Params, query and headers are validated here as usual.
 */
const recordValidator = ((opts) =>
  opts.httpPart === 'body'
    ? (data: unknown) => ({ value: data })
    : validatorCompiler(opts)) as FastifySchemaCompiler<z.ZodType> as never;

/** CRUD, list, search and history routes of one CRM record type. */
export function registerRecordRoutes(
  app: FastifyInstance,
  d: EntityDescriptor,
  deps: RouteDeps,
  example: Record<string, unknown>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/v1/${d.path}`;
  const tags = [d.path];
  const ctx = (req: Parameters<typeof actorOf>[0]): Ctx => ({
    db: deps.db,
    actor: actorOf(req),
    phoneRegion: deps.phoneRegion,
  });
  const bodyDoc = z.looseObject(d.inputShape).meta({ example });

  r.get(
    base,
    {
      schema: {
        tags,
        summary: `List ${d.path}`,
        description: `Filter, sort and page ${d.path}. Example: ${base}?filter={"responsibleId":1}&sort=-id&limit=50`,
        querystring: listQuery,
      },
    },
    async (req) => listRecords(ctx(req), d, listParamsFromQuery(req.query)),
  );

  r.post(
    `${base}/search`,
    {
      schema: {
        tags,
        summary: `Search ${d.path} with a filter body`,
        body: searchBody.meta({ examples: [{ filter: { id: { gte: 1 } }, sort: '-id', limit: 20 }] }),
      },
    },
    async (req) => listRecords(ctx(req), d, { ...req.body, withTotal: req.body.total }),
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: `Create a ${d.label.toLowerCase()}`,
        description: 'Send Idempotency-Key to make retries safe.',
        body: bodyDoc,
      },
      validatorCompiler: recordValidator,
    },
    async (req, reply) => {
      const c = ctx(req);
      return idempotentCreate(deps.db, req, reply, c.actor, (db) => createRecord({ ...c, db }, d, req.body));
    },
  );

  r.get(
    `${base}/:id`,
    { schema: { tags, summary: `Get one ${d.label.toLowerCase()}`, params: idParam } },
    async (req) => getRecord(ctx(req), d, req.params.id),
  );

  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `Change a ${d.label.toLowerCase()}`,
        description:
          'Send the version you read (body "version" or If-Match); a stale version answers 409 with the current record.',
        params: idParam,
        headers: ifMatchHeader,
        body: bodyDoc
          .partial()
          .extend({ version: z.number().int().optional() })
          .meta({ example: { ...Object.fromEntries(Object.entries(example).slice(0, 2)), version: 1 } }),
      },
      validatorCompiler: recordValidator,
    },
    async (req) =>
      updateRecord(ctx(req), d, req.params.id, req.body, expectedVersion({}, req.headers['if-match'])),
  );

  r.delete(
    `${base}/:id`,
    {
      schema: { tags, summary: `Delete a ${d.label.toLowerCase()}`, params: idParam, headers: ifMatchHeader },
    },
    async (req, reply) => {
      await deleteRecord(ctx(req), d, req.params.id, expectedVersion({}, req.headers['if-match']));
      return reply.status(204).send();
    },
  );

  r.get(
    `${base}/:id/history`,
    {
      schema: {
        tags,
        summary: `History of a ${d.label.toLowerCase()}: who changed which field, when`,
        params: idParam,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().positive().optional(),
        }),
      },
    },
    async (req) => ({
      items: await listHistory(
        ctx(req),
        d.entity,
        d.table,
        d.ownerColumn,
        d.label,
        req.params.id,
        req.query.limit,
        req.query.before,
      ),
    }),
  );

  r.post(
    `${base}/bulk`,
    {
      schema: {
        tags,
        summary: `Change many ${d.path} at once: assign, move${d.entity === 'deal' ? ' stage' : d.entity === 'lead' ? ' status' : ''}, or delete`,
        description:
          'Each record is checked against your rights on its own; the answer lists what was done and what failed and why.',
        body: bulkBody,
      },
    },
    async (req) => bulkChange(ctx(req), d, req.body),
  );
}
