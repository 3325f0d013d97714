import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activityComplete,
  activityCreate,
  activityReopen,
  activityUpdate,
} from '../../../shared/schemas/activities.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { idParam, listParamsFromQuery, listQuery, searchBody } from '../../http/list-query.js';
import { expectedVersion, ifMatchHeader } from '../../optimistic.js';
import { registerActivityHooks } from './activity.hooks.js';
import { listActivities } from './activity.list.js';
import {
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  reopenActivity,
  updateActivity,
} from './activity.service.js';
import { calendarRoutes } from './calendar.routes.js';

export interface ActivityRouteDeps {
  db: Db;
  phoneRegion: string;
}

const createExample = {
  type: 'call',
  subject: 'Discuss the laptop order',
  startAt: '2026-12-01T10:00:00+04:00',
  endAt: '2026-12-01T10:15:00+04:00',
  ownerEntity: 'deal',
  ownerId: 42,
  priority: 'high',
  commType: 'phone',
  commValue: '+374 10 123456',
  remindBeforeMinutes: 15,
};

/**
 * Activities (calls, meetings, emails, tasks on a CRM record), the counters, the calendar and the iCal
 * feed. A record's activities: GET /api/v1/activities?filter={"ownerEntity":"deal","ownerId":42}.
 */
export async function activityRoutes(app: FastifyInstance, deps: ActivityRouteDeps): Promise<void> {
  registerActivityHooks();
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  const ctx = (req: FastifyRequest): Ctx => ({
    db: deps.db,
    actor: actorOf(req),
    phoneRegion: deps.phoneRegion,
  });

  r.get(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'List activities (my activities, a record’s activities, any filter)',
        description:
          'Filter, sort and page the activities of records you may see, with the same filter language as record ' +
          'lists. Fields: type, status, priority, dueAt, startAt, endAt, responsibleId, ownerEntity, ownerId, subject, ' +
          'createdAt, completedAt and more. Default sort: dueAt. Example (a deal’s activities): ' +
          '/api/v1/activities?filter={"ownerEntity":"deal","ownerId":42}',
        querystring: listQuery,
      },
    },
    async (req) => listActivities(ctx(req), listParamsFromQuery(req.query)),
  );

  r.post(
    '/api/v1/activities/search',
    {
      schema: {
        tags,
        summary: 'Search activities with a filter body',
        body: searchBody.meta({
          examples: [
            {
              filter: { responsibleId: 7, status: 'planned', dueAt: { lt: '2026-12-01T00:00:00Z' } },
              sort: 'dueAt',
              limit: 50,
            },
          ],
        }),
      },
    },
    async (req) => listActivities(ctx(req), { ...req.body, withTotal: req.body.total }),
  );

  r.post(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'Plan an activity on a lead, contact, company or deal',
        description:
          'A call or meeting needs startAt (it is due then); an email or task needs deadline. The responsible ' +
          '(default: you) and participants must be able to see the record. Send Idempotency-Key to make retries safe.',
        body: activityCreate.meta({ example: createExample }),
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return idempotentCreate(deps.db, req, reply, c.actor, (db) => createActivity({ ...c, db }, req.body));
    },
  );

  r.get(
    '/api/v1/activities/:id',
    { schema: { tags, summary: 'Get one activity', params: idParam } },
    async (req) => getActivity(ctx(req), req.params.id),
  );

  r.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity; reschedule it with a new startAt (calls, meetings) or deadline',
        description:
          'Send the version you read (body "version" or If-Match); a stale version answers 409 with the current ' +
          'activity. A new startAt keeps the duration unless endAt is given too.',
        params: idParam,
        headers: ifMatchHeader,
        body: activityUpdate.meta({ example: { startAt: '2026-12-02T11:00:00+04:00', version: 1 } }),
      },
    },
    async (req) =>
      updateActivity(ctx(req), req.params.id, req.body, expectedVersion({}, req.headers['if-match'])),
  );

  r.delete(
    '/api/v1/activities/:id',
    { schema: { tags, summary: 'Delete an activity', params: idParam, headers: ifMatchHeader } },
    async (req, reply) => {
      await deleteActivity(ctx(req), req.params.id, expectedVersion({}, req.headers['if-match']));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/activities/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete an activity in one click, with an optional result note',
        params: idParam,
        headers: ifMatchHeader,
        body: activityComplete
          .nullish()
          .meta({ example: { result: 'Agreed on 20 laptops, invoice next week', version: 1 } }),
      },
    },
    async (req) =>
      completeActivity(ctx(req), req.params.id, {
        result: req.body?.result,
        version: expectedVersion(req.body ?? {}, req.headers['if-match']),
      }),
  );

  r.post(
    '/api/v1/activities/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a done or cancelled activity (back to planned)',
        params: idParam,
        headers: ifMatchHeader,
        body: activityReopen.nullish().meta({ example: { version: 2 } }),
      },
    },
    async (req) =>
      reopenActivity(ctx(req), req.params.id, expectedVersion(req.body ?? {}, req.headers['if-match'])),
  );

  await calendarRoutes(app, deps);
}
