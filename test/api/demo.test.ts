import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, loadActor } from '../../src/server/access/actor.js';
import type { Ctx } from '../../src/server/context.js';
import type { Db } from '../../src/server/db/connection.js';
import { ensureAdmin } from '../../src/server/db/seed/admin.js';
import { type DemoSummary, seedDemo } from '../../src/server/db/seed/demo.js';
import { dealEntity } from '../../src/server/modules/deals/deal.entity.js';
import { listRecords } from '../../src/server/modules/records/record.service.js';
import { globalSearch } from '../../src/server/modules/search/search.service.js';
import { createTestDb } from '../support/test-db.js';

let db: Db;
let drop: () => Promise<void>;
let summary: DemoSummary | null;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await ensureAdmin(db, 'admin@test.local', 'admin-password');
  summary = await seedDemo(db, { scale: 0.05, phoneRegion: 'RU', log: () => {} });
}, 120_000);
afterAll(async () => drop());

const count = async (table: 'users' | 'leads' | 'contacts' | 'companies' | 'deals' | 'products') =>
  Number(
    (
      await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('demo data', () => {
  it('creates the company structure, a second pipeline, the catalog and records', async () => {
    expect(summary).toMatchObject({ users: 20, leads: 150, deals: 150 });
    expect(summary?.companies).toBeGreaterThanOrEqual(30);
    expect(summary?.contacts).toBeGreaterThanOrEqual(100);
    expect(await count('users')).toBe(21);
    expect(await count('deals')).toBe(150);
    expect(await count('leads')).toBe(150);
    expect(await count('products')).toBeGreaterThanOrEqual(40);

    const departments = await db.kysely.selectFrom('departments').selectAll().execute();
    const sales = departments.find((d) => d.name === 'Sales');
    expect(sales?.head_id).not.toBeNull();
    const children = departments.filter((d) => d.parent_id === sales?.id).map((d) => d.name);
    expect(children.sort()).toEqual(['Key accounts', 'Sales — Moscow', 'Sales — Yerevan']);

    const service = await db.kysely
      .selectFrom('pipelines')
      .select('id')
      .where('name', '=', 'Service')
      .executeTakeFirstOrThrow();
    const stages = await db.kysely
      .selectFrom('stages')
      .selectAll()
      .where('pipeline_id', '=', service.id)
      .execute();
    expect(stages.map((s) => s.code)).toContain(`C${service.id}:NEW`);
    expect(new Set(stages.map((s) => s.semantics))).toEqual(new Set(['process', 'won', 'lost']));
    const inService = await db.kysely
      .selectFrom('deals')
      .select('id')
      .where('pipeline_id', '=', service.id)
      .execute();
    expect(inService.length).toBeGreaterThan(0);

    // amounts of deals with product rows are the sum of their rows
    const sums = await sql<{ id: number; amount: number; total: number }>`
      select d.id, d.amount, sum(r.price * r.quantity / 1000) as total
      from deals d join product_rows r on r.owner_type = 'deal' and r.owner_id = d.id
      where d.has_product_rows = 1 group by d.id, d.amount`.execute(db.kysely);
    expect(sums.rows.length).toBeGreaterThan(20);
    for (const r of sums.rows) expect(Math.abs(Number(r.amount) - Number(r.total))).toBeLessThanOrEqual(4);

    // written through the services: history and search documents exist; dates spread over the year
    const history = await db.kysely
      .selectFrom('history')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(Number(history.n)).toBeGreaterThanOrEqual(430);
    // some leads were converted through the conversion service into a contact and a deal
    const converted = await db.kysely
      .selectFrom('leads')
      .select(['id', 'contact_id', 'converted_at'])
      .where('status_semantics', '=', 'converted')
      .execute();
    expect(converted.length).toBeGreaterThan(0);
    expect(converted.every((l) => l.contact_id && l.converted_at)).toBe(true);
    const oldest = await db.kysely
      .selectFrom('deals')
      .select('created_at')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    expect(Date.parse(oldest.created_at)).toBeLessThan(Date.now() - 60 * 86_400_000);
    const currencies = await db.kysely.selectFrom('deals').select('currency').distinct().execute();
    expect(currencies.length).toBeGreaterThanOrEqual(3);

    // managers have work planned: overdue, today and later; some open deals are idle; the bell starts empty
    expect(summary?.activities).toBeGreaterThan(50);
    const now = new Date().toISOString();
    const planned = await db.kysely
      .selectFrom('activities')
      .select(['due_at', 'responsible_id', 'owner_responsible_id'])
      .where('status', '=', 'planned')
      .execute();
    expect(planned.some((a) => a.due_at < now)).toBe(true);
    expect(planned.some((a) => a.due_at > now)).toBe(true);
    expect(planned.every((a) => a.responsible_id === a.owner_responsible_id)).toBe(true);
    const idle = await db.kysely
      .selectFrom('deals')
      .select('id')
      .where('closed', '=', 0)
      .where('next_activity_at', 'is', null)
      .execute();
    expect(idle.length).toBeGreaterThan(0);
    expect(await db.kysely.selectFrom('notifications').select('id').execute()).toEqual([]);
  });

  it('does nothing when the CRM already has records', async () => {
    expect(await seedDemo(db, { scale: 0.05, phoneRegion: 'RU', log: () => {} })).toBeNull();
    expect(await count('deals')).toBe(150);
  });

  it('lets a sales manager see only the records of their department', async () => {
    const dept = await db.kysely
      .selectFrom('departments')
      .select('id')
      .where('name', '=', 'Sales — Moscow')
      .executeTakeFirstOrThrow();
    const team = await db.kysely
      .selectFrom('users')
      .innerJoin('roles', 'roles.id', 'users.role_id')
      .select(['users.id', 'roles.code'])
      .where('users.department_id', '=', dept.id)
      .execute();
    const manager = team.find((u) => u.code === 'sales_manager');
    expect(manager).toBeDefined();
    const ctx: Ctx = { db, actor: (await loadActor(db, manager?.id ?? 0)) as Actor, phoneRegion: 'RU' };
    const page = await listRecords(ctx, dealEntity, { limit: 500 });
    const teamIds = new Set(team.map((u) => u.id));
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((d) => teamIds.has(d.responsibleId as number))).toBe(true);
    expect(page.total).toBeLessThan(150);
  });

  it('finds a seeded contact by a phone typed in another format', async () => {
    const comm = await db.kysely
      .selectFrom('communications')
      .select(['entity_id', 'value'])
      .where('entity_type', '=', 'contact')
      .where('kind', '=', 'phone')
      .where('value', 'like', '+7 %')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // "+7 916 123-45-67" as people also type it: "8 (916) 1234567"
    const digits = comm.value.replace(/\D/g, '').slice(1);
    const typed = `8 (${digits.slice(0, 3)}) ${digits.slice(3)}`;
    const admin = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('is_admin', '=', 1)
      .executeTakeFirstOrThrow();
    const ctx: Ctx = { db, actor: (await loadActor(db, admin.id)) as Actor, phoneRegion: 'RU' };
    const hits = await globalSearch(ctx, typed, 20);
    expect(hits).toContainEqual(expect.objectContaining({ entityType: 'contact', entityId: comm.entity_id }));
  });
});
