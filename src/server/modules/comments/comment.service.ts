import { assertRecordAccess } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { nowIso, withTx } from '../../db/tx.js';
import { forbidden, notFound } from '../../errors.js';
import { publishChange } from '../../live/changes.js';
import { notify } from '../notifications/notify.js';
import {
  type CrmEntity,
  isCrmEntity,
  loadRecordRef,
  type PersonRef,
  personOf,
  type RecordRef,
  readableRecord,
  userNames,
} from '../notifications/record-ref.js';
import { decodeCursor, encodeCursor } from '../timeline/cursor.js';
import { assertMentionable, mentionedUserIds } from './mentions.js';

/**
 * Comments on CRM records. Whoever may read a record may comment on it (as on a Bitrix24 timeline);
 * authors edit and delete their own comments, administrators any. Mentioned users who may read the record
 * are notified; the others are not, and nothing tells the author who could not see it.
 */

export interface CommentView {
  id: number;
  entity: CrmEntity;
  recordId: number;
  body: string;
  author: PersonRef | null;
  mentions: PersonRef[];
  edited: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CommentRow {
  id: number;
  owner_entity: string;
  owner_id: number;
  body: string;
  author_id: number;
  edited: number;
  created_at: string;
  updated_at: string;
}

/** API shape of comment rows, with author and mentioned users' names, in one query each. */
export async function presentComments(db: Db, rows: CommentRow[]): Promise<CommentView[]> {
  if (!rows.length) return [];
  const mentions = await db.kysely
    .selectFrom('comment_mentions')
    .select(['comment_id', 'user_id'])
    .where(
      'comment_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const names = await userNames(db, [...rows.map((r) => r.author_id), ...mentions.map((m) => m.user_id)]);
  return rows.map((r) => ({
    id: r.id,
    entity: r.owner_entity as CrmEntity,
    recordId: r.owner_id,
    body: r.body,
    author: personOf(names, r.author_id),
    mentions: mentions
      .filter((m) => m.comment_id === r.id)
      .map((m) => personOf(names, m.user_id) as PersonRef)
      .sort((a, b) => a.id - b.id),
    edited: Boolean(r.edited),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

const excerpt = (body: string) => (body.length > 200 ? `${body.slice(0, 199)}…` : body);

/** Notifies the newly mentioned users who may read the record (notify() skips the others). */
async function notifyMentions(
  db: Db,
  ctx: Ctx,
  ref: RecordRef,
  commentId: number,
  body: string,
  ids: number[],
) {
  for (const userId of ids) {
    await notify(db, {
      userId,
      kind: 'mention',
      record: { entity: ref.entity, id: ref.id },
      actorId: ctx.actor.userId,
      commentId,
      title: ref.title,
      ownerId: ref.ownerId,
      data: { excerpt: excerpt(body) },
    });
  }
}

const liveRecord = (ref: RecordRef) => ({ entity: ref.entity, id: ref.id, ownerIds: [ref.ownerId] });

export async function createComment(
  ctx: Ctx,
  entity: CrmEntity,
  recordId: number,
  input: { body: string },
): Promise<CommentView> {
  return withTx(ctx.db, async (db) => {
    const ref = await readableRecord(db, ctx.actor, entity, recordId);
    const mentioned = mentionedUserIds(input.body);
    await assertMentionable(db, mentioned);
    const now = nowIso();
    const row = await db.kysely
      .insertInto('comments')
      .values({
        owner_entity: entity,
        owner_id: recordId,
        body: input.body,
        author_id: ctx.actor.userId,
        edited: 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (mentioned.length) {
      await db.kysely
        .insertInto('comment_mentions')
        .values(mentioned.map((userId) => ({ comment_id: row.id, user_id: userId })))
        .execute();
    }
    await notifyMentions(db, ctx, ref, row.id, input.body, mentioned);
    await publishChange(db, { kind: 'comment', id: row.id, action: 'created', record: liveRecord(ref) });
    return (await presentComments(db, [row]))[0] as CommentView;
  });
}

export async function listComments(
  ctx: Ctx,
  entity: CrmEntity,
  recordId: number,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: CommentView[]; nextCursor: string | null }> {
  await readableRecord(ctx.db, ctx.actor, entity, recordId);
  let q = ctx.db.kysely
    .selectFrom('comments')
    .selectAll()
    .where('owner_entity', '=', entity)
    .where('owner_id', '=', recordId);
  if (page.cursor) {
    const [at, id] = decodeCursor<[string, number]>(page.cursor, ['string', 'number']);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: await presentComments(ctx.db, pageRows),
    nextCursor: more && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}

/** Loads a comment for a change: 404 unless its record is readable, 403 unless the actor wrote it or is an admin. */
async function commentToChange(ctx: Ctx, db: Db, id: number): Promise<{ row: CommentRow; ref: RecordRef }> {
  const row = await db.kysely.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  const entity = row?.owner_entity as CrmEntity;
  const ref = row && isCrmEntity(entity) ? await loadRecordRef(db, entity, row.owner_id) : null;
  if (!row || !ref) throw notFound('Comment', id);
  // A comment on a record out of the actor's reach does not exist for them.
  await assertRecordAccess(db, ctx.actor, entity, 'read', ref.ownerId, 'Comment', id);
  if (row.author_id !== ctx.actor.userId && !ctx.actor.isAdmin) {
    throw forbidden('Only the author or an administrator can change this comment');
  }
  return { row, ref };
}

export async function updateComment(ctx: Ctx, id: number, input: { body: string }): Promise<CommentView> {
  return withTx(ctx.db, async (db) => {
    const { ref } = await commentToChange(ctx, db, id);
    const mentioned = mentionedUserIds(input.body);
    await assertMentionable(db, mentioned);
    const before = await db.kysely
      .selectFrom('comment_mentions')
      .select('user_id')
      .where('comment_id', '=', id)
      .execute();
    const already = new Set(before.map((m) => m.user_id));
    const row = await db.kysely
      .updateTable('comments')
      .set({ body: input.body, edited: 1, updated_at: nowIso() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await db.kysely.deleteFrom('comment_mentions').where('comment_id', '=', id).execute();
    if (mentioned.length) {
      await db.kysely
        .insertInto('comment_mentions')
        .values(mentioned.map((userId) => ({ comment_id: id, user_id: userId })))
        .execute();
    }
    const added = mentioned.filter((u) => !already.has(u));
    await notifyMentions(db, ctx, ref, id, input.body, added);
    await publishChange(db, { kind: 'comment', id, action: 'updated', record: liveRecord(ref) });
    return (await presentComments(db, [row]))[0] as CommentView;
  });
}

export async function deleteComment(ctx: Ctx, id: number): Promise<void> {
  await withTx(ctx.db, async (db) => {
    const { ref } = await commentToChange(ctx, db, id);
    await db.kysely.deleteFrom('notifications').where('comment_id', '=', id).execute();
    await db.kysely.deleteFrom('comment_mentions').where('comment_id', '=', id).execute();
    await db.kysely.deleteFrom('comments').where('id', '=', id).execute();
    await publishChange(db, { kind: 'comment', id, action: 'deleted', record: liveRecord(ref) });
  });
}

/** Removes a record's comments (the record was deleted). */
export async function deleteRecordComments(db: Db, entity: CrmEntity, recordId: number): Promise<void> {
  const ids = db.kysely
    .selectFrom('comments')
    .select('id')
    .where('owner_entity', '=', entity)
    .where('owner_id', '=', recordId);
  await db.kysely.deleteFrom('comment_mentions').where('comment_id', 'in', ids).execute();
  await db.kysely
    .deleteFrom('comments')
    .where('owner_entity', '=', entity)
    .where('owner_id', '=', recordId)
    .execute();
}
