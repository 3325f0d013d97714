import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { publishChange } from './changes.js';

/** Native API routes whose writes change what every screen reads: pipelines and stages, statuses, lists. */
const SETTINGS_ROUTES =
  /^\/api\/v1\/((pipelines|lead-statuses|currencies|sources|custom-fields|users|departments|roles)(\/|\?|$)|me(\?|$))/;
/** The Bitrix24-compatible methods that change the same: user fields and status lists. */
const BITRIX24_SETTINGS = /^\/rest\/[^?]*\.(userfield|status)\.(add|update|delete)(\.json)?\/?(\?|$)/i;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A successful write to shared settings tells every signed-in user to refetch them (stage names and
 * colours, list options, the people to assign). It is published once the answer is sent, so the write
 * has committed; the event carries nothing but its kind.
 */
export function publishSettingsWrites(app: FastifyInstance, db: Db): void {
  // a callback hook, not an async one: it runs on every answer and rarely has anything to do
  app.addHook('onResponse', (req, reply, done) => {
    if (READS.has(req.method) || reply.statusCode >= 300) return done();
    if (!SETTINGS_ROUTES.test(req.url) && !BITRIX24_SETTINGS.test(req.url)) return done();
    publishChange(db, { kind: 'settings', id: 0, action: 'updated', everyone: true })
      .catch((err) => req.log.warn({ err }, 'settings change not published'))
      .finally(done);
  });
}
