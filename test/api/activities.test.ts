import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

/**
 * Activities through the real API: CRUD with versions, validation, lists with the shared filter engine,
 * the next activity of leads and deals, and rights that follow the owner record.
 * Company: Sales → Yerevan (two managers) and Moscow (one manager); managers read their department and
 * change their own records.
 */
let t: TestApp;
let yerevan1: Client;
let yerevan2: Client;
let moscow: Client;
const ids = { deal: 0, colleagueDeal: 0, moscowDeal: 0, lead: 0, contact: 0 };

const f = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const issuesOf = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field);

async function call(c: Client, ownerId: number, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/activities', {
    type: 'call',
    subject: 'Call the client',
    startAt: inHours(24),
    ownerEntity: 'deal',
    ownerId,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number; dueAt: string };
}

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
  const sales = await dept('Sales', root);
  const yer = await dept('Sales Yerevan', sales);
  const mos = await dept('Sales Moscow', sales);
  yerevan1 = await t.user({ departmentId: yer });
  yerevan2 = await t.user({ departmentId: yer });
  moscow = await t.user({ departmentId: mos });
  ids.deal = (await yerevan1.post('/api/v1/deals', { title: '20 laptops' })).body.id;
  ids.colleagueDeal = (await yerevan2.post('/api/v1/deals', { title: 'Colleague deal' })).body.id;
  ids.moscowDeal = (await moscow.post('/api/v1/deals', { title: 'Moscow secret deal' })).body.id;
  ids.lead = (await yerevan1.post('/api/v1/leads', { title: 'Website request' })).body.id;
  ids.contact = (await yerevan1.post('/api/v1/contacts', { name: 'Anna', lastName: 'Petrosyan' })).body.id;
});
afterAll(async () => t.close());

