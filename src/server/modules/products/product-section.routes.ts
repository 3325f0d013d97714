import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sectionCreate, sectionUpdate } from '../../../shared/schemas/products.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import {
  createSection,
  deleteSection,
  getSection,
  listSections,
  updateSection,
} from './product-section.service.js';

/** The catalog's section tree: /api/v1/product-sections. */
export async function productSectionRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['product-sections'];
  const base = '/api/v1/product-sections';
  const ctx = (req: Parameters<typeof actorOf>[0]): Ctx => ({
    db: opts.db,
    actor: actorOf(req),
    phoneRegion: opts.phoneRegion,
  });
  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List all product sections (build the tree from parentId)',
        description:
          'Example answer: { "items": [{ "id": 1, "name": "Laptops", "parentId": null, "sort": 500 }] }',
      },
    },
    async (req) => ({ items: await listSections(ctx(req)) }),
  );
  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Get one product section',
        description:
          'Example: GET /api/v1/product-sections/2 → { "id": 2, "name": "Laptops", "parentId": 1, "sort": 500 }',
        params: idParam,
      },
    },
    async (req) => getSection(ctx(req), req.params.id),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a product section, optionally inside another',
        body: sectionCreate.meta({ examples: [{ name: '14" laptops', parentId: 1, sort: 100 }] }),
      },
    },
    async (req, reply) => reply.status(201).send(await createSection(ctx(req), req.body)),
  );
  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Rename, move (no cycles) or re-sort a product section',
        params: idParam,
        body: sectionUpdate.meta({ examples: [{ parentId: null, name: 'Laptops' }] }),
      },
    },
    async (req) => updateSection(ctx(req), req.params.id, req.body),
  );
  r.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a product section: its products move to no section, its subsections up one level',
        description: 'Example: DELETE /api/v1/product-sections/2 → 204 No Content',
        params: idParam,
      },
    },
    async (req, reply) => {
      await deleteSection(ctx(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
