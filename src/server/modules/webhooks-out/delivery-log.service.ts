import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { afterCommit, nowIso } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import { OUTBOX_WAKE } from '../../jobs/outbox.js';
import { nativeEventName } from '../../jobs/outbox-events.js';
import { decodeCursor, encodeCursor } from '../timeline/cursor.js';
import { loadWebhook } from './webhook.service.js';

/** A webhook's delivery log, newest first, and the manual retry of one delivery. */

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryView {
  id: number;
  /** The event's id (the same as X-Sevan-Event-Id / the native payload's `id`). */
  eventId: string;
  /** In the spelling of the webhook's format. */
  event: string;
  entity: string;
  entityId: number;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due (pending deliveries only). */
  nextAttemptAt: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  deliveredAt: string | null;
  createdAt: string;
}

function deliveries(db: Db) {
  return db.kysely
    .selectFrom('webhook_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select([
      'd.id',
      'd.webhook_id',
      'd.status',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_error',
      'd.last_status_code',
      'd.delivered_at',
      'd.created_at',
      'o.uid',
      'o.event',
      'o.entity',
      'o.entity_id',
      'o.created_at as occurred_at',
    ]);
}

const deliveryQuery = (db: Db, webhookId: number) => deliveries(db).where('d.webhook_id', '=', webhookId);

type DeliveryRow = Awaited<ReturnType<ReturnType<typeof deliveryQuery>['execute']>>[number];

const present = (r: DeliveryRow, format: string): DeliveryView => ({
  id: r.id,
  eventId: r.uid,
  event: format === 'native' ? nativeEventName(r.event) : r.event,
  entity: r.entity,
  entityId: r.entity_id,
  occurredAt: r.occurred_at,
  status: r.status as DeliveryStatus,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
  lastError: r.last_error,
  lastStatusCode: r.last_status_code,
  deliveredAt: r.delivered_at,
  createdAt: r.created_at,
});

export interface DeliveryListInput {
  status?: DeliveryStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listDeliveries(
  db: Db,
  actor: Actor,
  webhookId: number,
  input: DeliveryListInput,
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  assertAdmin(actor);
  const hook = await loadWebhook(db, webhookId);
  let q = deliveryQuery(db, webhookId);
  if (input.status) q = q.where('d.status', '=', input.status);
  if (input.cursor) {
    const [id] = decodeCursor<[number]>(input.cursor, ['number']);
    q = q.where('d.id', '<', id);
  }
  const rows = await q
    .orderBy('d.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => present(r, hook.format)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** The newest delivery of each of the webhooks (for their list), in one query. */
export async function lastDeliveries(
  db: Db,
  webhooks: { id: number; format: string }[],
): Promise<Map<number, DeliveryView>> {
  if (!webhooks.length) return new Map();
  const newest = db.kysely
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.max('id').as('id'))
    .where(
      'webhook_id',
      'in',
      webhooks.map((w) => w.id),
    )
    .groupBy('webhook_id');
  const rows = await deliveries(db).where('d.id', 'in', newest).execute();
  const formats = new Map(webhooks.map((w) => [w.id, w.format]));
  const out = new Map<number, DeliveryView>();
  for (const r of rows)
    if (r.webhook_id !== null) out.set(r.webhook_id, present(r, formats.get(r.webhook_id) ?? 'native'));
  return out;
}

/**
 * Makes a delivery due now, whatever its status (a delivered one is sent again). Should that attempt fail,
 * back-off continues only while the delivery is less than a day old; an older one is failed again.
 */
export async function retryDelivery(
  db: Db,
  actor: Actor,
  webhookId: number,
  deliveryId: number,
): Promise<DeliveryView> {
  assertAdmin(actor);
  const hook = await loadWebhook(db, webhookId);
  const res = await db.kysely
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: nowIso(), delivered_at: null })
    .where('id', '=', deliveryId)
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFound('Delivery', deliveryId);
  afterCommit(db, () => db.live.emit(OUTBOX_WAKE));
  const row = await deliveryQuery(db, webhookId).where('d.id', '=', deliveryId).executeTakeFirstOrThrow();
  return present(row, hook.format);
}