describe('activities: create, read, change, delete', () => {
  it('plans a call on a deal and shows it with the deal’s title', async () => {
    const startAt = '2026-12-01T10:00:00+04:00';
    const res = await yerevan1.post('/api/v1/activities', {
      type: 'call',
      subject: 'Discuss the order',
      startAt,
      endAt: '2026-12-01T10:15:00+04:00',
      ownerEntity: 'deal',
      ownerId: ids.deal,
      participantIds: [yerevan2.userId],
      priority: 'high',
      commType: 'phone',
      commValue: '+374 10 123456',
      remindBeforeMinutes: 15,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      type: 'call',
      subject: 'Discuss the order',
      startAt: '2026-12-01T06:00:00.000Z',
      endAt: '2026-12-01T06:15:00.000Z',
      dueAt: '2026-12-01T06:00:00.000Z',
      deadline: null,
      responsibleId: yerevan1.userId,
      participantIds: [yerevan2.userId],
      priority: 'high',
      status: 'planned',
      ownerEntity: 'deal',
      ownerId: ids.deal,
      ownerTitle: '20 laptops',
      commType: 'phone',
      remindBeforeMinutes: 15,
      remindAt: '2026-12-01T05:45:00.000Z',
      version: 1,
    });
    const got = await yerevan1.get(`/api/v1/activities/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    await yerevan1.delete(`/api/v1/activities/${res.body.id}`);
  });

  it('plans a task with a deadline on a contact, named after the contact', async () => {
    const res = await yerevan1.post('/api/v1/activities', {
      type: 'task',
      subject: 'Send the price list',
      deadline: '2026-12-03T18:00:00Z',
      ownerEntity: 'contact',
      ownerId: ids.contact,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      deadline: '2026-12-03T18:00:00.000Z',
      dueAt: '2026-12-03T18:00:00.000Z',
      startAt: null,
      ownerTitle: 'Anna Petrosyan',
      priority: 'normal',
    });
    await yerevan1.delete(`/api/v1/activities/${res.body.id}`);
  });

  it('reschedules keeping the duration, refuses a stale version with the current activity', async () => {
    const created = await yerevan1.post('/api/v1/activities', {
      type: 'meeting',
      subject: 'Demo',
      startAt: '2026-12-01T10:00:00Z',
      endAt: '2026-12-01T11:30:00Z',
      ownerEntity: 'deal',
      ownerId: ids.deal,
      remindBeforeMinutes: 60,
    });
    const id = created.body.id;
    const moved = await yerevan1.patch(`/api/v1/activities/${id}`, {
      startAt: '2026-12-02T09:00:00Z',
      version: 1,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      startAt: '2026-12-02T09:00:00.000Z',
      endAt: '2026-12-02T10:30:00.000Z',
      dueAt: '2026-12-02T09:00:00.000Z',
      remindAt: '2026-12-02T08:00:00.000Z',
      version: 2,
    });
    const stale = await yerevan1.patch(`/api/v1/activities/${id}`, { subject: 'Old view', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ id, version: 2, subject: 'Demo' });
    const viaHeader = await yerevan1.patch(
      `/api/v1/activities/${id}`,
      { subject: 'x' },
      { 'if-match': '"1"' },
    );
    expect(viaHeader.status).toBe(409);
    const staleDelete = await yerevan1.delete(`/api/v1/activities/${id}`, { 'if-match': '1' });
    expect(staleDelete.status).toBe(409);
    expect((await yerevan1.delete(`/api/v1/activities/${id}`, { 'if-match': '2' })).status).toBe(204);
    expect((await yerevan1.get(`/api/v1/activities/${id}`)).status).toBe(404);
  });

  it('completes in one click with a result, reopens, cancels', async () => {
    const a = await call(yerevan1, ids.deal);
    const done = await yerevan1.post(`/api/v1/activities/${a.id}/complete`, {
      result: 'Agreed on 20 laptops',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', result: 'Agreed on 20 laptops', version: 2 });
    expect(Date.parse(done.body.completedAt)).toBeGreaterThan(Date.now() - 60_000);
    const stale = await yerevan1.post(`/api/v1/activities/${a.id}/reopen`, { version: 1 });
    expect(stale.status).toBe(409);
    const reopened = await yerevan1.post(`/api/v1/activities/${a.id}/reopen`, { version: 2 });
    expect(reopened.body).toMatchObject({ status: 'planned', completedAt: null, version: 3 });
    const cancelled = await yerevan1.patch(`/api/v1/activities/${a.id}`, { status: 'cancelled' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', completedAt: null });
    // one click without any body at all
    const bare = await yerevan1.request('POST', `/api/v1/activities/${a.id}/complete`);
    expect(bare.status, JSON.stringify(bare.body)).toBe(200);
    expect(bare.body).toMatchObject({ status: 'done', result: 'Agreed on 20 laptops' });
    await yerevan1.delete(`/api/v1/activities/${a.id}`);
  });

  it('returns the first result for a retried create with the same Idempotency-Key', async () => {
    const body = {
      type: 'email',
      subject: 'Send offer',
      deadline: inHours(5),
      ownerEntity: 'deal',
      ownerId: ids.deal,
    };
    const first = await yerevan1.post('/api/v1/activities', body, { 'idempotency-key': 'offer-1' });
    const again = await yerevan1.post('/api/v1/activities', body, { 'idempotency-key': 'offer-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const list = await yerevan1.get(`/api/v1/activities?filter=${f({ subject: 'Send offer' })}`);
    expect(list.body.total).toBe(1);
    await yerevan1.delete(`/api/v1/activities/${first.body.id}`);
  });
});

describe('activities: validation names the field', () => {
  const base = () => ({
    type: 'call',
    subject: 'x',
    startAt: inHours(1),
    ownerEntity: 'deal',
    ownerId: ids.deal,
  });
  const cases: [string, (b: Record<string, unknown>) => Record<string, unknown>, string[]][] = [
    ['no subject', ({ subject: _s, ...b }) => b, ['subject']],
    ['blank subject', (b) => ({ ...b, subject: '  ' }), ['subject']],
    ['an unknown type', (b) => ({ ...b, type: 'fax' }), ['type']],
    ['a call without a start', ({ startAt: _s, ...b }) => b, ['startAt']],
    ['a task without a deadline', ({ startAt: _s, ...b }) => ({ ...b, type: 'task' }), ['deadline']],
    ['a call with a deadline', (b) => ({ ...b, deadline: inHours(2) }), ['deadline']],
    ['an end before the start', (b) => ({ ...b, endAt: inHours(-1) }), ['endAt']],
    ['a date that is not ISO', (b) => ({ ...b, startAt: 'tomorrow' }), ['startAt']],
    ['an unknown owner kind', (b) => ({ ...b, ownerEntity: 'product' }), ['ownerEntity']],
    ['a missing owner record', (b) => ({ ...b, ownerId: 999999 }), ['ownerId']],
    ['an unknown field', (b) => ({ ...b, colour: 'red' }), ['colour']],
    ['a phone without digits', (b) => ({ ...b, commType: 'phone', commValue: 'none' }), ['commValue']],
    ['a value without its type', (b) => ({ ...b, commValue: 'a@b.example' }), ['commType']],
    ['a negative reminder', (b) => ({ ...b, remindBeforeMinutes: -5 }), ['remindBeforeMinutes']],
    ['a responsible who does not exist', (b) => ({ ...b, responsibleId: 999999 }), ['responsibleId']],
  ];
  for (const [name, change, fields] of cases) {
    it(`refuses ${name}`, async () => {
      const res = await yerevan1.post('/api/v1/activities', change(base()));
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(issuesOf(res)).toEqual(fields);
    });
  }

  it('refuses a responsible or participant who may not see the record', async () => {
    const res = await t.admin.post('/api/v1/activities', { ...base(), responsibleId: moscow.userId });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'responsibleId', message: `user ${moscow.userId} may not see this deal` },
    ]);
    const part = await yerevan1.post('/api/v1/activities', {
      ...base(),
      participantIds: [yerevan2.userId, moscow.userId],
    });
    expect(part.status).toBe(400);
    expect(issuesOf(part)).toEqual(['participantIds.1']);
  });

  it('refuses a change that names nothing, or breaks the rules', async () => {
    const a = await call(yerevan1, ids.deal);
    expect(issuesOf(await yerevan1.patch(`/api/v1/activities/${a.id}`, { version: 1 }))).toEqual(['(body)']);
    expect(issuesOf(await yerevan1.patch(`/api/v1/activities/${a.id}`, { startAt: null }))).toEqual([
      'startAt',
    ]);
    expect(
      issuesOf(await yerevan1.patch(`/api/v1/activities/${a.id}`, { type: 'task', deadline: null })),
    ).toEqual(['deadline']);
    // a call turned into a task keeps its time as the deadline
    const asTask = await yerevan1.patch(`/api/v1/activities/${a.id}`, { type: 'task', startAt: null });
    expect(asTask.body).toMatchObject({ type: 'task', startAt: null, deadline: a.dueAt, dueAt: a.dueAt });
    expect(issuesOf(await yerevan1.patch(`/api/v1/activities/${a.id}`, { ownerId: ids.lead }))).toEqual([
      'ownerId',
    ]);
    expect(issuesOf(await yerevan1.patch(`/api/v1/activities/${a.id}`, { status: 'lost' }))).toEqual([
      'status',
    ]);
    await yerevan1.delete(`/api/v1/activities/${a.id}`);
  });
});

describe('activities: lists', () => {
  it('filters, sorts and pages with the shared list engine', async () => {
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(await call(yerevan1, ids.deal, { subject: `Batch ${i}`, startAt: inHours(10 + i) }));
    const filter = { subject: { startsWith: 'Batch' }, type: 'call', status: 'planned' };
    const page1 = await yerevan1.get(`/api/v1/activities?filter=${f(filter)}&sort=-dueAt&limit=2`);
    expect(page1.status, JSON.stringify(page1.body)).toBe(200);
    expect(page1.body.total).toBe(5);
    expect(page1.body.items.map((a: { subject: string }) => a.subject)).toEqual(['Batch 4', 'Batch 3']);
    const page2 = await yerevan1.get(
      `/api/v1/activities?filter=${f(filter)}&sort=-dueAt&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((a: { subject: string }) => a.subject)).toEqual(['Batch 2', 'Batch 1']);
    const searched = await yerevan1.post('/api/v1/activities/search', {
      filter: { ...filter, dueAt: { gte: made[1]?.dueAt, lt: made[3]?.dueAt } },
      sort: 'dueAt',
      fields: ['subject', 'ownerTitle'],
    });
    expect(searched.body.items).toEqual([
      { id: made[1]?.id, version: 1, subject: 'Batch 1', ownerTitle: '20 laptops' },
      { id: made[2]?.id, version: 1, subject: 'Batch 2', ownerTitle: '20 laptops' },
    ]);
    const ofRecord = await yerevan1.get(
      `/api/v1/activities?filter=${f({ ownerEntity: 'deal', ownerId: ids.deal })}`,
    );
    expect(ofRecord.body.total).toBeGreaterThanOrEqual(5);
    const bad = await yerevan1.get(`/api/v1/activities?filter=${f({ or: [{ colour: 'red' }] })}`);
    expect(bad.status).toBe(400);
    expect(issuesOf(bad)).toEqual(['filter.or.0.colour']);
    expect(issuesOf(await yerevan1.get('/api/v1/activities?sort=description'))).toEqual(['sort']);
    for (const a of made) await yerevan1.delete(`/api/v1/activities/${a.id}`);
  });
});

