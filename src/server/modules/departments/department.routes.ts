import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { departmentCreate, departmentUpdate } from '../../../shared/schemas/org.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { idParam } from '../../http/list-query.js';
import { expectedVersion, ifMatchHeader } from '../../optimistic.js';
import {
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  updateDepartment,
} from './department.service.js';

/** The department tree: everyone reads it, administrators change it. */
export async function departmentRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['departments'];

  r.get(
    '/api/v1/departments',
    { schema: { tags, summary: 'List departments (flat, with parentId; build the tree from it)' } },
    async () => ({ items: await listDepartments(db) }),
  );
  r.get(
    '/api/v1/departments/:id',
    { schema: { tags, summary: 'Get one department', params: idParam } },
    async (req) => getDepartment(db, req.params.id),
  );
  r.post(
    '/api/v1/departments',
    {
      schema: {
        tags,
        summary: 'Create a department (administrators)',
        description:
          'Without parentId it goes under the top department; parentId null makes a top-level one.',
        body: departmentCreate.meta({ examples: [{ name: 'Sales: Yerevan', parentId: 1, headId: 2 }] }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return idempotentCreate(db, req, reply, actor, (tx) => createDepartment(tx, actor, req.body));
    },
  );
  r.patch(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move or change the head of a department (administrators)',
        params: idParam,
        headers: ifMatchHeader,
        body: departmentUpdate.meta({ examples: [{ parentId: 1, headId: 5, version: 1 }] }),
      },
    },
    async (req) => {
      const version = expectedVersion(req.body, req.headers['if-match']);
      return updateDepartment(db, actorOf(req), req.params.id, { ...req.body, version });
    },
  );
  r.delete(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        summary: 'Delete an empty department (administrators); 409 while it has users or sub-departments',
        params: idParam,
      },
    },
    async (req, reply) => {
      await deleteDepartment(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
