import type { Insertable, Selectable } from 'kysely';
import type { RecordEntity } from '../../shared/access.js';
import { type Actor, loadActor } from '../access/actor.js';
import { type Reach, reachIncludes, reachOf } from '../access/rights.js';
import type { Db } from '../db/connection.js';
import type { OutboxTable, WebhookDeliveriesTable } from '../db/schema.js';
import { withTx } from '../db/tx.js';
import type { OutboxPayload } from './outbox.js';

/**
 * Fan-out: turns outbox events into one pending delivery per subscriber, in one transaction with the
 * claim of the events (a process that dies half-way leaves them unclaimed for the next try). Outbound
 * webhooks get every event they list; an event.bind binding gets it only when its user (or the user
 * named by auth_type) may read the record, by the record's responsible before or after the change.
 */

export const DISPATCH_BATCH = 200;

type OutboxRow = Selectable<OutboxTable>;

/** Read rights of binding users, looked up once per batch. */
class ReadRights {
  readonly #actors = new Map<number, Promise<Actor | null>>();
  readonly #reaches = new Map<string, Promise<Reach>>();
  constructor(private readonly db: Db) {}

  async mayRead(userId: number, payload: OutboxPayload): Promise<boolean> {
    let actor = this.#actors.get(userId);
    if (!actor) {
      actor = loadActor(this.db, userId);
      this.#actors.set(userId, actor);
    }
    const a = await actor;
    if (!a) return false;
    const key = `${userId}:${payload.rightsEntity}`;
    let reach = this.#reaches.get(key);
    if (!reach) {
      reach = reachOf(this.db, a, payload.rightsEntity as RecordEntity, 'read');
      this.#reaches.set(key, reach);
    }
    const r = await reach;
    return payload.ownerIds.some((o) => reachIncludes(r, o));
  }
}

async function claimEvents(db: Db, at: string, batch: number): Promise<OutboxRow[]> {
  const rows = await db.kysely
    .updateTable('outbox')
    .set({ dispatched_at: at })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('dispatched_at', 'is', null)
        .orderBy('id')
        .limit(batch)
        .$if(db.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .where('dispatched_at', 'is', null)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

/** Fans out one batch of events; returns how many events it took. */
export async function dispatchOutbox(db: Db, now: Date, batch = DISPATCH_BATCH): Promise<number> {
  const at = now.toISOString();
  return withTx(db, async (tx) => {
    const events = await claimEvents(tx, at, batch);
    if (!events.length) return 0;
    const wanted = [...new Set(events.map((e) => e.event))];
    const [hooks, bindings] = await Promise.all([
      tx.kysely.selectFrom('outbound_webhooks').select(['id', 'events']).where('active', '=', 1).execute(),
      tx.kysely
        .selectFrom('event_bindings')
        .select(['id', 'event', 'user_id', 'auth_type'])
        .where('event', 'in', wanted)
        .execute(),
    ]);
    const hookEvents = hooks.map((h) => ({ id: h.id, events: new Set(JSON.parse(h.events) as string[]) }));
    const rights = new ReadRights(tx);
    const rows: Insertable<WebhookDeliveriesTable>[] = [];
    const pending = (outboxId: number) => ({
      outbox_id: outboxId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      created_at: at,
    });
    for (const e of events) {
      const payload = JSON.parse(e.payload) as OutboxPayload;
      for (const h of hookEvents)
        if (h.events.has(e.event)) rows.push({ ...pending(e.id), webhook_id: h.id, binding_id: null });
      for (const b of bindings) {
        if (b.event !== e.event) continue;
        if (await rights.mayRead(b.auth_type || b.user_id, payload))
          rows.push({ ...pending(e.id), webhook_id: null, binding_id: b.id });
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await tx.kysely
        .insertInto('webhook_deliveries')
        .values(rows.slice(i, i + 500))
        .execute();
    return events.length;
  });
}
