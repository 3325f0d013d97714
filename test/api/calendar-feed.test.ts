import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

/**
 * The calendar (GET /api/v1/calendar) and the secret iCal feed: the feed is fetched without any sign-in and
 * read back with a library parser (ical.js); rights apply when it is fetched.
 */
let t: TestApp;
let anna: Client;
let boris: Client; // Anna's department colleague
let outsider: Client;
let departmentId: number;
const deals = { anna: 0, boris: 0, outsider: 0 };

const at = (hours: number) => new Date(Date.now() + hours * 3600_000);
const iso = (hours: number) => at(hours).toISOString();
const q = (v: string) => encodeURIComponent(v);

async function plan(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/activities', { ownerEntity: 'deal', ownerId: deals.anna, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; subject: string; dueAt: string };
}

/** Fetches a feed URL as a calendar app would: no token, no cookie. */
async function fetchFeed(url: string) {
  const path = new URL(url).pathname;
  return t.app.inject({ method: 'GET', url: path });
}

interface Parsed {
  uid: string;
  summary: string;
  start: string;
  status: string | null;
  alarms: number;
}

function parse(text: string): Parsed[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
      alarms: v.getAllSubcomponents('valarm').length,
    };
  });
}

beforeAll(async () => {
  t = await startTestApp();
  const dept = async (name: string) =>
    (await t.admin.post('/api/v1/departments', { name })).body.id as number;
  departmentId = await dept('Sales');
  const other = await dept('Elsewhere');
  anna = await t.user({ departmentId });
  boris = await t.user({ departmentId });
  outsider = await t.user({ departmentId: other });
  deals.anna = (await anna.post('/api/v1/deals', { title: '20 laptops' })).body.id;
  deals.boris = (await boris.post('/api/v1/deals', { title: 'Boris deal' })).body.id;
  deals.outsider = (await outsider.post('/api/v1/deals', { title: 'Outside deal' })).body.id;
});
afterAll(async () => t.close());

