import { sql } from 'kysely';
import { localDay, validTimeZone } from '../../../shared/time-zone.js';
import { ownerReaches, visibleWhere } from '../../access/activities.js';
import { reachCondition, reachIncludes, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import { CACHE_TTL_MS } from '../../db/cache.js';
import type { Db } from '../../db/connection.js';
import { notFound } from '../../errors.js';

/**
 * The work counters of the signed-in user, which they bring down to zero:
 * - today: planned activities of which they are responsible, due from now to the end of their day;
 * - overdue: planned activities of which they are responsible, due before now (today's earlier ones too);
 * - idleDeals / idleLeads: their open deals / leads in progress without a planned activity.
 * Days follow the user's time zone. Only activities of records the user may see count.
 */
export interface Counters {
  today: number;
  overdue: number;
  idleDeals: number;
  idleLeads: number;
  /** The user's day the counts refer to: its date and its bounds in UTC. */
  day: { date: string; timeZone: string; start: string; end: string };
  /** With ?pipelineId: idle deals (that the user may see) per stage of that pipeline, for the kanban. */
  idleByStage?: { stageId: number; count: number }[];
}

/**
 * The user's time zone, read through the short cache. The key starts with "actor:", which any write to
 * users drops at once (db/cache.ts), so a changed zone applies on the next request.
 */
function userTimeZone(db: Db, userId: number): Promise<string> {
  return db.cache.get(`actor:${userId}:time-zone`, CACHE_TTL_MS, async () => {
    const row = await db.kysely
      .selectFrom('users')
      .select('time_zone')
      .where('id', '=', userId)
      .executeTakeFirst();
    return validTimeZone(row?.time_zone);
  });
}

/** `now` is a parameter so that tests control the clock; the route passes the real time. */
export async function countersFor(ctx: Ctx, now: Date, pipelineId?: number): Promise<Counters> {
  const { db, actor } = ctx;
  const timeZone = await userTimeZone(db, actor.userId);
  const day = localDay(now, timeZone);
  const nowIso = now.toISOString();
  const [reaches, dealReach, leadReach] = await Promise.all([
    ownerReaches(db, actor),
    reachOf(db, actor, 'deal', 'read'),
    reachOf(db, actor, 'lead', 'read'),
  ]);
  const visible = visibleWhere(reaches);
  const k = db.kysely;
  // Both activity counts come from one range of ix_activities_counters (planned, due before the day ends).
  const activities = k
    .selectFrom('activities')
    .where('responsible_id', '=', actor.userId)
    .where('status', '=', 'planned')
    .where('due_at', '<', day.end)
    .$if(visible !== null, (q) => q.where(visible as NonNullable<typeof visible>));
  const idle = (table: 'deals' | 'leads') =>
    k
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('responsible_id', '=', actor.userId)
      .where('next_activity_at', 'is', null);
  const row = await k
    .selectNoFrom([
      activities.select(sql<number>`count(*)`.as('n')).where('due_at', '<', nowIso).as('overdue'),
      activities.select(sql<number>`count(*)`.as('n')).where('due_at', '>=', nowIso).as('today'),
      idle('deals').where('closed', '=', 0).as('idle_deals'),
      idle('leads').where('status_semantics', '=', 'process').as('idle_leads'),
    ])
    .executeTakeFirstOrThrow();
  const counters: Counters = {
    today: Number(row.today),
    overdue: Number(row.overdue),
    idleDeals: reachIncludes(dealReach, actor.userId) ? Number(row.idle_deals) : 0,
    idleLeads: reachIncludes(leadReach, actor.userId) ? Number(row.idle_leads) : 0,
    day: { date: day.date, timeZone, start: day.start, end: day.end },
  };
  if (pipelineId !== undefined) counters.idleByStage = await idleByStage(ctx, pipelineId);
  return counters;
}

/** Idle open deals the actor may see, per stage of a pipeline (ix_deals_idle covers it). */
async function idleByStage(ctx: Ctx, pipelineId: number): Promise<{ stageId: number; count: number }[]> {
  const k = ctx.db.kysely;
  const stages = await k
    .selectFrom('stages')
    .select('id')
    .where('pipeline_id', '=', pipelineId)
    .where('semantics', '=', 'process')
    .orderBy('sort')
    .orderBy('id')
    .execute();
  if (!stages.length) {
    const pipeline = await k
      .selectFrom('pipelines')
      .select('id')
      .where('id', '=', pipelineId)
      .executeTakeFirst();
    if (!pipeline) throw notFound('Pipeline', pipelineId);
    return [];
  }
  const reach = await reachOf(ctx.db, ctx.actor, 'deal', 'read');
  const rows = await k
    .selectFrom('deals')
    .select(['stage_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pipeline_id', '=', pipelineId)
    .where('closed', '=', 0)
    .where('next_activity_at', 'is', null)
    .$if(reach.kind !== 'all', (q) => q.where(reachCondition(reach, 'deals.responsible_id')))
    .groupBy('stage_id')
    .execute();
  const counts = new Map(rows.map((r) => [r.stage_id, Number(r.n)]));
  return stages.map((s) => ({ stageId: s.id, count: counts.get(s.id) ?? 0 }));
}
