import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { registerOutboxHooks } from '../../jobs/outbox.js';
import { EVENT_NAMES, nativeEventName } from '../../jobs/outbox-events.js';
import { DELIVERY_STATUSES, lastDeliveries, listDeliveries, retryDelivery } from './delivery-log.service.js';
import { configureOutbound, settingsFromConfig } from './outbound-settings.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  updateWebhook,
  webhookCreate,
  webhookUpdate,
} from './webhook.service.js';

const deliveryParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  deliveryId: z.coerce.number().int().positive().max(2_147_483_647),
});

const deliveriesQuery = z.strictObject({
  status: z
    .enum(DELIVERY_STATUSES)
    .optional()
    .meta({ description: 'Only deliveries in this status', example: 'failed' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional().meta({ description: 'nextCursor of the previous page' }),
});

const CREATE_EXAMPLE = {
  name: 'ERP sync',
  url: 'https://erp.example.com/sevan-events',
  events: ['deal.created', 'deal.updated', 'deal.deleted'],
  format: 'native',
  active: true,
};

/**
 * Outbound webhooks (administrators): configuration, the delivery log and retries. Registering these
 * routes also applies the webhook settings of the configuration to the database handle and makes record
 * writes record their outgoing events.
 */
export async function webhookOutRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const { db } = opts;
  configureOutbound(db, settingsFromConfig(opts.config));
  registerOutboxHooks();
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  r.get(
    '/api/v1/webhooks/events',
    { schema: { tags, summary: 'The events a webhook can receive, in both spellings' } },
    async () => ({ items: EVENT_NAMES.map((bitrix24) => ({ native: nativeEventName(bitrix24), bitrix24 })) }),
  );
  r.get(
    '/api/v1/webhooks/outbound',
    {
      schema: {
        tags,
        summary: 'List outbound webhooks (administrators; never the secrets)',
        description: 'Each with `lastDelivery`: its newest delivery (as in its delivery log), or null.',
      },
    },
    async (req) => {
      const hooks = await listWebhooks(db, actorOf(req));
      const last = await lastDeliveries(db, hooks);
      return { items: hooks.map((h) => ({ ...h, lastDelivery: last.get(h.id) ?? null })) };
    },
  );
  r.post(
    '/api/v1/webhooks/outbound',
    {
      schema: {
        tags,
        summary: 'Create an outbound webhook; the response shows its secret once',
        description:
          'format "native" posts signed JSON (X-Sevan-Signature: sha256=HMAC of the body with the secret); ' +
          '"bitrix24" posts the form Bitrix24 sends, with the secret as auth[application_token]. Events may ' +
          'be named either way (deal.updated or ONCRMDEALUPDATE). The URL must pass the SSRF guard.',
        body: webhookCreate.meta({ examples: [CREATE_EXAMPLE] }),
      },
    },
    async (req, reply) => reply.status(201).send(await createWebhook(db, actorOf(req), req.body)),
  );
  r.get(
    '/api/v1/webhooks/outbound/:id',
    { schema: { tags, summary: 'One outbound webhook', params: idParam } },
    async (req) => getWebhook(db, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/v1/webhooks/outbound/:id',
    {
      schema: {
        tags,
        summary: 'Change an outbound webhook; rotateSecret: true answers a new secret once',
        params: idParam,
        body: webhookUpdate.meta({ examples: [{ events: ['deal.created', 'deal.updated'], active: false }] }),
      },
    },
    async (req) => updateWebhook(db, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/webhooks/outbound/:id',
    { schema: { tags, summary: 'Delete an outbound webhook and its delivery log', params: idParam } },
    async (req, reply) => {
      await deleteWebhook(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/v1/webhooks/outbound/:id/deliveries',
    {
      schema: {
        tags,
        summary: "A webhook's delivery log, newest first (status, attempts, last error)",
        description: 'Example: GET /api/v1/webhooks/outbound/3/deliveries?status=failed&limit=50',
        params: idParam,
        querystring: deliveriesQuery,
      },
    },
    async (req) => listDeliveries(db, actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/v1/webhooks/outbound/:id/deliveries/:deliveryId/retry',
    {
      schema: {
        tags,
        summary: 'Attempt a delivery again now (a delivered one is sent again)',
        params: deliveryParams,
      },
    },
    async (req) => retryDelivery(db, actorOf(req), req.params.id, req.params.deliveryId),
  );
}