describe('activities: next activity of leads and deals', () => {
  it('follows creates, completes, reschedules and deletes', async () => {
    const deal = (await yerevan1.post('/api/v1/deals', { title: 'Next activity deal' })).body;
    expect(deal.nextActivityAt).toBeNull();
    const idle = async () =>
      (await yerevan1.get(`/api/v1/deals?filter=${f({ id: deal.id, closed: false, nextActivityAt: null })}`))
        .body.total as number;
    expect(await idle()).toBe(1);
    const next = async () =>
      (await yerevan1.get(`/api/v1/deals/${deal.id}`)).body.nextActivityAt as string | null;
    const later = await call(yerevan1, deal.id, { startAt: '2026-12-10T10:00:00Z' });
    const sooner = await yerevan1.post('/api/v1/activities', {
      type: 'task',
      subject: 'Prepare',
      deadline: '2026-12-05T10:00:00Z',
      ownerEntity: 'deal',
      ownerId: deal.id,
    });
    expect(await next()).toBe('2026-12-05T10:00:00.000Z');
    expect(await idle()).toBe(0);
    expect((await yerevan1.get(`/api/v1/deals/${deal.id}`)).body.version).toBe(deal.version);
    const sorted = await yerevan1.get(
      `/api/v1/deals?filter=${f({ nextActivityAt: { gte: '2026-12-01T00:00:00Z' } })}&sort=nextActivityAt`,
    );
    expect(sorted.body.items.map((d: { id: number }) => d.id)).toContain(deal.id);
    await yerevan1.post(`/api/v1/activities/${sooner.body.id}/complete`, {});
    expect(await next()).toBe('2026-12-10T10:00:00.000Z');
    await yerevan1.patch(`/api/v1/activities/${later.id}`, { startAt: '2026-12-11T10:00:00Z' });
    expect(await next()).toBe('2026-12-11T10:00:00.000Z');
    await yerevan1.delete(`/api/v1/activities/${later.id}`);
    expect(await next()).toBeNull();
    expect(await idle()).toBe(1);
    const patch = await yerevan1.patch(`/api/v1/deals/${deal.id}`, {
      nextActivityAt: '2026-12-01T00:00:00Z',
    });
    expect(issuesOf(patch)).toEqual(['nextActivityAt']);
  });

  it('keeps a lead’s next activity too', async () => {
    const a = await yerevan1.post('/api/v1/activities', {
      type: 'call',
      subject: 'First call',
      startAt: '2026-12-04T08:00:00Z',
      ownerEntity: 'lead',
      ownerId: ids.lead,
    });
    expect((await yerevan1.get(`/api/v1/leads/${ids.lead}`)).body.nextActivityAt).toBe(
      '2026-12-04T08:00:00.000Z',
    );
    await yerevan1.delete(`/api/v1/activities/${a.body.id}`);
    expect((await yerevan1.get(`/api/v1/leads/${ids.lead}`)).body.nextActivityAt).toBeNull();
  });
});

