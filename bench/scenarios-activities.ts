import { type BenchEnv, call, marks, q } from './env.js';
import type { Scenario } from './measure.js';

/**
 * Activity scenarios, as the sales manager: their counters (GET /api/v1/counters) and "my activities"
 * (planned, due this week, by due time). The raw side is the SQL of the same answer, with the same rights
 * condition: the manager reads their department's records, so activities whose record's responsible is in
 * the team.
 */
const DAY = 86_400_000;

/** Monday 00:00 UTC of this week (the benchmark users live in UTC) and the Monday after. */
function thisWeek(now: number): [string, string] {
  const d = new Date(now);
  const monday =
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  return [new Date(monday).toISOString(), new Date(monday + 7 * DAY).toISOString()];
}

export function activityScenarios(env: BenchEnv): Scenario[] {
  const { manager, team, iterations } = env;
  const teamIn = `owner_responsible_id in (${marks(team.length)})`;
  const [weekStart, weekEnd] = thisWeek(Date.now());
  const myWeek = {
    responsibleId: manager.id,
    status: 'planned',
    dueAt: { gte: weekStart, lt: weekEnd },
  };
  const dayStart = `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
  const dayEnd = new Date(Date.parse(dayStart) + DAY).toISOString();

  const rawCounters = async (userId: number) => {
    const now = new Date().toISOString();
    await env.raw.all(
      `select
         (select count(*) from activities where responsible_id = ? and status = 'planned' and due_at < ?
            and due_at < ? and ${teamIn}) as overdue,
         (select count(*) from activities where responsible_id = ? and status = 'planned' and due_at < ?
            and due_at >= ? and ${teamIn}) as today,
         (select count(*) from deals where responsible_id = ? and next_activity_at is null and closed = 0) as idle_deals,
         (select count(*) from leads where responsible_id = ? and next_activity_at is null
            and status_semantics = 'process') as idle_leads`,
      [userId, dayEnd, now, ...team, userId, dayEnd, now, ...team, userId, userId],
    );
  };

  const rawMyWeek = async () => {
    const where = `${teamIn} and responsible_id = ? and status = 'planned' and due_at >= ? and due_at < ?`;
    const params = [...team, manager.id, weekStart, weekEnd];
    const rows = await env.raw.all<{ id: number; owner_entity: string; owner_id: number }>(
      `select * from activities where ${where} order by due_at, id limit 51`,
      params,
    );
    await env.raw.all(`select count(*) as n from activities where ${where}`, params);
    const page = rows.slice(0, 50);
    if (!page.length) return;
    await env.raw.all(
      `select activity_id, user_id from activity_participants where activity_id in (${marks(page.length)})`,
      page.map((r) => r.id),
    );
    const byEntity = new Map<string, number[]>();
    for (const r of page) byEntity.set(r.owner_entity, [...(byEntity.get(r.owner_entity) ?? []), r.owner_id]);
    const titled = [...byEntity].map(([entity, ids]) => ({
      text:
        `select '${entity}' as entity, id, ${entity === 'contact' ? "name || ' ' || coalesce(last_name, '')" : 'title'} as title ` +
        `from ${TABLES[entity]} where id in (${marks(ids.length)})`,
      ids,
    }));
    await env.raw.all(
      titled.map((t) => t.text).join(' union all '),
      titled.flatMap((t) => t.ids),
    );
  };

  return [
    {
      name: 'Counters of a manager (GET /api/v1/counters: today, overdue, idle deals and leads)',
      as: 'manager',
      iterations,
      target: { p95Ms: env.raw.dialect === 'sqlite' ? 5 : 10 },
      api: () => call(env, manager.token, 'GET', '/api/v1/counters').then(() => {}),
      raw: () => rawCounters(manager.id),
    },
    {
      name: 'My activities: planned, due this week, sort dueAt, limit 50',
      as: 'manager',
      iterations,
      target: { p95Ms: 20 },
      api: () =>
        call(env, manager.token, 'GET', `/api/v1/activities?filter=${q(myWeek)}&sort=dueAt&limit=50`).then(
          () => {},
        ),
      raw: () => rawMyWeek(),
    },
  ];
}

const TABLES: Record<string, string> = {
  deal: 'deals',
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
};
