import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requiredText } from '../../../shared/schemas/common.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service.js';

/** The signed-in user's API tokens: create (shown once), list, revoke. A token carries its user's rights. */
export async function apiTokenRoutes(app: FastifyInstance, opts: { db: Db }) {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api-tokens'];
  r.get(
    '/api/v1/api-tokens',
    { schema: { tags, summary: 'List my API tokens (never the secrets)' } },
    async (req) => ({
      items: await listApiTokens(db, actorOf(req).userId),
    }),
  );
  r.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; the response shows the token once',
        body: z.strictObject({ name: requiredText(100) }).meta({ examples: [{ name: 'Website form' }] }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createApiToken(db, actorOf(req).userId, req.body.name)),
  );
  r.delete(
    '/api/v1/api-tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: idParam } },
    async (req, reply) => {
      await revokeApiToken(db, actorOf(req).userId, req.params.id);
      return reply.status(204).send();
    },
  );
}
