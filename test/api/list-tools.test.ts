import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let managerA: Client;
let managerB: Client;
beforeAll(async () => {
  t = await startTestApp();
  const dept = (await t.admin.post('/api/v1/departments', { name: 'Team A' })).body.id;
  managerA = await t.user({ departmentId: dept });
  managerB = await t.user({ departmentId: dept });
});
afterAll(async () => t.close());

describe('saved filters', () => {
  it('are personal, validated, and reproduce the view', async () => {
    const saved = await managerA.post('/api/v1/saved-filters', {
      entityType: 'deal',
      name: 'Big deals',
      filter: { amount: { gte: '1000' } },
      sort: '-amount',
      columns: ['title', 'amount'],
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      name: 'Big deals',
      filter: { amount: { gte: '1000' } },
      columns: ['title', 'amount'],
    });
    expect((await managerA.get('/api/v1/saved-filters?entityType=deal')).body.items).toHaveLength(1);
    expect((await managerB.get('/api/v1/saved-filters?entityType=deal')).body.items).toHaveLength(0);
    expect((await managerB.delete(`/api/v1/saved-filters/${saved.body.id}`)).status).toBe(404);
    const bad = await managerA.post('/api/v1/saved-filters', {
      entityType: 'deal',
      name: 'Bad',
      filter: { nope: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('filter.nope');
    expect((await managerA.delete(`/api/v1/saved-filters/${saved.body.id}`)).status).toBe(204);
  });
});

describe('bulk actions', () => {
  it('change what the user may change and report the rest', async () => {
    const mine = [];
    for (let i = 0; i < 3; i++)
      mine.push((await managerA.post('/api/v1/deals', { title: `Mine ${i}` })).body.id);
    const colleagues = (await managerB.post('/api/v1/deals', { title: 'Colleague' })).body.id;
    const won = await t.db.kysely
      .selectFrom('stages')
      .select('id')
      .where('code', '=', 'WON')
      .executeTakeFirstOrThrow();
    const res = await managerA.post('/api/v1/deals/bulk', {
      ids: [...mine, colleagues],
      action: 'stage',
      value: won.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.done.sort()).toEqual([...mine].sort());
    expect(res.body.failed).toEqual([{ id: colleagues, code: 'FORBIDDEN', message: expect.any(String) }]);
    for (const id of mine)
      expect((await managerA.get(`/api/v1/deals/${id}`)).body.stageSemantics).toBe('won');
    expect((await managerB.get(`/api/v1/deals/${colleagues}`)).body.stageSemantics).toBe('process');

    const badStage = await managerA.post('/api/v1/deals/bulk', { ids: mine, action: 'stage', value: 999999 });
    expect(badStage.status).toBe(400);
    const noValue = await managerA.post('/api/v1/deals/bulk', { ids: mine, action: 'assign' });
    expect(noValue.status).toBe(400);

    const assign = await t.admin.post('/api/v1/deals/bulk', {
      ids: mine,
      action: 'assign',
      value: managerB.userId,
    });
    expect(assign.body.done).toHaveLength(3);
    const deleted = await managerB.post('/api/v1/deals/bulk', { ids: [...mine, 999999], action: 'delete' });
    expect(deleted.body.done).toHaveLength(3);
    expect(deleted.body.failed).toEqual([{ id: 999999, code: 'NOT_FOUND', message: expect.any(String) }]);
  });
});