describe('calendar', () => {
  it('lists my activities and those I take part in, in a range, by due time', async () => {
    const mine = await plan(anna, { type: 'meeting', subject: 'Demo', startAt: iso(30), endAt: iso(31) });
    const task = await plan(anna, { type: 'task', subject: 'Prepare offer', deadline: iso(5) });
    const taking = await plan(boris, {
      type: 'call',
      subject: 'Joint call',
      startAt: iso(10),
      ownerId: deals.boris,
      participantIds: [anna.userId],
    });
    const outside = await plan(anna, { type: 'call', subject: 'Next month', startAt: iso(24 * 40) });
    const res = await anna.get(`/api/v1/calendar?from=${q(iso(0))}&to=${q(iso(24 * 7))}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(res.body.items.map((a: { id: number }) => a.id)).toEqual([task.id, taking.id, mine.id]);
    expect(res.body.items[1]).toMatchObject({ ownerTitle: 'Boris deal', participantIds: [anna.userId] });
    const ofBoris = await anna.get(
      `/api/v1/calendar?from=${q(iso(0))}&to=${q(iso(24 * 7))}&userId=${boris.userId}`,
    );
    expect(ofBoris.body.items.map((a: { id: number }) => a.id)).toEqual([taking.id]);
    const team = await anna.get(
      `/api/v1/calendar?from=${q(iso(0))}&to=${q(iso(24 * 7))}&departmentId=${departmentId}`,
    );
    expect(team.body.items.map((a: { id: number }) => a.id)).toEqual([task.id, taking.id, mine.id]);
    for (const a of [mine, task, taking, outside]) await t.admin.delete(`/api/v1/activities/${a.id}`);
  });

  it('shows a department only what the viewer may see', async () => {
    const secret = await plan(outsider, {
      type: 'call',
      subject: 'Secret',
      startAt: iso(3),
      ownerId: deals.outsider,
    });
    const range = `from=${q(iso(0))}&to=${q(iso(24))}`;
    const asAnna = await anna.get(`/api/v1/calendar?${range}&userId=${outsider.userId}`);
    expect(asAnna.body.items).toEqual([]);
    const asAdmin = await t.admin.get(`/api/v1/calendar?${range}&userId=${outsider.userId}`);
    expect(asAdmin.body.items.map((a: { id: number }) => a.id)).toEqual([secret.id]);
    await t.admin.delete(`/api/v1/activities/${secret.id}`);
  });

  it('refuses a wrong range', async () => {
    const fields = async (url: string) => {
      const res = await anna.get(url);
      expect(res.status).toBe(400);
      return res.body.error.details.map((d: { field: string }) => d.field);
    };
    expect(await fields(`/api/v1/calendar?from=${q(iso(5))}&to=${q(iso(1))}`)).toEqual(['to']);
    expect(await fields(`/api/v1/calendar?from=${q(iso(0))}&to=${q(iso(24 * 100))}`)).toEqual(['to']);
    expect(await fields(`/api/v1/calendar?from=yesterday&to=${q(iso(1))}`)).toEqual(['from']);
    expect(
      (await anna.get(`/api/v1/calendar?from=${q(iso(0))}&to=${q(iso(5))}&departmentId=999999`)).status,
    ).toBe(404);
  });
});

describe('iCal feed', () => {
  it('serves my planned and recent activities as RFC 5545 to anyone holding the secret URL', async () => {
    expect((await anna.get('/api/v1/me/calendar-feed')).body).toEqual({
      exists: false,
      createdAt: null,
      lastUsedAt: null,
    });
    const created = await anna.post('/api/v1/me/calendar-feed', {});
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^http:\/\/[^/]+\/ical\/[A-Za-z0-9_-]{20,}\.ics$/);
    expect(created.body.webcalUrl).toBe(created.body.url.replace(/^http:/, 'webcal:'));

    const call = await plan(anna, {
      type: 'call',
      subject: 'Call about the order',
      startAt: '2026-12-01T10:00:00Z',
      remindBeforeMinutes: 10,
    });
    const task = await plan(anna, { type: 'task', subject: 'Send the invoice', deadline: iso(48) });
    const done = await plan(anna, { type: 'call', subject: 'Yesterday’s call', startAt: iso(-24) });
    await anna.post(`/api/v1/activities/${done.id}/complete`, { result: 'OK' });
    const old = await plan(anna, { type: 'call', subject: 'Long ago', startAt: iso(-24 * 60) });
    await anna.post(`/api/v1/activities/${old.id}/complete`, {});
    const joint = await plan(boris, {
      type: 'meeting',
      subject: 'Joint meeting',
      startAt: iso(26),
      ownerId: deals.boris,
      participantIds: [anna.userId],
    });
    const borisOwn = await plan(boris, {
      type: 'call',
      subject: 'Boris alone',
      startAt: iso(2),
      ownerId: deals.boris,
    });

    const res = await fetchFeed(created.body.url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parse(res.body);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const uid = (id: number) => [...byUid.keys()].find((k) => k.startsWith(`activity-${id}@`));
    expect(events.map((e) => e.uid).sort()).toEqual(
      [call.id, task.id, done.id, joint.id].map((id) => uid(id) as string).sort(),
    );
    expect(uid(old.id)).toBeUndefined();
    expect(uid(borisOwn.id)).toBeUndefined();
    expect(byUid.get(uid(call.id) as string)).toEqual({
      uid: uid(call.id),
      summary: 'Call: Call about the order',
      start: '2026-12-01T10:00:00.000Z',
      status: 'CONFIRMED',
      alarms: 1,
    });
    expect(byUid.get(uid(task.id) as string)).toMatchObject({
      summary: 'Task: Send the invoice',
      // iCalendar times have whole seconds
      start: `${task.dueAt.slice(0, 19)}.000Z`,
    });
    expect(byUid.get(uid(done.id) as string)?.summary).toBe('✓ Call: Yesterday’s call');
    expect(byUid.get(uid(joint.id) as string)?.summary).toBe('Meeting: Joint meeting');

    const state = (await anna.get('/api/v1/me/calendar-feed')).body;
    expect(state.exists).toBe(true);
    expect(Date.parse(state.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(state.createdAt));

    // Rights apply when the feed is read: the deal goes to another department, its activities leave.
    expect(
      (await t.admin.patch(`/api/v1/deals/${deals.anna}`, { responsibleId: outsider.userId })).status,
    ).toBe(200);
    const after = parse((await fetchFeed(created.body.url)).body);
    expect(after.map((e) => e.uid)).toEqual([uid(joint.id)]);
    expect((await t.admin.patch(`/api/v1/deals/${deals.anna}`, { responsibleId: anna.userId })).status).toBe(
      200,
    );
  });

  it('answers 404 to a rotated or revoked URL, and to a made-up one', async () => {
    const first = (await anna.post('/api/v1/me/calendar-feed', {})).body.url as string;
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const second = (await anna.post('/api/v1/me/calendar-feed', {})).body.url as string;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).statusCode).toBe(404);
    expect((await fetchFeed(second)).statusCode).toBe(200);
    expect((await anna.delete('/api/v1/me/calendar-feed')).status).toBe(204);
    expect((await fetchFeed(second)).statusCode).toBe(404);
    expect((await anna.delete('/api/v1/me/calendar-feed')).status).toBe(404);
    expect((await anna.get('/api/v1/me/calendar-feed')).body.exists).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/ical/not-a-token.ics' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/ical/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(404);
  });

  it('stops serving the feed of a deactivated user', async () => {
    const url = (await boris.post('/api/v1/me/calendar-feed', {})).body.url as string;
    expect((await fetchFeed(url)).statusCode).toBe(200);
    const user = (await t.admin.get(`/api/v1/users/${boris.userId}`)).body;
    const off = await t.admin.patch(`/api/v1/users/${boris.userId}`, {
      active: false,
      version: user.version,
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect((await fetchFeed(url)).statusCode).toBe(404);
  });
});
