import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCodes } from '../../shared/errors.js';
import { type Actor, loadActor } from '../access/actor.js';
import type { Db } from '../db/connection.js';
import { AppError } from '../errors.js';
import { findApiToken, findSession } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'sevan_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's CSRF token, when the caller signed in with the cookie. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Route answers without a signed-in user. */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling, for every /api route: a Bearer API token or the session cookie. Cookie requests
 * that change state must echo the session's CSRF token in a header (a cross-site form cannot set it).
 */
export function registerAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('preHandler', async (req) => {
    if (req.routeOptions.config?.public || !req.url.startsWith('/api/') || req.url.startsWith('/api/docs'))
      return;
    const { actor, csrfToken } = await authenticate(db, req);
    req.actor = actor;
    req.csrfToken = csrfToken;
  });
}

export async function authenticate(
  db: Db,
  req: FastifyRequest,
): Promise<{ actor: Actor; csrfToken: string | null }> {
  const header = req.headers.authorization;
  let userId: number | null = null;
  let csrfToken: string | null = null;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const token = m ? await findApiToken(db, m[1] as string) : null;
    if (!token) throw new AppError(ErrorCodes.UNAUTHENTICATED, 'The API token is invalid or revoked');
    userId = token.userId;
  } else {
    const cookie = req.cookies[SESSION_COOKIE];
    const session = cookie ? await findSession(db, cookie) : null;
    if (!session) {
      throw new AppError(
        ErrorCodes.UNAUTHENTICATED,
        cookie ? 'Your session has expired; sign in again' : 'Sign in first',
      );
    }
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError(ErrorCodes.FORBIDDEN, `Missing or wrong ${CSRF_HEADER} header`);
    }
    userId = session.userId;
    csrfToken = session.csrfToken;
  }
  const actor = await loadActor(db, userId);
  if (!actor) throw new AppError(ErrorCodes.UNAUTHENTICATED, 'This user is deactivated');
  return { actor, csrfToken };
}

/** The signed-in actor of a route that is not public. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError(ErrorCodes.UNAUTHENTICATED, 'Sign in first');
  return req.actor;
}
