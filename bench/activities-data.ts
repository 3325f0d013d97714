import { Rng } from '../src/server/db/seed/demo-random.js';
import type { Sizes } from './args.js';
import { BulkInsert, inTransaction } from './bulk.js';
import type { Raw } from './raw.js';

/**
 * Activities of the benchmark dataset: 2,000,000 at scale 1, spread over the records as a sales team
 * leaves them: deals have 1.4 on average, leads 2, contacts and companies 1. Done (or cancelled) ones
 * lie between the record's creation and now; about three in four open deals and leads in progress have
 * one planned activity, due from ten days ago (overdue) to a month ahead, and the rest are idle. Nine in
 * ten activities belong to the record's responsible, the others to a colleague of their department (who
 * may read the record). Owners are read back in id order, so the same code fills a fresh dataset and
 * upgrades a cached one that predates activities.
 */
export const ACTIVITY_COLUMNS = [
  'type',
  'subject',
  'start_at',
  'end_at',
  'due_at',
  'responsible_id',
  'priority',
  'status',
  'result',
  'completed_at',
  'owner_entity',
  'owner_id',
  'owner_responsible_id',
  'remind_before_minutes',
  'remind_at',
  'reminded_at',
  'overdue_notified_at',
  'version',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
];

const DAY = 86_400_000;
const CHUNK = 5000;
const COMMIT_EVERY = 100_000;
const TYPES = [
  ['call', 40],
  ['meeting', 15],
  ['email', 20],
  ['task', 25],
] as const;
const SUBJECTS: Record<string, string[]> = {
  call: ['Call about the order', 'Follow-up call', 'Clarify the requirements', 'Call back'],
  meeting: ['Product demo', 'Meeting at the client’s office', 'Negotiation'],
  email: ['Send the offer', 'Send the price list', 'Send the contract'],
  task: ['Prepare the invoice', 'Check the stock', 'Prepare a proposal', 'Update the requisites'],
};
const LENGTH_MIN: Record<string, number> = { call: 15, meeting: 60 };

interface Owner {
  id: number;
  responsible_id: number;
  created_at: string;
  open: number;
}

/** Owners of one entity in id order, with whether they are open (deal not closed, lead in progress). */
const OWNERS: Record<string, { table: string; open: string; mean: number; plannedIfOpen: number }> = {
  deal: { table: 'deals', open: 'case when closed = 0 then 1 else 0 end', mean: 1.4, plannedIfOpen: 0.75 },
  lead: {
    table: 'leads',
    open: "case when status_semantics = 'process' then 1 else 0 end",
    mean: 2,
    plannedIfOpen: 0.75,
  },
  contact: { table: 'contacts', open: '1', mean: 1, plannedIfOpen: 0.1 },
  company: { table: 'companies', open: '1', mean: 1, plannedIfOpen: 0.1 },
};

export async function loadActivities(raw: Raw, size: Sizes, log: (msg: string) => void): Promise<number> {
  const users = await raw.all<{ id: number; department_id: number | null }>(
    'select id, department_id from users where is_admin = 0 order by id',
  );
  const colleagues = new Map<number, number[]>();
  for (const u of users) {
    const team = users.filter((o) => o.department_id === u.department_id).map((o) => Number(o.id));
    colleagues.set(Number(u.id), team);
  }
  const ins = new BulkInsert(raw, 'activities', ACTIVITY_COLUMNS);
  const rng = new Rng(5);
  const now = Date.now();
  // Scale the per-record means so that the total is size.activities whatever the record counts.
  const factor = size.activities / (size.deals * 1.4 + size.leads * 2 + size.contacts + size.companies);
  let pending = 0;
  await raw.exec('begin');
  try {
    for (const [entity, spec] of Object.entries(OWNERS)) {
      let after = 0;
      for (;;) {
        const owners = await raw.all<Owner>(
          `select id, responsible_id, created_at, ${spec.open} as open from ${spec.table} where id > ? order by id limit ${CHUNK}`,
          [after],
        );
        if (!owners.length) break;
        for (const owner of owners) {
          const rows = activitiesOf(rng, entity, owner, spec, factor, colleagues, now);
          for (const row of rows) await ins.add(row);
          pending += rows.length;
        }
        after = Number(owners[owners.length - 1]?.id);
        if (pending >= COMMIT_EVERY) {
          await ins.flush();
          await raw.exec('commit');
          await raw.exec('begin');
          pending = 0;
        }
      }
      log(`activities of ${spec.table}: ${ins.inserted} rows so far`);
    }
    await ins.flush();
    await raw.exec('commit');
  } catch (err) {
    await raw.exec('rollback');
    throw err;
  }
  return ins.inserted;
}