describe('activities: rights follow the owner record', () => {
  it('hide a record’s activities from a manager of another department everywhere', async () => {
    const a = await call(yerevan1, ids.deal, { subject: 'Secret call' });
    expect((await moscow.get(`/api/v1/activities/${a.id}`)).status).toBe(404);
    expect((await moscow.patch(`/api/v1/activities/${a.id}`, { subject: 'mine' })).status).toBe(404);
    expect((await moscow.post(`/api/v1/activities/${a.id}/complete`, {})).status).toBe(404);
    expect((await moscow.delete(`/api/v1/activities/${a.id}`)).status).toBe(404);
    for (const filter of [{}, { id: a.id }, { ownerId: ids.deal }, { responsibleId: yerevan1.userId }]) {
      const list = await moscow.get(`/api/v1/activities?filter=${f(filter)}`);
      expect(list.body).toMatchObject({ items: [], total: 0 });
    }
    const searched = await moscow.post('/api/v1/activities/search', { filter: { subject: 'Secret call' } });
    expect(searched.body).toMatchObject({ items: [], total: 0 });
    const cal = await moscow.get(
      `/api/v1/calendar?from=${encodeURIComponent(inHours(0))}&to=${encodeURIComponent(inHours(72))}&userId=${yerevan1.userId}`,
    );
    expect(cal.status).toBe(200);
    expect(cal.body.items).toEqual([]);
    const create = await moscow.post('/api/v1/activities', {
      type: 'call',
      subject: 'Sneak in',
      startAt: inHours(3),
      ownerEntity: 'deal',
      ownerId: ids.deal,
      responsibleId: moscow.userId,
    });
    expect(create.status).toBe(400);
    expect(create.body.error.details).toEqual([{ field: 'ownerId', message: `no deal with id ${ids.deal}` }]);
    await yerevan1.delete(`/api/v1/activities/${a.id}`);
  });

  it('let a colleague see but not change; the responsible may complete and reschedule only', async () => {
    const mine = await call(yerevan1, ids.deal);
    expect((await yerevan2.get(`/api/v1/activities/${mine.id}`)).status).toBe(200);
    expect((await yerevan2.patch(`/api/v1/activities/${mine.id}`, { subject: 'hijack' })).status).toBe(403);
    expect((await yerevan2.delete(`/api/v1/activities/${mine.id}`)).status).toBe(403);
    const onColleague = await yerevan1.post('/api/v1/activities', {
      type: 'call',
      subject: 'x',
      startAt: inHours(2),
      ownerEntity: 'deal',
      ownerId: ids.colleagueDeal,
    });
    expect(onColleague.status).toBe(403);
    // the colleague's deal, an activity assigned by the administrator to yerevan1
    const assigned = await t.admin.post('/api/v1/activities', {
      type: 'call',
      subject: 'Help a colleague',
      startAt: inHours(4),
      ownerEntity: 'deal',
      ownerId: ids.colleagueDeal,
      responsibleId: yerevan1.userId,
    });
    expect(assigned.status).toBe(201);
    const told = await t.db.kysely
      .selectFrom('notifications')
      .select(['kind', 'record_entity', 'record_id'])
      .where('user_id', '=', yerevan1.userId)
      .where('activity_id', '=', assigned.body.id)
      .execute();
    expect(told).toEqual([{ kind: 'assigned', record_entity: 'deal', record_id: ids.colleagueDeal }]);
    const id = assigned.body.id;
    expect((await yerevan1.patch(`/api/v1/activities/${id}`, { subject: 'Renamed' })).status).toBe(403);
    const moved = await yerevan1.patch(`/api/v1/activities/${id}`, { startAt: inHours(6) });
    expect(moved.status).toBe(200);
    const done = await yerevan1.post(`/api/v1/activities/${id}/complete`, { result: 'Helped' });
    expect(done.body.status).toBe('done');
    expect((await yerevan1.delete(`/api/v1/activities/${id}`)).status).toBe(403);
    expect((await yerevan2.delete(`/api/v1/activities/${id}`)).status).toBe(204);
    await yerevan1.delete(`/api/v1/activities/${mine.id}`);
  });

  it('move with the record’s responsible, and go when the record is deleted', async () => {
    const deal = (await yerevan1.post('/api/v1/deals', { title: 'Changing hands' })).body;
    const a = await call(yerevan1, deal.id, { subject: 'Before the handover' });
    const reassigned = await t.admin.patch(`/api/v1/deals/${deal.id}`, { responsibleId: moscow.userId });
    expect(reassigned.status).toBe(200);
    const row = await t.db.kysely
      .selectFrom('activities')
      .select(['owner_responsible_id', 'responsible_id'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ owner_responsible_id: moscow.userId, responsible_id: yerevan1.userId });
    expect((await yerevan1.get(`/api/v1/activities/${a.id}`)).status).toBe(404);
    expect((await moscow.get(`/api/v1/activities/${a.id}`)).status).toBe(200);
    expect((await moscow.delete(`/api/v1/deals/${deal.id}`)).status).toBe(204);
    expect((await moscow.get(`/api/v1/activities/${a.id}`)).status).toBe(404);
    const left = await t.db.kysely
      .selectFrom('activities')
      .select('id')
      .where('owner_entity', '=', 'deal')
      .where('owner_id', '=', deal.id)
      .execute();
    expect(left).toEqual([]);
  });
});
