import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countersFor } from '../../src/server/modules/activities/counters.service.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

/**
 * Counters: today / overdue in the user's own time zone (the service takes "now", so the test sets the
 * clock), how completing, rescheduling and deleting move them, idle deals and leads, and rights.
 */
let t: TestApp;
let yerevan: Client; // Asia/Yerevan, UTC+4 all year
let newYork: Client; // America/New_York, UTC-5 in November, UTC-4 from 8 March 2026
let outsider: Client; // another department
const deals = { yerevan: 0, newYork: 0 };

const counters = async (c: Client, now: string, pipelineId?: number) =>
  countersFor(await t.ctx(c.userId), new Date(now), pipelineId);

async function plan(c: Client, dealId: number, due: string, type = 'call') {
  const timing = type === 'call' ? { startAt: due } : { deadline: due };
  const res = await c.post('/api/v1/activities', {
    type,
    subject: `Due ${due}`,
    ...timing,
    ownerEntity: 'deal',
    ownerId: dealId,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number };
}

beforeAll(async () => {
  t = await startTestApp();
  const dept = async (name: string) =>
    (await t.admin.post('/api/v1/departments', { name })).body.id as number;
  const sales = await dept('Sales');
  const other = await dept('Other');
  yerevan = await t.user({ departmentId: sales });
  newYork = await t.user({ departmentId: sales });
  outsider = await t.user({ departmentId: other });
  expect((await yerevan.patch('/api/v1/me', { timeZone: 'Asia/Yerevan' })).status).toBe(200);
  expect((await newYork.patch('/api/v1/me', { timeZone: 'America/New_York' })).status).toBe(200);
  deals.yerevan = (await yerevan.post('/api/v1/deals', { title: 'Yerevan deal' })).body.id;
  deals.newYork = (await newYork.post('/api/v1/deals', { title: 'New York deal' })).body.id;
});
afterAll(async () => t.close());

describe('counters: days follow the user’s time zone', () => {
  it('counts today and overdue around local midnight in Yerevan and New York', async () => {
    // The same four instants for both users. At 12:00 UTC it is 16:00 in Yerevan and 07:00 in New York.
    const now = '2026-11-26T12:00:00Z';
    const instants = [
      '2026-11-25T19:59:00Z', // Yerevan: 23:59 yesterday; New York: 14:59 yesterday
      '2026-11-25T20:01:00Z', // Yerevan: 00:01 today (past); New York: 15:01 yesterday
      '2026-11-26T19:59:00Z', // Yerevan: 23:59 today; New York: 14:59 today
      '2026-11-26T20:01:00Z', // Yerevan: 00:01 tomorrow; New York: 15:01 today
      '2026-11-27T04:59:00Z', // Yerevan: tomorrow; New York: 23:59 today
      '2026-11-27T05:01:00Z', // Yerevan: tomorrow; New York: 00:01 tomorrow
    ];
    const made = [];
    for (const due of instants) made.push(await plan(yerevan, deals.yerevan, due));
    for (const due of instants) made.push(await plan(newYork, deals.newYork, due));
    const y = await counters(yerevan, now);
    expect(y).toMatchObject({ today: 1, overdue: 2 });
    expect(y.day).toEqual({
      date: '2026-11-26',
      timeZone: 'Asia/Yerevan',
      start: '2026-11-25T20:00:00.000Z',
      end: '2026-11-26T20:00:00.000Z',
    });
    const ny = await counters(newYork, now);
    expect(ny).toMatchObject({ today: 3, overdue: 2 });
    expect(ny.day).toMatchObject({ date: '2026-11-26', start: '2026-11-26T05:00:00.000Z' });
    // A minute after Yerevan's midnight its new day holds the two activities after midnight.
    expect(await counters(yerevan, '2026-11-26T20:00:30Z')).toMatchObject({ today: 3, overdue: 3 });
    // Just before New York's midnight only 23:59 is left for today.
    expect(await counters(newYork, '2026-11-27T04:58:00Z')).toMatchObject({ today: 1, overdue: 4 });
    for (const a of made) await t.admin.delete(`/api/v1/activities/${a.id}`);
  });

  it('keeps a 23-hour day (clocks forward) whole', async () => {
    // 8 March 2026 in New York lasts from 05:00 UTC to 04:00 UTC the next day.
    const inDay = await plan(newYork, deals.newYork, '2026-03-09T03:59:00Z');
    const nextDay = await plan(newYork, deals.newYork, '2026-03-09T04:01:00Z');
    const c = await counters(newYork, '2026-03-08T12:00:00Z');
    expect(c).toMatchObject({ today: 1, overdue: 0 });
    expect(c.day).toMatchObject({ start: '2026-03-08T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' });
    for (const a of [inDay, nextDay]) await t.admin.delete(`/api/v1/activities/${a.id}`);
  });
});

describe('counters: follow the work', () => {
  it('drop when an activity is completed, rescheduled or deleted', async () => {
    const now = '2026-11-26T12:00:00Z';
    const overdue = await plan(yerevan, deals.yerevan, '2026-11-26T08:00:00Z', 'task');
    const today = await plan(yerevan, deals.yerevan, '2026-11-26T15:00:00Z');
    const another = await plan(yerevan, deals.yerevan, '2026-11-26T16:00:00Z');
    expect(await counters(yerevan, now)).toMatchObject({ today: 2, overdue: 1 });
    await yerevan.post(`/api/v1/activities/${overdue.id}/complete`, { result: 'Done late' });
    expect(await counters(yerevan, now)).toMatchObject({ today: 2, overdue: 0 });
    await yerevan.patch(`/api/v1/activities/${today.id}`, { startAt: '2026-11-28T10:00:00Z' });
    expect(await counters(yerevan, now)).toMatchObject({ today: 1, overdue: 0 });
    await yerevan.delete(`/api/v1/activities/${another.id}`);
    expect(await counters(yerevan, now)).toMatchObject({ today: 0, overdue: 0 });
    await yerevan.post(`/api/v1/activities/${overdue.id}/reopen`, {});
    expect(await counters(yerevan, now)).toMatchObject({ today: 0, overdue: 1 });
    for (const a of [overdue, today]) await yerevan.delete(`/api/v1/activities/${a.id}`);
  });

  it('count open deals and leads in progress that have no planned activity', async () => {
    const user = await t.user({});
    const c = async () => counters(user, new Date().toISOString());
    expect(await c()).toMatchObject({ idleDeals: 0, idleLeads: 0 });
    const open = (await user.post('/api/v1/deals', { title: 'Open' })).body.id as number;
    const won = await t.db.kysely
      .selectFrom('stages')
      .select('id')
      .where('semantics', '=', 'won')
      .executeTakeFirstOrThrow();
    await user.post('/api/v1/deals', { title: 'Won', stageId: won.id });
    const lead = (await user.post('/api/v1/leads', { title: 'In progress' })).body.id as number;
    const junk = await t.db.kysely
      .selectFrom('lead_statuses')
      .select('id')
      .where('semantics', '=', 'junk')
      .executeTakeFirstOrThrow();
    await user.post('/api/v1/leads', { title: 'Junk', statusId: junk.id });
    expect(await c()).toMatchObject({ idleDeals: 1, idleLeads: 1 });
    const a = await plan(user, open, new Date(Date.now() + 86_400_000).toISOString());
    const b = await user.post('/api/v1/activities', {
      type: 'task',
      subject: 'Qualify',
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      ownerEntity: 'lead',
      ownerId: lead,
    });
    expect(await c()).toMatchObject({ idleDeals: 0, idleLeads: 0 });
    const pipeline = (await user.get(`/api/v1/deals/${open}`)).body.pipelineId as number;
    const before = await counters(user, new Date().toISOString(), pipeline);
    await user.post(`/api/v1/activities/${a.id}/complete`, {});
    await user.delete(`/api/v1/activities/${b.body.id}`);
    expect(await c()).toMatchObject({ idleDeals: 1, idleLeads: 1 });
    const after = await counters(user, new Date().toISOString(), pipeline);
    const firstStage = after.idleByStage?.[0];
    expect(firstStage?.count).toBe((before.idleByStage?.[0]?.count ?? 0) + 1);
    expect(after.idleByStage?.map((s) => s.stageId)).toEqual(before.idleByStage?.map((s) => s.stageId));
  });

  it('answer GET /api/v1/counters with the real clock', async () => {
    const soon = await plan(yerevan, deals.yerevan, new Date(Date.now() + 60_000).toISOString());
    const late = await plan(yerevan, deals.yerevan, new Date(Date.now() - 60_000).toISOString());
    const res = await yerevan.get('/api/v1/counters');
    expect(res.status).toBe(200);
    expect(res.body.overdue).toBe(1);
    // "soon" is today unless the Yerevan day ends within the minute
    expect(res.body.today).toBe(Date.parse(res.body.day.end) > Date.now() + 60_000 ? 1 : 0);
    expect((await yerevan.get('/api/v1/counters?pipelineId=999999')).status).toBe(404);
    for (const a of [soon, late]) await yerevan.delete(`/api/v1/activities/${a.id}`);
  });
});

describe('counters: rights', () => {
  it('never count an activity of a record the user cannot see', async () => {
    const now = '2026-11-26T12:00:00Z';
    const deal = (await yerevan.post('/api/v1/deals', { title: 'Handed over' })).body.id as number;
    await plan(yerevan, deal, '2026-11-26T10:00:00Z');
    await plan(yerevan, deal, '2026-11-26T18:00:00Z');
    expect(await counters(yerevan, now)).toMatchObject({ today: 1, overdue: 1 });
    expect(await counters(outsider, now)).toMatchObject({ today: 0, overdue: 0 });
    // The deal goes to another department: its activities leave yerevan's counters though still theirs.
    expect((await t.admin.patch(`/api/v1/deals/${deal}`, { responsibleId: outsider.userId })).status).toBe(
      200,
    );
    expect(await counters(yerevan, now)).toMatchObject({ today: 0, overdue: 0 });
    expect(await counters(outsider, now)).toMatchObject({ today: 0, overdue: 0 });
    await t.admin.delete(`/api/v1/deals/${deal}`);
  });
});
