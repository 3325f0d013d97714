import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { reachCondition, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { nowIso } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import { publishChange } from '../../live/changes.js';
import { ENTITIES } from '../records/entities.js';
import { decodeCursor, encodeCursor } from '../timeline/cursor.js';
import type { NotificationKind } from './notify.js';
import { CRM_ENTITIES, type CrmEntity, type PersonRef, personOf, userNames } from './record-ref.js';

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  /** The record to open: `/<entity path>/<recordId>` (e.g. deals/42). */
  entity: CrmEntity;
  recordId: number;
  /** The record's title when the notification was made. */
  title: string;
  activityId: number | null;
  commentId: number | null;
  actor: PersonRef | null;
  data: Record<string, unknown> | null;
  createdAt: string;
  readAt: string | null;
}

type EB = ExpressionBuilder<DB, 'notifications'>;

/**
 * Only notifications whose record the current user may read right now: a record reassigned out of their
 * reach (or deleted) takes its notifications out of their bell. One EXISTS per record type, each limited
 * by the user's read reach on the record's responsible.
 */
async function visibleToActor(ctx: Ctx): Promise<(eb: EB) => Expression<SqlBool>> {
  const branches: { entity: CrmEntity; table: string; owner: (eb: EB) => Expression<SqlBool> }[] = [];
  for (const entity of CRM_ENTITIES) {
    const reach = await reachOf(ctx.db, ctx.actor, entity, 'read');
    if (reach.kind === 'none') continue;
    const d = ENTITIES[entity];
    branches.push({ entity, table: d.table, owner: reachCondition(reach, `r.${d.ownerColumn}`) });
  }
  return (eb) => {
    if (!branches.length) return sql<boolean>`1 = 0`;
    return eb.or(
      branches.map(
        (b) =>
          sql<boolean>`(${eb.ref('notifications.record_entity')} = ${b.entity} and exists (select 1 from ${sql.table(b.table)} as r where r.id = ${eb.ref('notifications.record_id')} and ${b.owner(eb)}))`,
      ),
    );
  };
}

export interface ListInput {
  unread?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listNotifications(
  ctx: Ctx,
  input: ListInput,
): Promise<{ items: NotificationView[]; nextCursor: string | null; unreadCount: number }> {
  const visible = await visibleToActor(ctx);
  let q = ctx.db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', ctx.actor.userId)
    .where(visible);
  if (input.unread) q = q.where('read_at', 'is', null);
  if (input.cursor) {
    const [id] = decodeCursor<[number]>(input.cursor, ['number']);
    q = q.where('id', '<', id);
  }
  const rows = await q
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const names = await userNames(
    ctx.db,
    page.map((r) => r.actor_id),
  );
  const items = page.map(
    (r): NotificationView => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      entity: r.record_entity as CrmEntity,
      recordId: r.record_id,
      title: r.title,
      activityId: r.activity_id,
      commentId: r.comment_id,
      actor: personOf(names, r.actor_id),
      data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
      createdAt: r.created_at,
      readAt: r.read_at,
    }),
  );
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor([last.id]) : null,
    unreadCount: await unreadCount(ctx, visible),
  };
}

export async function unreadCount(ctx: Ctx, visible?: (eb: EB) => Expression<SqlBool>): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .where(visible ?? (await visibleToActor(ctx)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's (visible) notifications read; reading it again changes nothing. */
export async function markRead(ctx: Ctx, id: number): Promise<{ unreadCount: number }> {
  const visible = await visibleToActor(ctx);
  const row = await ctx.db.kysely
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.userId)
    .where(visible)
    .executeTakeFirst();
  if (!row) throw notFound('Notification', id);
  if (row.read_at === null) {
    await ctx.db.kysely
      .updateTable('notifications')
      .set({ read_at: nowIso() })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
    await publishChange(ctx.db, { kind: 'notification', id, action: 'updated', userIds: [ctx.actor.userId] });
  }
  return { unreadCount: await unreadCount(ctx, visible) };
}

/** Marks all of the user's notifications read (hidden ones too: they are not waiting for anyone). */
export async function markAllRead(ctx: Ctx): Promise<{ unreadCount: number }> {
  const res = await ctx.db.kysely
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) {
    await publishChange(ctx.db, {
      kind: 'notification',
      id: 0,
      action: 'updated',
      userIds: [ctx.actor.userId],
    });
  }
  return { unreadCount: 0 };
}
