import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

/** Kanban totals: per stage and currency, filtered, and limited to the deals the caller may read. */
let t: TestApp;
let pipelineId: number;
let stageIds: number[];
let yerevan1: Client;
let yerevan2: Client;
let moscow: Client;

const q = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));
type StageTotals = { stageId: number; count: number; sums: { currency: string; amount: string }[] };
const board = async (c: Client, extra = '') => {
  const res = await c.get(`/api/v1/deals/board?pipelineId=${pipelineId}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const byStage = new Map<number, StageTotals>((res.body.stages as StageTotals[]).map((s) => [s.stageId, s]));
  return { body: res.body, at: (i: number) => byStage.get(stageIds[i] as number) as StageTotals };
};

beforeAll(async () => {
  t = await startTestApp();
  const dept = async (name: string, parentId: number) => {
    const res = await t.admin.post('/api/v1/departments', { name, parentId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const root = (
    await t.db.kysely.selectFrom('departments').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
  const yer = await dept('Yerevan', root);
  const mos = await dept('Moscow', root);
  yerevan1 = await t.user({ roleCode: 'sales_manager', departmentId: yer });
  yerevan2 = await t.user({ roleCode: 'sales_manager', departmentId: yer });
  moscow = await t.user({ roleCode: 'sales_manager', departmentId: mos });

  const pipelines = await t.admin.get('/api/v1/pipelines');
  const main = pipelines.body.items[0];
  pipelineId = main.id;
  stageIds = main.stages.map((s: { id: number }) => s.id);
  const currencies = await t.admin.get('/api/v1/currencies');
  const codes = (currencies.body.items ?? currencies.body).map((c: { code: string }) => c.code);
  if (!codes.includes('EUR')) {
    const eur = await t.admin.post('/api/v1/currencies', { code: 'EUR', name: 'Euro' });
    expect(eur.status, JSON.stringify(eur.body)).toBe(201);
  }

  const deal = async (c: Client, title: string, stage: number, amount: string, currency = 'USD') => {
    const res = await c.post('/api/v1/deals', { title, stageId: stageIds[stage], amount, currency });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await deal(yerevan1, 'Laptops for Ararat', 0, '1000.10');
  await deal(yerevan1, 'Printers', 0, '200.05');
  await deal(yerevan2, 'Laptops for Sevan', 0, '50', 'EUR');
  await deal(yerevan2, 'Servers', 1, '99999999.99');
  await deal(moscow, 'Moscow laptops', 0, '700');
  await deal(moscow, 'Moscow chairs', 2, '1.01');
});
afterAll(async () => t.close());

describe('deal board totals', () => {
  it('counts and sums every stage per currency, listing empty stages too', async () => {
    const b = await board(t.admin);
    expect(b.body.pipelineId).toBe(pipelineId);
    expect(b.body.stages.map((s: StageTotals) => s.stageId)).toEqual(stageIds);
    expect(b.at(0)).toEqual({
      stageId: stageIds[0],
      count: 4,
      sums: [
        { currency: 'EUR', amount: '50.00' },
        { currency: 'USD', amount: '1900.15' },
      ],
    });
    expect(b.at(1)).toMatchObject({ count: 1, sums: [{ currency: 'USD', amount: '99999999.99' }] });
    expect(b.at(2)).toMatchObject({ count: 1, sums: [{ currency: 'USD', amount: '1.01' }] });
    expect(b.at(3)).toMatchObject({ count: 0, sums: [] });
  });

  it('applies the list filter', async () => {
    const b = await board(t.admin, `&filter=${q({ title: { contains: 'laptops' } })}`);
    expect(b.at(0)).toMatchObject({
      count: 3,
      sums: [
        { currency: 'EUR', amount: '50.00' },
        { currency: 'USD', amount: '1700.10' },
      ],
    });
    expect(b.at(1).count).toBe(0);
    const mine = await board(t.admin, `&filter=${q({ responsibleId: yerevan1.userId })}`);
    expect(mine.at(0)).toMatchObject({ count: 2, sums: [{ currency: 'USD', amount: '1200.15' }] });
  });

  it('counts only the deals a manager may read (their department)', async () => {
    const y = await board(yerevan2);
    expect(y.at(0)).toMatchObject({
      count: 3,
      sums: [
        { currency: 'EUR', amount: '50.00' },
        { currency: 'USD', amount: '1200.15' },
      ],
    });
    expect(y.at(2).count).toBe(0);
    const m = await board(moscow);
    expect(m.at(0)).toMatchObject({ count: 1, sums: [{ currency: 'USD', amount: '700.00' }] });
    expect(m.at(1).count).toBe(0);
    expect(m.at(2).count).toBe(1);
  });

  it('agrees with the column lists', async () => {
    const list = await yerevan2.get(
      `/api/v1/deals?filter=${q({ pipelineId, stageId: stageIds[0] })}&sort=-id&limit=2`,
    );
    expect(list.body.total).toBe(3);
    expect(list.body.nextCursor).not.toBeNull();
  });

  it('uses the default pipeline and rejects bad input', async () => {
    const d = await t.admin.get('/api/v1/deals/board');
    expect(d.status).toBe(200);
    expect(d.body.pipelineId).toBe(pipelineId);
    expect((await t.admin.get('/api/v1/deals/board?pipelineId=999999')).status).toBe(404);
    const badJson = await t.admin.get('/api/v1/deals/board?filter=%7Bnope');
    expect(badJson.status).toBe(400);
    const badField = await t.admin.get(`/api/v1/deals/board?filter=${q({ nope: 1 })}`);
    expect(badField.status).toBe(400);
    expect(badField.body.error.details[0].field).toBe('filter.nope');
  });
});

describe('lead board totals', () => {
  it('counts leads per status for the readable leads only', async () => {
    await yerevan1.post('/api/v1/leads', { title: 'Web form', amount: '10', currency: 'USD' });
    await yerevan1.post('/api/v1/leads', { title: 'Call', amount: '5.50', currency: 'USD' });
    await moscow.post('/api/v1/leads', { title: 'Moscow call', amount: '1', currency: 'USD' });
    const statuses = (await t.admin.get('/api/v1/lead-statuses')).body.items;
    const first = statuses[0].id;
    const all = await t.admin.get('/api/v1/leads/board');
    expect(all.status).toBe(200);
    expect(all.body.statuses).toHaveLength(statuses.length);
    expect(all.body.statuses[0]).toEqual({
      statusId: first,
      count: 3,
      sums: [{ currency: 'USD', amount: '16.50' }],
    });
    const y = await yerevan2.get(`/api/v1/leads/board?filter=${q({ title: { contains: 'call' } })}`);
    expect(y.body.statuses[0]).toMatchObject({ count: 1, sums: [{ currency: 'USD', amount: '5.50' }] });
  });
});
