import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import { registerAuth } from './http/auth.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerRouteExamples } from './http/openapi-examples.js';
import { registerTextGuard } from './http/text-guard.js';
import { registerWeb } from './http/web.js';
import { registerLive } from './live/register.js';
import { registerModules } from './modules/index.js';

export interface AppOptions {
  db: Db;
  config: Config;
  https?: { cert: Buffer; key: Buffer };
}

/** Builds the HTTP application: plugins, the auth hook, every module's routes and the one error handler. */
export async function createApp({ db, config, https }: AppOptions): Promise<FastifyInstance> {
  const options: FastifyServerOptions = {
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: false,
    ajv: undefined,
  };
  // The HTTPS overload types a different server; the app is used the same way over both.
  const app = (https
    ? Fastify({ ...options, https } as never)
    : Fastify(options)) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerRouteExamples(app);
  // While shutting down, answers in flight close their connection so keep-alive clients don't hold the exit.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // a callback hook, not an async one: it runs on every answer, and a promise each is not free
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sevan CRM API',
        version: '1',
        description:
          'Native REST API of Sevan CRM. Authenticate with the session cookie from POST /api/v1/auth/login ' +
          '(state-changing requests then need the x-csrf-token header) or with `Authorization: Bearer <API token>`. ' +
          'Lists take ?filter=<json>&sort=-field,field&limit=50&cursor=<nextCursor>. Errors are ' +
          '{ "error": { "code", "message", "details" } }.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'sevan_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  registerAuth(app, db);
  registerTextGuard(app);
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Liveness and database check' } },
    async () => {
      await db.kysely.selectFrom('roles').select('id').limit(1).execute();
      return { status: 'ok', database: db.dialect };
    },
  );
  await registerModules(app, { db, config });
  await registerLive(app, db);
  await registerWeb(app, path.resolve(config.WEB_ROOT));
  return app;
}
