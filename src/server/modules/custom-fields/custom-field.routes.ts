import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CUSTOM_FIELD_ENTITIES,
  customFieldCreate,
  customFieldUpdate,
} from '../../../shared/schemas/custom-fields.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { notFound } from '../../errors.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { findCustomField, listCustomFields } from './custom-field.repository.js';
import { createCustomField, deleteCustomField, updateCustomField } from './custom-field.service.js';

/** Custom fields: any signed-in user reads them (forms need them); administrators change them. */
export async function customFieldRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custom-fields'];
  const ctx = (req: Parameters<typeof actorOf>[0]): Ctx => ({
    db: opts.db,
    actor: actorOf(req),
    phoneRegion: opts.phoneRegion,
  });

  r.get(
    '/api/v1/custom-fields',
    {
      schema: {
        tags,
        summary: 'List custom fields, optionally of one entity type',
        querystring: z.strictObject({ entityType: z.enum(CUSTOM_FIELD_ENTITIES).optional() }),
      },
    },
    async (req) => ({ items: await listCustomFields(opts.db, req.query.entityType) }),
  );
  r.get(
    '/api/v1/custom-fields/:id',
    { schema: { tags, summary: 'Get a custom field', params: idParam } },
    async (req) => {
      const field = await findCustomField(opts.db, req.params.id);
      if (!field) throw notFound('Custom field', req.params.id);
      return field;
    },
  );
  r.post(
    '/api/v1/custom-fields',
    {
      schema: {
        tags,
        summary: 'Create a custom field: a name and a type are enough',
        description:
          'Types: string, text, number, money, date, datetime, boolean, enum (with options; multiple for several values), url, user, crm (a link such as "deal:12"). The value then appears on records under `apiName`.',
        body: customFieldCreate.meta({
          example: {
            entityType: 'deal',
            name: 'Channel',
            type: 'enum',
            options: [{ label: 'Retail' }, { label: 'Wholesale' }],
          },
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await createCustomField(ctx(req), req.body)),
  );
  r.patch(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Rename a custom field, make it required, or change its options',
        params: idParam,
        body: customFieldUpdate.meta({
          examples: [{ name: 'Planned delivery', required: true, version: 1 }],
        }),
      },
    },
    async (req) => updateCustomField(ctx(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/custom-fields/:id',
    { schema: { tags, summary: 'Delete a custom field and all its values', params: idParam } },
    async (req, reply) => {
      await deleteCustomField(ctx(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
