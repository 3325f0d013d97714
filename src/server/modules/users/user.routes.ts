import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meUpdate, userCreate, userUpdate } from '../../../shared/schemas/org.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { idParam } from '../../http/list-query.js';
import { expectedVersion, ifMatchHeader } from '../../optimistic.js';
import { createUserAs, getUser, listUsers } from './user.service.js';
import { updateMe, updateUser } from './user.update.js';

const listFilter = z.strictObject({
  active: z.enum(['true', 'false']).optional().meta({ description: 'Only active or only deactivated users' }),
  departmentId: z.coerce.number().int().positive().optional(),
});

const userExamples = [
  {
    email: 'anna@example.com',
    name: 'Anna',
    lastName: 'Petrosyan',
    password: 'a long secret',
    roleId: 3,
    departmentId: 1,
    timeZone: 'Asia/Yerevan',
    locale: 'hy',
  },
];

/** The user directory (everyone reads it), user administration (administrators) and "my profile". */
export async function userRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'List users: the company directory (administrators see every field)',
        querystring: listFilter,
      },
    },
    async (req) => {
      const { active, departmentId } = req.query;
      const filter = { active: active === undefined ? undefined : active === 'true', departmentId };
      return { items: await listUsers(db, actorOf(req), filter) };
    },
  );
  r.get('/api/v1/users/:id', { schema: { tags, summary: 'Get one user', params: idParam } }, async (req) =>
    getUser(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a user (administrators)',
        body: userCreate.meta({ examples: userExamples }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return idempotentCreate(db, req, reply, actor, (tx) => createUserAs(tx, actor, req.body));
    },
  );
  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (administrators); "active": false deactivates, true reactivates',
        description: 'Send the version you read; a stale one answers 409 with the current user.',
        params: idParam,
        headers: ifMatchHeader,
        body: userUpdate.meta({ example: { roleId: 2, departmentId: 3, version: 1 } }),
      },
    },
    async (req) => {
      const version = expectedVersion(req.body, req.headers['if-match']);
      return updateUser(db, actorOf(req), req.params.id, { ...req.body, version });
    },
  );
  registerMeRoute(app, db);
}

/** PATCH /me: what every user may change about themselves. */
function registerMeRoute(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.patch(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my name, time zone, language or password (a new password needs the current one)',
        body: meUpdate.meta({ example: { timeZone: 'Europe/Moscow', locale: 'ru' } }),
      },
    },
    async (req) => updateMe(db, actorOf(req), req.body),
  );
}
