import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/connection.js';
import type { FieldChange } from '../history/history.service.js';
import type { CrmEntity } from '../notifications/record-ref.js';

/**
 * The timeline's sources. Each reads one kind of event of one record, newest first, strictly after a
 * cursor in the merged order (at desc, key desc, id desc), at most `limit` rows; the service merges them.
 * `key` orders events of the same instant and tells the sources apart in a cursor.
 */
export type TimelineKey = 'activity_completed' | 'activity_created' | 'change' | 'comment';

export interface TimelineCursor {
  at: string;
  key: TimelineKey;
  id: number;
}

export interface SourceRow {
  key: TimelineKey;
  id: number;
  at: string;
  actorId: number | null;
}

export interface ActivityRow extends SourceRow {
  activity: {
    id: number;
    type: string;
    subject: string;
    description: string | null;
    status: string;
    priority: string;
    startAt: string | null;
    endAt: string | null;
    dueAt: string;
    responsibleId: number;
    result: string | null;
    completedAt: string | null;
  };
}

export interface ChangeRow extends SourceRow {
  action: string;
  changes: FieldChange[];
}

export interface SourceQuery {
  db: Db;
  entity: CrmEntity;
  recordId: number;
  cursor: TimelineCursor | null;
  limit: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the keyset condition applies to whichever table a source reads
type AnyEB = ExpressionBuilder<any, any>;

/** "After the cursor" for a source whose rows all carry `key`, on its time column `at`. */
export function afterCursor(key: TimelineKey, at: string, cursor: TimelineCursor | null) {
  return (eb: AnyEB): Expression<SqlBool> => {
    if (!cursor) return sql<boolean>`1 = 1`;
    if (key < cursor.key) return eb(eb.ref(at), '<=', cursor.at);
    if (key > cursor.key) return eb(eb.ref(at), '<', cursor.at);
    return eb.or([
      eb(eb.ref(at), '<', cursor.at),
      eb.and([eb(eb.ref(at), '=', cursor.at), eb(eb.ref('id'), '<', cursor.id)]),
    ]);
  };
}

export async function commentRows(q: SourceQuery): Promise<(SourceRow & { commentId: number })[]> {
  const rows = await q.db.kysely
    .selectFrom('comments')
    .select(['id', 'created_at', 'author_id'])
    .where('owner_entity', '=', q.entity)
    .where('owner_id', '=', q.recordId)
    .where(afterCursor('comment', 'created_at', q.cursor))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    key: 'comment',
    id: r.id,
    at: r.created_at,
    actorId: r.author_id,
    commentId: r.id,
  }));
}

export async function changeRows(q: SourceQuery): Promise<ChangeRow[]> {
  const rows = await q.db.kysely
    .selectFrom('history')
    .select(['id', 'at', 'actor_id', 'action', 'changes'])
    .where('entity_type', '=', q.entity)
    .where('entity_id', '=', q.recordId)
    .where(afterCursor('change', 'at', q.cursor))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    key: 'change',
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}

/** Activities of the record: one event when planned (created) and one when completed. */
export async function activityRows(q: SourceQuery, event: 'created' | 'completed'): Promise<ActivityRow[]> {
  const key: TimelineKey = event === 'created' ? 'activity_created' : 'activity_completed';
  const atColumn = event === 'created' ? 'created_at' : 'completed_at';
  const rows = await q.db.kysely
    .selectFrom('activities')
    .selectAll()
    .where('owner_entity', '=', q.entity)
    .where('owner_id', '=', q.recordId)
    .$if(event === 'completed', (b) => b.where('status', '=', 'done').where('completed_at', 'is not', null))
    .where(afterCursor(key, atColumn, q.cursor))
    .orderBy(atColumn, 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    key,
    id: r.id,
    at: (event === 'created' ? r.created_at : r.completed_at) as string,
    // Completing is the last change of a done activity as a rule; the table keeps no separate "completed by".
    actorId: event === 'created' ? r.created_by : r.updated_by,
    activity: {
      id: r.id,
      type: r.type,
      subject: r.subject,
      description: r.description,
      status: r.status,
      priority: r.priority,
      startAt: r.start_at,
      endAt: r.end_at,
      dueAt: r.due_at,
      responsibleId: r.responsible_id,
      result: r.result,
      completedAt: r.completed_at,
    },
  }));
}
