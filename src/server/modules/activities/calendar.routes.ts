import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, isoDateTime } from '../../../shared/schemas/common.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { notFound } from '../../errors.js';
import { actorOf } from '../../http/auth.js';
import { CALENDAR_MAX_DAYS, calendar } from './calendar.service.js';
import { feedCalendar, feedState, revokeFeed, rotateFeed } from './calendar-feed.service.js';
import { countersFor } from './counters.service.js';

const countersExample = {
  today: 3,
  overdue: 1,
  idleDeals: 4,
  idleLeads: 0,
  day: {
    date: '2026-11-26',
    timeZone: 'Asia/Yerevan',
    start: '2026-11-25T20:00:00.000Z',
    end: '2026-11-26T20:00:00.000Z',
  },
};

const FEED_FILE = /^([A-Za-z0-9_-]{20,100})\.ics$/;

/** The public address of this server as the caller reached it (for the subscription URL). */
const baseUrlOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Counters, the calendar, the iCal subscription and the public feed itself. */
export async function calendarRoutes(
  app: FastifyInstance,
  deps: { db: Db; phoneRegion: string },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest): Ctx => ({
    db: deps.db,
    actor: actorOf(req),
    phoneRegion: deps.phoneRegion,
  });

  r.get(
    '/api/v1/counters',
    {
      schema: {
        tags: ['activities'],
        summary: 'My counters: activities due today and overdue, idle deals and leads',
        description:
          'today: planned activities you are responsible for, due from now to the end of your day (your time ' +
          'zone); overdue: due before now; idleDeals / idleLeads: your open deals / leads in progress without a ' +
          'planned activity. With pipelineId, also idleByStage: idle deals you may see per stage, for the kanban. ' +
          `Example answer: ${JSON.stringify(countersExample)}`,
        querystring: z.strictObject({
          pipelineId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
        }),
      },
    },
    async (req) => countersFor(ctx(req), new Date(), req.query.pipelineId),
  );

  r.get(
    '/api/v1/calendar',
    {
      schema: {
        tags: ['activities'],
        summary: 'Calendar: activities due in a time range, of me, a user or a department',
        description:
          `from/to are ISO date-times (at most ${CALENDAR_MAX_DAYS} days apart). Without userId or departmentId: ` +
          'your activities and those you take part in. A department includes its sub-departments. Only ' +
          'activities of records you may see are listed. Example: ' +
          '/api/v1/calendar?from=2026-11-30T00:00:00%2B04:00&to=2026-12-07T00:00:00%2B04:00',
        querystring: z.strictObject({
          from: isoDateTime,
          to: isoDateTime,
          userId: z.coerce.number().pipe(id).optional(),
          departmentId: z.coerce.number().pipe(id).optional(),
        }),
      },
    },
    async (req) => calendar(ctx(req), req.query),
  );

  const feedTags = ['calendar-feed'];
  r.get(
    '/api/v1/me/calendar-feed',
    {
      schema: {
        tags: feedTags,
        summary: 'Whether I have an iCal subscription, and when it was made and last read',
      },
    },
    async (req) => feedState(deps.db, actorOf(req).userId),
  );
  r.post(
    '/api/v1/me/calendar-feed',
    {
      schema: {
        tags: feedTags,
        summary: 'Create (or replace) my secret iCal subscription URL; the URL is shown only in this answer',
        description: 'Creating it again revokes the previous URL.',
        body: z.strictObject({}).nullish().meta({ example: {} }),
      },
    },
    async (req, reply) => {
      const { token, createdAt } = await rotateFeed(deps.db, actorOf(req).userId);
      const url = `${baseUrlOf(req)}/ical/${token}.ics`;
      return reply.status(201).send({ url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt });
    },
  );
  r.delete(
    '/api/v1/me/calendar-feed',
    { schema: { tags: feedTags, summary: 'Revoke my iCal subscription URL' } },
    async (req, reply) => {
      await revokeFeed(deps.db, actorOf(req).userId);
      return reply.status(204).send();
    },
  );

  r.get(
    '/ical/:file',
    {
      config: { public: true },
      schema: {
        tags: feedTags,
        summary: 'The iCal feed (RFC 5545) of a subscription URL; no sign-in, the secret is in the URL',
        description:
          'Planned activities and those done or cancelled in the last 30 days, limited to what the user may see ' +
          'when the feed is read. Example: GET /ical/2mX0c9kq3JwH1vY7Zb8nT4fR6sLpQeUa.ics',
        params: z.strictObject({ file: z.string().max(200) }),
        security: [],
      },
    },
    async (req, reply) => {
      const token = FEED_FILE.exec(req.params.file)?.[1];
      if (!token) throw notFound('Calendar feed');
      const body = await feedCalendar(deps.db, token, { baseUrl: baseUrlOf(req) });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', 'inline; filename="sevan.ics"')
        .send(body);
    },
  );
}
