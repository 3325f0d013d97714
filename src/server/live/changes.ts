import { type Kysely, sql } from 'kysely';
import type { RecordEntity } from '../../shared/access.js';
import type { Db } from '../db/connection.js';
import type { DB } from '../db/schema.js';
import { afterCommit } from '../db/tx.js';

/**
 * A change other users may need to see live (lists, boards, counters, record pages, the bell).
 * It carries what the stream needs to decide, per subscriber, whether that user may see it,
 * and never the record's content: clients refetch through the API, which applies rights again.
 */
export interface LiveChange {
  /** What changed: a record type, or 'activity', 'comment', 'notification', 'counters', 'settings'. */
  kind: RecordEntity | 'activity' | 'comment' | 'notification' | 'counters' | 'settings';
  /** The record's id; 0 when one change touched many records of the kind (a stage's semantics rewritten). */
  id: number;
  action: 'created' | 'updated' | 'deleted';
  /** The CRM record it belongs to, with its responsible users before and after the change. */
  record?: { entity: RecordEntity; id: number; ownerIds: number[] };
  /** Personal changes (notifications, counters) go to these users only. */
  userIds?: number[];
  /** Shared settings everyone reads (pipelines, statuses, custom fields, users): every signed-in user. */
  everyone?: boolean;
}

export const LIVE_CHANNEL = 'sevan_live';
export const LIVE_EVENT = 'change';
/** Emitted on `db.live` when changes may have been missed (the listening connection was re-established). */
export const LIVE_RESYNC = 'resync';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay well below. */
const MAX_PAYLOAD_BYTES = 7000;

/**
 * Publishes a change once the surrounding transaction commits (never on rollback).
 * PostgreSQL: pg_notify inside the transaction, so every server process sharing the database hears it
 * on commit (its LISTEN connection re-emits it on `db.live`). SQLite has one process: emit locally.
 */
export async function publishChange(db: Db, change: LiveChange): Promise<void> {
  if (db.dialect === 'postgres') {
    const payloads = notifyPayloads(change);
    const send = (k: Kysely<DB>) =>
      sql`select pg_notify(${LIVE_CHANNEL}, p) from unnest(${payloads}::text[]) as p`.execute(k);
    const outside = db.outside;
    if (db.committed && outside) {
      // after the commit, on another connection, without holding up the write's response; live
      // updates are not durable anyway (a stream that misses one resynchronises on reconnect)
      afterCommit(db, () => void send(outside).catch(() => db.live.emit(LIVE_RESYNC)));
      return;
    }
    await send(db.kysely);
    return;
  }
  afterCommit(db, () => db.live.emit(LIVE_EVENT, change));
}

/**
 * The change as NOTIFY payloads. Record changes are tiny; a personal change addressed to very many users
 * is split by recipients so that each payload fits.
 */
export function notifyPayloads(change: LiveChange): string[] {
  const whole = JSON.stringify(change);
  const users = change.userIds ?? [];
  if (Buffer.byteLength(whole) < MAX_PAYLOAD_BYTES || users.length < 2) return [whole];
  const half = Math.ceil(users.length / 2);
  return [
    ...notifyPayloads({ ...change, userIds: users.slice(0, half) }),
    ...notifyPayloads({ ...change, userIds: users.slice(half) }),
  ];
}

/** Listens to changes reaching this process; returns the function that stops listening. */
export function onChange(db: Db, listener: (change: LiveChange) => void): () => void {
  db.live.on(LIVE_EVENT, listener);
  return () => db.live.off(LIVE_EVENT, listener);
}
