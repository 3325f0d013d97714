import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { buildRegistry } from './methods/index.js';
import { bitrix24RestRoutes } from './transport/routes.js';
import { inboundWebhookRoutes } from './webhooks/inbound-webhook.routes.js';

/** The Bitrix24-compatible REST API (/rest/…) and the native routes that manage its inbound webhooks. */
export async function registerBitrix24(
  app: FastifyInstance,
  deps: { db: Db; config: Config },
): Promise<void> {
  await app.register(inboundWebhookRoutes, { db: deps.db });
  await app.register(bitrix24RestRoutes, { ...deps, registry: buildRegistry() });
}
