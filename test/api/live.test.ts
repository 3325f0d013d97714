import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { changeOf, isChange, SseClient } from '../support/sse.js';

/**
 * The live stream over real HTTP: Yerevan has two sales managers (they read their department's records),
 * Moscow one. Changes reach whoever may read the record, never anyone else.
 */
let t: TestApp;
let base: string;
let yerevan1: Client;
let yerevan2: Client;
let moscow: Client;
const streams: SseClient[] = [];

const open = async (c: Client) => {
  const s = await SseClient.open(`${base}/api/v1/events`, { authorization: `Bearer ${c.token}` });
  streams.push(s);
  expect(s.status).toBe(200);
  expect(s.contentType).toMatch(/^text\/event-stream/);
  return s;
};

const createDeal = async (c: Client, body: Record<string, unknown> = {}) => {
  const res = await c.post('/api/v1/deals', { title: 'Live deal', amount: '100.00', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number; responsibleId: number };
};

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const root = (
    await t.db.kysely.selectFrom('departments').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
  const dept = async (name: string) => {
    const res = await t.admin.post('/api/v1/departments', { name, parentId: root });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const yer = await dept('Live Yerevan');
  const mos = await dept('Live Moscow');
  yerevan1 = await t.user({ departmentId: yer });
  yerevan2 = await t.user({ departmentId: yer });
  moscow = await t.user({ departmentId: mos });
});

afterAll(async () => {
  for (const s of streams) s.close();
  await t.close();
});

describe('GET /api/v1/events', () => {
  it('asks for sign-in without credentials', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it("delivers a colleague's new and changed deal, saying what to refetch and nothing more", async () => {
    const stream = await open(yerevan2);
    const deal = await createDeal(yerevan1);
    const created = await stream.waitFor(isChange('deal', deal.id, 'created'));
    expect(JSON.parse(created.data)).toEqual({
      kind: 'deal',
      id: deal.id,
      action: 'created',
      record: { entity: 'deal', id: deal.id },
    });
    const from = stream.events.length;
    const res = await yerevan1.patch(`/api/v1/deals/${deal.id}`, { amount: '250.00' });
    expect(res.status).toBe(200);
    await stream.waitFor(isChange('deal', deal.id, 'updated'), 5000, from);
    await yerevan1.delete(`/api/v1/deals/${deal.id}`);
    await stream.waitFor(isChange('deal', deal.id, 'deleted'), 5000, from);
    // the owners that decided delivery never leave the server
    expect(stream.events.every((e) => !e.data.includes('ownerIds'))).toBe(true);
  });

  it('tells a manager of another department nothing about a deal they cannot see', async () => {
    const stream = await open(moscow);
    const hidden = await createDeal(yerevan1, { title: 'Yerevan only' });
    await yerevan1.patch(`/api/v1/deals/${hidden.id}`, { amount: '300.00' });
    // a change Moscow may see, made after the hidden ones: once it arrives, the hidden ones would have too
    const fence = await createDeal(moscow, { title: 'Moscow fence' });
    await stream.waitFor(isChange('deal', fence.id, 'created'));
    const ids = stream.events.map((e) => changeOf(e)?.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).toContain(fence.id);
  });

  it('tells a user who loses sight of a reassigned deal, and the new owner who gains it', async () => {
    const colleague = await open(yerevan2);
    const newOwner = await open(moscow);
    const deal = await createDeal(yerevan1, { title: 'Moving to Moscow' });
    await colleague.waitFor(isChange('deal', deal.id, 'created'));
    const res = await t.admin.patch(`/api/v1/deals/${deal.id}`, { responsibleId: moscow.userId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await colleague.waitFor(isChange('deal', deal.id, 'updated'));
    await newOwner.waitFor(isChange('deal', deal.id, 'updated'));
    // refetching, as the client does, drops the deal from the colleague's view
    expect((await yerevan2.get(`/api/v1/deals/${deal.id}`)).status).toBe(404);
  });

  it('delivers amount changes made by product rows, lead conversions and bulk actions', async () => {
    const stream = await open(yerevan2);
    const product = await t.admin.post('/api/v1/products', { name: 'Live laptop', price: '1000.00' });
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const deal = await createDeal(yerevan1);
    const from = stream.events.length;
    const rows = await yerevan1.put(`/api/v1/deals/${deal.id}/product-rows`, {
      rows: [{ productId: product.body.id, quantity: '2' }],
    });
    expect(rows.status, JSON.stringify(rows.body)).toBe(200);
    await stream.waitFor(isChange('deal', deal.id, 'updated'), 5000, from);

    const lead = await yerevan1.post('/api/v1/leads', { title: 'Live lead', name: 'Anna' });
    const converted = await yerevan1.post(`/api/v1/leads/${lead.body.id}/convert`, {
      deal: { create: true },
    });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    await stream.waitFor(isChange('lead', lead.body.id, 'updated'));
    await stream.waitFor(isChange('deal', converted.body.deal.id, 'created'));

    const other = await createDeal(yerevan1);
    const stages = await t.admin.get('/api/v1/pipelines');
    const stage = stages.body.items[0].stages[1].id as number;
    const bulk = await yerevan1.post('/api/v1/deals/bulk', {
      ids: [deal.id, other.id],
      action: 'stage',
      value: stage,
    });
    expect(bulk.body.done, JSON.stringify(bulk.body)).toEqual([deal.id, other.id]);
    await stream.waitFor(isChange('deal', other.id, 'updated'));
  });

  it('tells who sees the deals when their source lead is deleted or their stage changes meaning', async () => {
    const stream = await open(yerevan2);
    const lead = await yerevan1.post('/api/v1/leads', { title: 'Source lead', name: 'Aram' });
    const converted = await yerevan1.post(`/api/v1/leads/${lead.body.id}/convert`, {
      deal: { create: true },
    });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    const dealId = converted.body.deal.id as number;
    await stream.waitFor(isChange('deal', dealId, 'created'));
    let from = stream.events.length;
    expect((await yerevan1.delete(`/api/v1/leads/${lead.body.id}`)).status).toBe(204);
    await stream.waitFor(isChange('deal', dealId, 'updated'), 5000, from);
    expect((await yerevan2.get(`/api/v1/deals/${dealId}`)).body.leadId).toBeNull();

    const pipeline = (await t.admin.get('/api/v1/pipelines')).body.items[0].id as number;
    const stage = await t.admin.post(`/api/v1/pipelines/${pipeline}/stages`, {
      name: 'Parked',
      semantics: 'process',
    });
    expect(stage.status, JSON.stringify(stage.body)).toBe(201);
    const parked = await createDeal(yerevan1, { stageId: stage.body.id });
    await stream.waitFor(isChange('deal', parked.id, 'created'));
    from = stream.events.length;
    const lost = await t.admin.patch(`/api/v1/pipelines/${pipeline}/stages/${stage.body.id}`, {
      semantics: 'lost',
    });
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    await stream.waitFor(isChange('deal', 0, 'updated'), 5000, from);
    expect((await yerevan2.get(`/api/v1/deals/${parked.id}`)).body.closed).toBe(true);
  });

  it('tells every signed-in user when shared settings change, and only then', async () => {
    const a = await open(yerevan2);
    const b = await open(moscow);
    const isSettings = (e: Parameters<typeof changeOf>[0]) => changeOf(e)?.kind === 'settings';
    const from = [a.events.length, b.events.length] as const;
    // a record write is not a settings change
    const fence = await createDeal(moscow, { title: 'Not a setting' });
    await b.waitFor(isChange('deal', fence.id, 'created'), 5000, from[1]);
    expect(b.events.slice(from[1]).some(isSettings)).toBe(false);

    const pipeline = (await t.admin.get('/api/v1/pipelines')).body.items[0];
    const stage = pipeline.stages[0];
    const renamed = await t.admin.patch(`/api/v1/pipelines/${pipeline.id}/stages/${stage.id}`, {
      name: 'First contact',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    await a.waitFor(isSettings, 5000, from[0]);
    await b.waitFor(isSettings, 5000, from[1]);
    // a refused settings write tells no one
    const before = b.events.filter(isSettings).length;
    const refused = await moscow.patch(`/api/v1/pipelines/${pipeline.id}/stages/${stage.id}`, {
      name: 'Mine',
    });
    expect(refused.status).toBe(403);
    const fence2 = await createDeal(moscow, { title: 'After the refused write' });
    await b.waitFor(isChange('deal', fence2.id, 'created'));
    expect(b.events.filter(isSettings).length).toBe(before);
  });

  it('accepts the session cookie the web app signs in with', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@test.local', password: 'admin-password' },
    });
    const cookie = login.cookies.find((c) => c.name === 'sevan_session');
    const stream = await SseClient.open(`${base}/api/v1/events`, {
      cookie: `sevan_session=${cookie?.value}`,
    });
    streams.push(stream);
    expect(stream.status).toBe(200);
    const deal = await createDeal(moscow, { title: 'Seen by the administrator' });
    await stream.waitFor(isChange('deal', deal.id, 'created'));
  });
});

describe('shutdown', () => {
  it('ends open streams so the server can stop', async () => {
    const other = await startTestApp();
    try {
      await other.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (other.app.server.address() as AddressInfo).port;
      const stream = await SseClient.open(`http://127.0.0.1:${port}/api/v1/events`, {
        authorization: `Bearer ${other.admin.token}`,
      });
      expect(stream.status).toBe(200);
      const started = Date.now();
      await other.app.close();
      await stream.waitForEnd(2000);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await other.close();
    }
  });
});
