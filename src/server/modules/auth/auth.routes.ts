import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { actorOf, SESSION_COOKIE } from '../../http/auth.js';
import { getMe } from '../users/user.service.js';
import { login, logout } from './auth.service.js';

const loginBody = z
  .strictObject({
    email: z.string().trim().min(1, 'is required').max(254),
    password: z.string().min(1, 'is required').max(1000),
  })
  .meta({ examples: [{ email: 'admin@example.com', password: 'correct horse battery staple' }] });

/** Sign-in, sign-out and "who am I". Sign-in is rate-limited per client address and email. */
export async function authRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const { db, config } = opts;
  await app.register(rateLimit, { global: false });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = Boolean(config.TLS_CERT);

  r.post(
    '/api/v1/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: config.LOGIN_RATE_LIMIT,
          // after body parsing, so the key can include the email being tried
          hook: 'preHandler',
          timeWindow: '1 minute',
          keyGenerator: (req) =>
            `${req.ip}:${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: loginBody,
      },
    },
    async (req, reply) => {
      const session = await login(db, req.body.email, req.body.password, config.SESSION_TTL_HOURS);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      const me = await getMe(db, session.userId);
      return { user: me, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out: ends the session' } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user with their role and rights',
        description:
          'For a cookie session it also returns the csrfToken to send as x-csrf-token. Example: GET /api/v1/me',
      },
    },
    async (req) => ({ ...(await getMe(db, actorOf(req).userId)), csrfToken: req.csrfToken }),
  );
}