function activitiesOf(
  rng: Rng,
  entity: string,
  owner: Owner,
  spec: { mean: number; plannedIfOpen: number },
  factor: number,
  colleagues: Map<number, number[]>,
  now: number,
): unknown[][] {
  const mean = spec.mean * factor;
  const count = Math.floor(mean) + (rng.chance(mean - Math.floor(mean)) ? 1 : 0);
  const rows: unknown[][] = [];
  const created = Date.parse(String(owner.created_at));
  const ownerResponsible = Number(owner.responsible_id);
  for (let i = 0; i < count; i++) {
    const planned = i === count - 1 && Number(owner.open) === 1 && rng.chance(spec.plannedIfOpen);
    const due = planned
      ? now + rng.int(-10 * DAY, 30 * DAY)
      : created + Math.floor(rng.next() * Math.max(DAY, now - DAY - created));
    const responsible = rng.chance(0.9)
      ? ownerResponsible
      : rng.pick(colleagues.get(ownerResponsible) ?? [ownerResponsible]);
    rows.push(row(rng, entity, owner.id, ownerResponsible, responsible, due, planned, now));
  }
  return rows;
}

function row(
  rng: Rng,
  entity: string,
  ownerId: number,
  ownerResponsible: number,
  responsible: number,
  due: number,
  planned: boolean,
  now: number,
): unknown[] {
  const type = rng.weighted(TYPES);
  const iso = (t: number) => new Date(t).toISOString();
  const length = LENGTH_MIN[type];
  const dueAt = iso(due);
  const createdAt = iso(due - rng.int(1, 14) * DAY);
  const status = planned ? 'planned' : rng.chance(0.95) ? 'done' : 'cancelled';
  const completedAt = status === 'done' ? iso(due + rng.int(0, 8 * 3600_000)) : null;
  const remind = planned && length ? 15 : null;
  const remindAt = remind ? iso(due - remind * 60_000) : null;
  const priority = rng.weighted([
    ['normal', 70],
    ['high', 15],
    ['low', 15],
  ] as const);
  return [
    type,
    rng.pick(SUBJECTS[type] ?? ['Follow up']),
    length ? dueAt : null,
    length ? iso(due + length * 60_000) : null,
    dueAt,
    responsible,
    priority,
    status,
    status === 'done' && rng.chance(0.5) ? 'Agreed on the next step' : null,
    completedAt,
    entity,
    ownerId,
    ownerResponsible,
    remind,
    remindAt,
    // Reminders and overdue notices already went out for what is past.
    remindAt && Date.parse(remindAt) < now ? remindAt : null,
    planned && due < now ? dueAt : null,
    1,
    responsible,
    responsible,
    createdAt,
    completedAt ?? createdAt,
  ];
}

/** next_activity_at of leads and deals: the earliest planned activity (one correlated update each). */
export async function setNextActivities(raw: Raw): Promise<void> {
  for (const [entity, table] of [
    ['deal', 'deals'],
    ['lead', 'leads'],
  ]) {
    await inTransaction(raw, () =>
      raw.exec(
        `update ${table} set next_activity_at = (select min(a.due_at) from activities a
           where a.owner_entity = '${entity}' and a.owner_id = ${table}.id and a.status = 'planned')
         where id in (select owner_id from activities where owner_entity = '${entity}' and status = 'planned')`,
      ),
    );
  }
}
