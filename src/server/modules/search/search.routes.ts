import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { findDuplicates } from './duplicates.service.js';
import { globalSearch } from './search.service.js';

/** GET /api/v1/search?q=: one box that finds leads, contacts, companies and deals. */
export async function searchRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search leads, contacts, companies and deals by name, title, company, email or phone',
        description:
          'Words match by prefix ("ara trad" finds "Ararat Trading"); a phone matches in any format ("8 916 123-45-67" finds "+7 (916) 123-45-67"). Results are ranked, best first, and limited to what you may read. Example: /api/v1/search?q=ararat&limit=10',
        querystring: z.strictObject({
          q: z.string().trim().min(1, 'is required').max(200),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
      },
    },
    async (req) => {
      const hits = await globalSearch(
        { db: opts.db, actor: actorOf(req), phoneRegion: opts.phoneRegion },
        req.query.q,
        req.query.limit,
      );
      return {
        items: hits.map((h) => ({ entityType: h.entityType, id: h.entityId, title: h.title, rank: h.rank })),
      };
    },
  );

  const list = (max: number) =>
    z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.string().trim().min(1).max(254)).max(max));
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/duplicates',
    {
      schema: {
        tags: ['search'],
        summary: 'Find leads, contacts and companies that already have a phone or email',
        description:
          'Phones match in any written form. Example: /api/v1/duplicates?phone=8%20916%20123-45-67&email=ivan@example.com',
        querystring: z.strictObject({
          phone: list(10),
          email: list(10),
          entityType: z
            .union([z.enum(['lead', 'contact', 'company']), z.array(z.enum(['lead', 'contact', 'company']))])
            .optional()
            .transform((v) =>
              v === undefined ? (['lead', 'contact', 'company'] as const) : Array.isArray(v) ? v : [v],
            ),
        }),
      },
    },
    async (req) => {
      const { phone, email, entityType } = req.query;
      const ctx = { db: opts.db, actor: actorOf(req), phoneRegion: opts.phoneRegion };
      return {
        items: await findDuplicates(ctx, { phones: phone, emails: email, entityTypes: [...entityType] }),
      };
    },
  );
}
