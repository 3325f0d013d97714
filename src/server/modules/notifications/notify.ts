import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/tx.js';
import { publishChange } from '../../live/changes.js';
import { type CrmEntity, loadRecordRef, userCanRead } from './record-ref.js';

export const NOTIFICATION_KINDS = [
  'assigned',
  'activity_due',
  'activity_overdue',
  'mention',
  'stage_changed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotifyInput {
  /** The recipient. */
  userId: number;
  kind: NotificationKind;
  record: { entity: CrmEntity; id: number };
  /** Who caused it (null: the system, e.g. a reminder). The actor is never notified of their own action. */
  actorId?: number | null;
  activityId?: number | null;
  commentId?: number | null;
  /** A snapshot of the record's title; read from the record when omitted. */
  title?: string;
  /** The record's responsible user when the caller has it at hand (saves a read). */
  ownerId?: number;
  /** Extra facts the bell shows (activity subject and due time, the new stage, a comment excerpt). */
  data?: Record<string, unknown> | null;
}

/**
 * Notifies one user about a CRM record, inside the caller's transaction, and publishes a live change to
 * that user once it commits. Skipped (returns null) when the recipient is the actor, is not an active
 * user, or may not read the record: a notification never tells anyone about a record out of their reach.
 * Any module may call it (activity writes call it for "assigned to you").
 */
export async function notify(db: Db, input: NotifyInput): Promise<number | null> {
  const actorId = input.actorId && input.actorId > 0 ? input.actorId : null;
  if (actorId !== null && actorId === input.userId) return null;
  let { title, ownerId } = input;
  if (title === undefined || ownerId === undefined) {
    const ref = await loadRecordRef(db, input.record.entity, input.record.id);
    if (!ref) return null;
    title ??= ref.title;
    ownerId ??= ref.ownerId;
  }
  if (!(await userCanRead(db, input.userId, input.record.entity, ownerId))) return null;
  const row = await db.kysely
    .insertInto('notifications')
    .values({
      user_id: input.userId,
      kind: input.kind,
      record_entity: input.record.entity,
      record_id: input.record.id,
      activity_id: input.activityId ?? null,
      comment_id: input.commentId ?? null,
      actor_id: actorId,
      title: title.slice(0, 500),
      data: input.data ? JSON.stringify(input.data) : null,
      created_at: nowIso(),
      read_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await publishChange(db, { kind: 'notification', id, action: 'created', userIds: [input.userId] });
  return id;
}

/** Removes every notification about a record (it was deleted). */
export async function deleteRecordNotifications(db: Db, entity: CrmEntity, id: number): Promise<void> {
  await db.kysely
    .deleteFrom('notifications')
    .where('record_entity', '=', entity)
    .where('record_id', '=', id)
    .execute();
}
