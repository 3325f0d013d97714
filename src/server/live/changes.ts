import { sql } from 'kysely';
import type { RecordEntity } from '../../shared/access.js';
import type { Db } from '../db/connection.js';
import { afterCommit } from '../db/tx.js';

/**
 * A change other users may need to see live (lists, boards, counters, record pages, the bell).
 * It carries what the stream needs to decide, per subscriber, whether that user may see it,
 * and never the record's content: clients refetch through the API, which applies rights again.
 */
export interface LiveChange {
  /** What changed: a record type, or 'activity', 'comment', 'notification', 'counters'. */
  kind: RecordEntity | 'activity' | 'comment' | 'notification' | 'counters';
  id: number;
  action: 'created' | 'updated' | 'deleted';
  /** The CRM record it belongs to, with its responsible users before and after the change. */
  record?: { entity: RecordEntity; id: number; ownerIds: number[] };
  /** Personal changes (notifications, counters) go to these users only. */
  userIds?: number[];
}

export const LIVE_CHANNEL = 'sevan_live';
export const LIVE_EVENT = 'change';

/**
 * Publishes a change once the surrounding transaction commits (never on rollback).
 * PostgreSQL: pg_notify inside the transaction, so every server process sharing the database hears it
 * on commit (its LISTEN connection re-emits it on `db.live`). SQLite has one process: emit locally.
 */
export async function publishChange(db: Db, change: LiveChange): Promise<void> {
  if (db.dialect === 'postgres') {
    await sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(change)})`.execute(db.kysely);
    return;
  }
  afterCommit(db, () => db.live.emit(LIVE_EVENT, change));
}

/** Listens to changes reaching this process; returns the function that stops listening. */
export function onChange(db: Db, listener: (change: LiveChange) => void): () => void {
  db.live.on(LIVE_EVENT, listener);
  return () => db.live.off(LIVE_EVENT, listener);
}
