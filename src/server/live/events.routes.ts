import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { actorOf, authenticate } from '../http/auth.js';
import { openSse } from '../http/sse.js';
import type { LiveHub } from './hub.js';

const HEARTBEAT_MS = 20_000;
const RETRY_MS = 3_000;

const description = [
  'A Server-Sent Events stream (text/event-stream) of changes the signed-in user may see: records they can',
  'read (by their role and department), and changes addressed to them (notifications, counters). Each event',
  'says what to refetch through the API, never the content:',
  '',
  '    event: change',
  '    data: {"kind":"deal","id":42,"action":"updated","record":{"entity":"deal","id":42}}',
  '',
  '`event: resync` means changes may have been missed: refetch everything shown. A comment line arrives',
  'every 20 seconds; the stream ends when the session ends or the server stops (EventSource reconnects).',
  '',
  'Example: curl -N -H "Authorization: Bearer <token>" https://crm.example.com/api/v1/events',
].join('\n');

/** GET /api/v1/events: the live stream of the signed-in user. */
export function liveRoutes(app: FastifyInstance, deps: { db: Db; hub: LiveHub }): void {
  const { db, hub } = deps;
  app.get(
    '/api/v1/events',
    {
      schema: { tags: ['live'], summary: 'Live updates of what I can see (Server-Sent Events)', description },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const stream = openSse(reply, RETRY_MS);
      const leave = hub.add({ userId: actor.userId, send: stream.send, close: stream.close });
      // Each heartbeat checks the credentials again: a signed-out, expired or deactivated user stops hearing.
      const heartbeat = setInterval(() => {
        authenticate(db, req).then(
          () => stream.comment('ping'),
          () => stream.close(),
        );
      }, HEARTBEAT_MS);
      stream.onClose(() => {
        clearInterval(heartbeat);
        leave();
      });
      return reply;
    },
  );
}
