import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { listNotifications, markAllRead, markRead, unreadCount } from './notification.service.js';
import './record-triggers.js';

const listQuery = z.strictObject({
  unread: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .meta({ description: '1: only unread notifications', example: '1' }),
  limit: z.coerce.number().int().min(1).max(200).default(30),
  cursor: z.string().max(1000).optional().meta({ description: 'nextCursor of the previous page' }),
});

/** The bell: the current user's notifications, newest first, with the unread count. */
export async function notificationRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const ctx = (req: Parameters<typeof actorOf>[0]): Ctx => ({
    db: opts.db,
    actor: actorOf(req),
    phoneRegion: opts.phoneRegion,
  });
  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        description:
          'Kinds: assigned, activity_due, activity_overdue, mention, stage_changed. Each names the record to ' +
          'open (entity, recordId, title) and who caused it. Only records you may read now are listed. ' +
          'Example: GET /api/v1/notifications?unread=1&limit=20',
        querystring: listQuery,
      },
    },
    async (req) =>
      listNotifications(ctx(req), {
        unread: req.query.unread === '1' || req.query.unread === 'true',
        limit: req.query.limit,
        cursor: req.query.cursor,
      }),
  );
  r.get(
    '/api/v1/notifications/unread-count',
    { schema: { tags, summary: 'How many of my notifications are unread (the bell badge)' } },
    async (req) => ({ unreadCount: await unreadCount(ctx(req)) }),
  );
  r.post(
    '/api/v1/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read' } },
    async (req) => markAllRead(ctx(req)),
  );
  r.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read', params: idParam } },
    async (req) => markRead(ctx(req), req.params.id),
  );
}
