import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/connection.js';
import { actorOf } from '../../../http/auth.js';
import { idParam } from '../../../http/list-query.js';
import {
  createInboundWebhook,
  listInboundWebhooks,
  revokeInboundWebhook,
  webhookCreate,
} from './inbound-webhook.service.js';

/** The base URL a Bitrix24 integration is given, from the address this request came to. */
export function webhookBaseUrl(req: FastifyRequest, userId: number, secret: string): string {
  return `${req.protocol}://${req.host}/rest/${userId}/${secret}/`;
}

/**
 * Administrators manage the inbound webhooks of the Bitrix24-compatible REST API: create (the secret and
 * URL are shown once), list (with the last use), revoke.
 */
export async function inboundWebhookRoutes(app: FastifyInstance, opts: { db: Db }): Promise<void> {
  const { db } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  r.get(
    '/api/v1/webhooks/inbound',
    {
      schema: {
        tags,
        summary: 'List inbound webhooks (never their secrets), with when each was last used',
      },
    },
    async (req) => ({ items: await listInboundWebhooks(db, actorOf(req)) }),
  );
  r.post(
    '/api/v1/webhooks/inbound',
    {
      schema: {
        tags,
        summary: 'Create an inbound webhook for the Bitrix24-compatible REST API; the URL is shown once',
        description:
          'The webhook acts as the given user (default: you) with that user’s access rights, limited to the ' +
          'scopes listed (crm, user, user_basic, user_brief, department, telephony). The response carries the ' +
          'secret and the base URL https://<host>/rest/<userId>/<secret>/ once; only a hash is kept.',
        body: webhookCreate.meta({
          examples: [{ title: 'Website form', userId: 1, scopes: ['crm', 'user'] }],
        }),
      },
    },
    async (req, reply) => {
      const created = await createInboundWebhook(db, actorOf(req), req.body);
      return reply.status(201).send({ ...created, url: webhookBaseUrl(req, created.userId, created.secret) });
    },
  );
  r.delete(
    '/api/v1/webhooks/inbound/:id',
    {
      schema: { tags, summary: 'Revoke an inbound webhook (its URL stops working at once)', params: idParam },
    },
    async (req, reply) => {
      await revokeInboundWebhook(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
