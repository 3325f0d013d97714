import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { roleCreate, roleUpdate } from '../../../shared/schemas/org.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idempotentCreate } from '../../http/idempotency.js';
import { idParam } from '../../http/list-query.js';
import { expectedVersion, ifMatchHeader } from '../../optimistic.js';
import { createRole, deleteRole, getRole, listRoles, updateRole } from './role.service.js';

const permissionsExample = {
  deal: { read: 'department', create: 'own', update: 'own', delete: 'none', export: 'department' },
  contact: { read: 'all', create: 'own', update: 'own', delete: 'none', export: 'none' },
};

/** Roles and their rights: everyone reads them (the UI hides what a user cannot do), administrators change them. */
export async function roleRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];

  r.get(
    '/api/v1/roles',
    { schema: { tags, summary: 'List roles with their rights and how many users have each' } },
    async () => ({ items: await listRoles(db) }),
  );
  r.get('/api/v1/roles/:id', { schema: { tags, summary: 'Get one role', params: idParam } }, async (req) =>
    getRole(db, req.params.id),
  );
  r.post(
    '/api/v1/roles',
    {
      schema: {
        tags,
        summary: 'Create a role (administrators)',
        description:
          'permissions: entity (lead, contact, company, deal, product) × action (read, create, update, delete, export) → scope (none, own, department, subdepartments, all). Missing entries mean none.',
        body: roleCreate.meta({
          examples: [{ name: 'Junior manager', code: 'junior', permissions: permissionsExample }],
        }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return idempotentCreate(db, req, reply, actor, (tx) => createRole(tx, actor, req.body));
    },
  );
  r.patch(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'Rename a role or replace its rights (administrators)',
        params: idParam,
        headers: ifMatchHeader,
        body: roleUpdate.meta({ examples: [{ permissions: permissionsExample, version: 1 }] }),
      },
    },
    async (req) => {
      const version = expectedVersion(req.body, req.headers['if-match']);
      return updateRole(db, actorOf(req), req.params.id, { ...req.body, version });
    },
  );
  r.delete(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'Delete a role (administrators); built-in roles and roles given to users stay (409)',
        params: idParam,
      },
    },
    async (req, reply) => {
      await deleteRole(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
