import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { crmDescriptors } from '../notifications/record-ref.js';
import { recordTimeline } from './timeline.service.js';

const timelineQuery = z.strictObject({
  types: z.string().max(100).optional().meta({
    description: 'Comma-separated: activity, comment, change (all when absent)',
    example: 'activity,comment',
  }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional().meta({ description: 'nextCursor of the previous page' }),
});

/** GET /api/v1/<leads|contacts|companies|deals>/:id/timeline: activities, comments and field changes together. */
export async function timelineRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof actorOf>[0]): Ctx => ({
    db: opts.db,
    actor: actorOf(req),
    phoneRegion: opts.phoneRegion,
  });
  for (const [entity, d] of crmDescriptors()) {
    r.get(
      `/api/v1/${d.path}/:id/timeline`,
      {
        schema: {
          tags: [d.path],
          summary: `Timeline of a ${d.label.toLowerCase()}: activities, comments and field changes, newest first`,
          description:
            'Items are { type: "activity" | "comment" | "change", id, at, actor, … }; activities appear when ' +
            `planned (event "created") and when completed. Example: GET /api/v1/${d.path}/42/timeline?types=activity,comment&limit=20`,
          params: idParam,
          querystring: timelineQuery,
        },
      },
      async (req) => recordTimeline(ctx(req), entity, req.params.id, req.query),
    );
  }
}
