import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECORD_ENTITIES } from '../../../shared/access.js';
import { requiredText } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { createSavedFilter, deleteSavedFilter, listSavedFilters } from './saved-filter.service.js';

/** Personal saved list views (filter + sort + columns) per entity type. */
export async function savedFilterRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['saved-filters'];
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({
    db: opts.db,
    actor: actorOf(req),
    phoneRegion: opts.phoneRegion,
  });
  r.get(
    '/api/v1/saved-filters',
    {
      schema: {
        tags,
        summary: 'My saved filters of one entity type',
        description: 'Example: /api/v1/saved-filters?entityType=deal',
        querystring: z.strictObject({ entityType: z.enum(RECORD_ENTITIES) }),
      },
    },
    async (req) => ({ items: await listSavedFilters(ctx(req), req.query.entityType) }),
  );
  r.post(
    '/api/v1/saved-filters',
    {
      schema: {
        tags,
        summary: 'Save the current filter, sort and columns under a name',
        body: z
          .strictObject({
            entityType: z.enum(RECORD_ENTITIES),
            name: requiredText(100),
            filter: z.record(z.string(), z.unknown()),
            sort: z.string().max(500).optional(),
            columns: z.array(z.string().max(100)).max(100).optional(),
          })
          .meta({
            example: {
              entityType: 'deal',
              name: 'Big deals',
              filter: { amount: { gte: '10000' } },
              sort: '-amount',
            },
          }),
      },
    },
    async (req, reply) => reply.status(201).send(await createSavedFilter(ctx(req), req.body)),
  );
  r.delete(
    '/api/v1/saved-filters/:id',
    { schema: { tags, summary: 'Delete one of my saved filters', params: idParam } },
    async (req, reply) => {
      await deleteSavedFilter(ctx(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
