import { ownerReaches, visibleWhere } from '../../access/activities.js';
import type { Actor } from '../../access/actor.js';
import { actorOrg } from '../../access/actor.js';
import { subtree } from '../../access/org.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { invalid, notFound } from '../../errors.js';
import type { ActivityRow, ApiActivity } from './activity.fields.js';
import { presentActivities } from './activity.repository.js';

/**
 * The calendar: activities due in [from, to) of one user (their own and those they take part in) or of a
 * department's people (sub-departments included), limited to what the actor may see.
 */
export const CALENDAR_MAX_DAYS = 62;
export const CALENDAR_MAX_ITEMS = 2000;

export interface CalendarQuery {
  from: string;
  to: string;
  userId?: number | undefined;
  departmentId?: number | undefined;
}

export interface CalendarResult {
  items: ApiActivity[];
  /** More activities fall in the range than the answer holds: ask for a shorter range. */
  truncated: boolean;
}

/** Visible activities whose responsible is one of `userIds`, or (with participants) where they take part. */
export async function activitiesOf(
  db: Db,
  actor: Actor,
  userIds: number[],
  range: { from?: string; to?: string; status?: string; notStatus?: string },
  options: { participants: boolean; limit: number },
): Promise<ActivityRow[]> {
  if (!userIds.length) return [];
  const visible = visibleWhere(await ownerReaches(db, actor));
  const base = db.kysely
    .selectFrom('activities')
    .selectAll()
    .$if(visible !== null, (q) => q.where(visible as NonNullable<typeof visible>))
    .$if(range.from !== undefined, (q) => q.where('due_at', '>=', range.from as string))
    .$if(range.to !== undefined, (q) => q.where('due_at', '<', range.to as string))
    .$if(range.status !== undefined, (q) => q.where('status', '=', range.status as string))
    .$if(range.notStatus !== undefined, (q) => q.where('status', '<>', range.notStatus as string))
    .orderBy('due_at')
    .orderBy('id')
    .limit(options.limit);
  const own = await base.where('responsible_id', 'in', userIds).execute();
  if (!options.participants) return own;
  const taking = await base
    .where('responsible_id', 'not in', userIds)
    .where((eb) =>
      eb(
        'id',
        'in',
        eb.selectFrom('activity_participants').select('activity_id').where('user_id', 'in', userIds),
      ),
    )
    .execute();
  if (!taking.length) return own;
  return [...own, ...taking]
    .sort((a, b) => (a.due_at === b.due_at ? a.id - b.id : a.due_at < b.due_at ? -1 : 1))
    .slice(0, options.limit);
}

async function calendarPeople(ctx: Ctx, q: CalendarQuery): Promise<number[]> {
  if (q.departmentId === undefined) return [q.userId ?? ctx.actor.userId];
  const org = await actorOrg(ctx.db, ctx.actor);
  if (!org.parentOf.has(q.departmentId)) throw notFound('Department', q.departmentId);
  const people = new Set<number>();
  for (const d of subtree(org, q.departmentId))
    for (const u of org.usersByDepartment.get(d) ?? []) people.add(u);
  return [...people];
}

export async function calendar(ctx: Ctx, q: CalendarQuery): Promise<CalendarResult> {
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  if (!(to > from)) throw invalid([{ field: 'to', message: 'must be after from' }]);
  if (to - from > CALENDAR_MAX_DAYS * 86_400_000)
    throw invalid([{ field: 'to', message: `the range may span at most ${CALENDAR_MAX_DAYS} days` }]);
  if (q.userId !== undefined && q.departmentId !== undefined)
    throw invalid([{ field: 'departmentId', message: 'give userId or departmentId, not both' }]);
  const people = await calendarPeople(ctx, q);
  const rows = await activitiesOf(
    ctx.db,
    ctx.actor,
    people,
    { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    { participants: q.departmentId === undefined, limit: CALENDAR_MAX_ITEMS + 1 },
  );
  const truncated = rows.length > CALENDAR_MAX_ITEMS;
  return { items: await presentActivities(ctx.db, rows.slice(0, CALENDAR_MAX_ITEMS)), truncated };
}
