import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadActor } from '../../../access/actor.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/connection.js';
import { B24Error, b24, toB24Error } from '../errors.js';
import { type MethodRegistry, normalizeMethod } from '../registry.js';
import { findInboundWebhook } from '../webhooks/inbound-webhook.service.js';
import { runMethod } from './dispatch.js';
import { successBody } from './envelope.js';
import { mergeParams, parseMultipart, parsePhpQuery } from './params.js';
import { LeakyBucket } from './rate-limit.js';

export interface RestDeps {
  db: Db;
  config: Config;
  registry: MethodRegistry;
}

/**
 * The Bitrix24 REST transport: `/rest/<userId>/<secret>/<method>[.json|.xml][/]`, GET or POST, parameters
 * in the query string, a form-urlencoded, multipart or JSON body. Its own body parsers and error handler
 * live in this plugin only; the native API is untouched. Authentication is the webhook secret, not the
 * session (the native auth hook only guards /api/).
 */
export async function bitrix24RestRoutes(app: FastifyInstance, deps: RestDeps): Promise<void> {
  const { db, config, registry } = deps;
  const bucket = new LeakyBucket(config.BITRIX24_RATE_BURST, config.BITRIX24_RATE_PER_SECOND);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    const body = String(text).trim();
    if (!body) return done(null, {});
    try {
      done(null, JSON.parse(body));
    } catch {
      done(new B24Error(400, 'INVALID_REQUEST', 'The request body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, text, done) =>
    done(null, parsePhpQuery(String(text))),
  );
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer' },
    async (req: FastifyRequest, body: Buffer) => parseMultipart(body, String(req.headers['content-type'])),
  );
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, _text, done) => done(null, {}));

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof B24Error) {
      if (err.status >= 500) req.log.error({ err: err.cause ?? err }, 'Bitrix24 REST method failed');
      return sendError(reply, err);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, new B24Error(413, 'INVALID_REQUEST', 'The request body is too large'));
    const converted = toB24Error(err, 'coded');
    if (converted.status >= 500) req.log.error({ err }, 'Bitrix24 REST method failed');
    return sendError(reply, converted);
  });

  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    const started = Date.now();
    const { userId, secret } = req.params as { userId: string; secret: string };
    const method = normalizeMethod((req.params as { '*': string })['*'] ?? '');
    if (!/^\d+$/.test(userId)) throw b24.noAuth();
    const webhook = await findInboundWebhook(db, Number(userId), secret);
    if (!webhook) throw b24.badCredentials();
    if (!bucket.take(webhook.id)) throw b24.tooManyRequests();
    const actor = await loadActor(db, webhook.userId);
    if (!actor) throw b24.badCredentials();
    const query = req.url.includes('?') ? parsePhpQuery(req.url.slice(req.url.indexOf('?') + 1)) : {};
    const params = mergeParams(query, req.body);
    const ctx = { db, actor, phoneRegion: config.DEFAULT_PHONE_REGION };
    const result = await runMethod({ ctx, params, webhook, registry, inBatch: false }, method);
    return reply.type('application/json; charset=utf-8').send(successBody(result, started));
  };

  app.route({
    method: ['GET', 'POST'],
    url: '/rest/:userId/:secret/*',
    schema: { hide: true },
    // The URL carries the webhook secret: no per-request access-log lines (which print the URL) for it.
    logLevel: 'warn',
    handler: handle,
  });
  // The OAuth form (/rest/<method>?auth=…) is for installed applications, which Sevan does not have.
  app.route({
    method: ['GET', 'POST'],
    url: '/rest/*',
    schema: { hide: true },
    handler: async () => {
      throw b24.noAuth();
    },
  });
}

function sendError(reply: FastifyReply, err: B24Error) {
  return reply.status(err.status).type('application/json; charset=utf-8').send(err.body());
}
