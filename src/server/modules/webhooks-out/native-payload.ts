import { createHmac } from 'node:crypto';
import { nativeEventName } from '../../jobs/outbox-events.js';

/**
 * An outgoing event of a native webhook: a JSON body
 *   {"id":"<event id>","event":"deal.updated","occurredAt":"2026-11-30T10:00:00.000Z","data":{"entity":"deal","id":42}}
 * with headers X-Sevan-Event, X-Sevan-Event-Id (the same id on every retry: de-duplicate by it),
 * X-Sevan-Timestamp (unix seconds of this attempt) and X-Sevan-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body with the webhook's secret>.
 */
export interface NativeEventInput {
  uid: string;
  event: string;
  entity: string;
  entityId: number;
  occurredAt: string;
  secret: string;
}

export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export function nativeEventRequest(
  e: NativeEventInput,
  now: Date,
): { body: string; headers: Record<string, string> } {
  const event = nativeEventName(e.event);
  const body = JSON.stringify({
    id: e.uid,
    event,
    occurredAt: e.occurredAt,
    data: { entity: e.entity, id: e.entityId },
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-sevan-event': event,
      'x-sevan-event-id': e.uid,
      'x-sevan-timestamp': String(Math.floor(now.getTime() / 1000)),
      'x-sevan-signature': signBody(e.secret, body),
    },
  };
}
