import { randomUUID } from 'node:crypto';
import type { RecordEntity } from '../../shared/access.js';
import { CACHE_TTL_MS } from '../db/cache.js';
import type { Db } from '../db/connection.js';
import { afterCommit, nowIso } from '../db/tx.js';
import { onRecordWrite, type RecordWrite } from '../modules/records/write-hooks.js';
import { eventName, type OutboxAction, type OutboxEntity } from './outbox-events.js';

/**
 * Writing outgoing events: one outbox row per change, in the change's own transaction (a rolled-back
 * change leaves none; a committed one is delivered even if the process dies right after the commit). An
 * event no subscriber wants is not stored (another server process learns of a new subscriber within the
 * 2-second cache of `subscribedEvents`). After the commit the delivery worker of this process is woken.
 */

/** Emitted on `db.live` after a commit that wrote outbox rows: the worker delivers at once. */
export const OUTBOX_WAKE = 'outbox';

/** What an outbox row's payload holds: who may see the event (read rights on the record). */
export interface OutboxPayload {
  /** The record type whose read rights decide (an activity's owner record type). */
  rightsEntity: RecordEntity;
  /** The record's responsible users before and after the change. */
  ownerIds: number[];
  /** Who made the change (null: the system). */
  actorId: number | null;
  /** Activities: the record they belong to. */
  owner?: { entity: string; id: number };
}

const SUBSCRIBED_KEY = 'outbound-events';

/**
 * The event names some subscriber wants: all bound events and the events of active outbound webhooks.
 * Cached briefly; writes to the subscriber tables through this process drop the entry at once.
 */
export function subscribedEvents(db: Db): Promise<Set<string>> {
  return db.cache.get(SUBSCRIBED_KEY, CACHE_TTL_MS, async () => {
    const [bound, hooks] = await Promise.all([
      db.kysely.selectFrom('event_bindings').select('event').distinct().execute(),
      db.kysely.selectFrom('outbound_webhooks').select('events').where('active', '=', 1).execute(),
    ]);
    const events = new Set(bound.map((b) => b.event));
    for (const h of hooks) for (const e of JSON.parse(h.events) as string[]) events.add(e);
    return events;
  });
}

/** Called after any change to bindings or webhooks (now, and once the change commits). */
export function subscribersChanged(db: Db): void {
  db.cache.invalidate(SUBSCRIBED_KEY);
  afterCommit(db, () => db.cache.invalidate(SUBSCRIBED_KEY));
}

export interface OutboxEvent {
  entity: OutboxEntity;
  action: OutboxAction;
  entityId: number;
  payload: OutboxPayload;
}

export async function writeOutboxEvent(db: Db, e: OutboxEvent): Promise<void> {
  const event = eventName(e.entity, e.action);
  if (!(await subscribedEvents(db)).has(event)) return;
  await db.kysely
    .insertInto('outbox')
    .values({
      uid: randomUUID(),
      event,
      entity: e.entity,
      entity_id: e.entityId,
      payload: JSON.stringify(e.payload),
      created_at: nowIso(),
      dispatched_at: null,
    })
    .execute();
  afterCommit(db, () => db.live.emit(OUTBOX_WAKE));
}

const owners = (...ids: unknown[]) => [...new Set(ids.filter((o): o is number => typeof o === 'number'))];

const OUTBOX_RECORDS = new Set<string>(['lead', 'contact', 'company', 'deal']);

/** The outbox row of a record write (leads, contacts, companies, deals). */
export async function recordWriteEvent(db: Db, actorId: number, write: RecordWrite): Promise<void> {
  const d = write.descriptor;
  if (!OUTBOX_RECORDS.has(d.entity)) return;
  const ownerField = d.fields.find((f) => f.column === d.ownerColumn)?.name ?? 'responsibleId';
  await writeOutboxEvent(db, {
    entity: d.entity as OutboxEntity,
    action: write.action,
    entityId: write.id,
    payload: {
      rightsEntity: d.entity,
      ownerIds: owners(write.before?.[ownerField], write.after?.[ownerField]),
      actorId: actorId || null,
    },
  });
}

/** The activity columns an event needs. */
interface ActivityRef {
  id: number;
  owner_entity: string;
  owner_id: number;
  owner_responsible_id: number;
  updated_by: number | null;
}

/** The outbox row of an activity write: ONCRMACTIVITYADD / UPDATE / DELETE. */
export async function activityWriteEvent(
  db: Db,
  action: OutboxAction,
  before: ActivityRef | null,
  after: ActivityRef | null,
): Promise<void> {
  const row = after ?? before;
  if (!row) return;
  await writeOutboxEvent(db, {
    entity: 'activity',
    action,
    entityId: row.id,
    payload: {
      rightsEntity: row.owner_entity as RecordEntity,
      ownerIds: owners(before?.owner_responsible_id, after?.owner_responsible_id),
      actorId: row.updated_by,
      owner: { entity: row.owner_entity, id: row.owner_id },
    },
  });
}

/** Every record write of the record engine writes its event (registering again replaces the hook). */
export function registerOutboxHooks(): void {
  onRecordWrite('outbox', (ctx, write) => recordWriteEvent(ctx.db, ctx.actor.userId, write));
}
