import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDueActivities, startActivityReminders } from '../../src/server/jobs/activity-reminders.js';
import { completeActivity, createActivity } from '../../src/server/modules/activities/activity.service.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

/**
 * The bell. Company: Sales → Yerevan (two managers), Moscow (one manager); a sales head sees everything.
 * Sales managers read their department's records and write their own.
 */
let t: TestApp;
let yerevan1: Client;
let yerevan2: Client;
let moscow: Client;
let head: Client;
let stageIds: number[];

interface Item {
  id: number;
  kind: string;
  entity: string;
  recordId: number;
  title: string;
  activityId: number | null;
  actor: { id: number; name: string } | null;
  data: Record<string, unknown> | null;
  readAt: string | null;
}

const bell = async (c: Client, query = '') => {
  const res = await c.get(`/api/v1/notifications${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Item[]; nextCursor: string | null; unreadCount: number };
};
const about = async (c: Client, recordId: number, entity = 'deal') =>
  (await bell(c, '?limit=200')).items.filter((n) => n.recordId === recordId && n.entity === entity);

const newDeal = async (c: Client, body: Record<string, unknown>) => {
  const res = await c.post('/api/v1/deals', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number };
};

beforeAll(async () => {
  t = await startTestApp();
  const dept = async (name: string, parentId: number) =>
    (await t.admin.post('/api/v1/departments', { name, parentId })).body.id as number;
  const root = (
    await t.db.kysely.selectFrom('departments').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
  const sales = await dept('Sales', root);
  const yer = await dept('Sales Yerevan', sales);
  const mos = await dept('Sales Moscow', sales);
  yerevan1 = await t.user({ departmentId: yer });
  yerevan2 = await t.user({ departmentId: yer });
  moscow = await t.user({ departmentId: mos });
  head = await t.user({ roleCode: 'sales_head', departmentId: root });
  const pipelines = await t.admin.get('/api/v1/pipelines');
  const main = pipelines.body.items.find((p: { isDefault: boolean }) => p.isDefault);
  stageIds = main.stages.map((s: { id: number }) => s.id);
});
afterAll(async () => t.close());

describe('notifications', () => {
  it('tell users a record was assigned to them, never the actor about their own action', async () => {
    const own = await newDeal(yerevan1, { title: 'My own deal' });
    expect(await about(yerevan1, own.id)).toEqual([]);
    const selfByAdmin = await newDeal(t.admin, { title: 'Admin keeps it' });
    expect(await about(t.admin, selfByAdmin.id)).toEqual([]);

    const given = await newDeal(head, { title: 'Laptops for Ararat', responsibleId: yerevan1.userId });
    const [assigned] = await about(yerevan1, given.id);
    expect(assigned).toMatchObject({
      kind: 'assigned',
      entity: 'deal',
      recordId: given.id,
      title: 'Laptops for Ararat',
      actor: { id: head.userId, name: expect.any(String) },
      readAt: null,
    });
    expect(await about(head, given.id)).toEqual([]);

    // Handing it on notifies the new responsible; the earlier one keeps what they had.
    const moved = await head.patch(`/api/v1/deals/${given.id}`, {
      responsibleId: yerevan2.userId,
      version: 1,
    });
    expect(moved.status).toBe(200);
    expect((await about(yerevan2, given.id)).map((n) => n.kind)).toEqual(['assigned']);
    expect((await about(yerevan2, given.id))[0]?.data).toEqual({ previousResponsibleId: yerevan1.userId });

    // A lead and a contact created for someone else notify them too; updates of other fields do not.
    const lead = await head.post('/api/v1/leads', {
      title: 'Website request',
      responsibleId: yerevan1.userId,
    });
    const contact = await head.post('/api/v1/contacts', {
      name: 'Ivan',
      lastName: 'Petrov',
      responsibleId: yerevan1.userId,
    });
    expect((await about(yerevan1, lead.body.id, 'lead')).map((n) => [n.kind, n.entity, n.title])).toEqual([
      ['assigned', 'lead', 'Website request'],
    ]);
    expect((await about(yerevan1, contact.body.id, 'contact')).map((n) => [n.kind, n.title])).toEqual([
      ['assigned', 'Ivan Petrov'],
    ]);
    await head.patch(`/api/v1/leads/${lead.body.id}`, { title: 'Website request (2)', version: 1 });
    expect(await about(yerevan1, lead.body.id, 'lead')).toHaveLength(1);
  });

  it('tell the responsible when someone else moves their deal to another stage', async () => {
    const deal = await newDeal(yerevan1, { title: 'Stage moves', stageId: stageIds[0] });
    const ownMove = await yerevan1.patch(`/api/v1/deals/${deal.id}`, { stageId: stageIds[1], version: 1 });
    expect(ownMove.status).toBe(200);
    expect(await about(yerevan1, deal.id)).toEqual([]);

    const byHead = await head.patch(`/api/v1/deals/${deal.id}`, { stageId: stageIds[2], version: 2 });
    expect(byHead.status).toBe(200);
    const stage = await t.db.kysely
      .selectFrom('stages')
      .select('name')
      .where('id', '=', stageIds[2] as number)
      .executeTakeFirstOrThrow();
    expect(await about(yerevan1, deal.id)).toEqual([
      expect.objectContaining({
        kind: 'stage_changed',
        actor: { id: head.userId, name: expect.any(String) },
        data: expect.objectContaining({
          fromStageId: stageIds[1],
          toStageId: stageIds[2],
          stageName: stage.name,
        }),
      }),
    ]);
    // The bulk stage move goes through the same write.
    const bulk = await head.post('/api/v1/deals/bulk', {
      ids: [deal.id],
      action: 'stage',
      value: stageIds[3],
    });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    expect((await about(yerevan1, deal.id)).map((n) => n.kind)).toEqual(['stage_changed', 'stage_changed']);
  });

  it('are read one by one or all at once, with the unread count, newest first in pages', async () => {
    const user = await t.user({});
    for (const n of [1, 2, 3, 4, 5])
      await newDeal(t.admin, { title: `Deal ${n}`, responsibleId: user.userId });
    const all = await bell(user);
    expect(all.unreadCount).toBe(5);
    expect(all.items.map((i) => i.title)).toEqual(['Deal 5', 'Deal 4', 'Deal 3', 'Deal 2', 'Deal 1']);

    const first = await bell(user, '?limit=2');
    expect(first.items.map((i) => i.title)).toEqual(['Deal 5', 'Deal 4']);
    const second = await bell(user, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.title)).toEqual(['Deal 3', 'Deal 2']);
    const third = await bell(user, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((i) => i.title)).toEqual(['Deal 1']);
    expect(third.nextCursor).toBeNull();

    const target = all.items[1] as Item;
    const read = await user.post(`/api/v1/notifications/${target.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ unreadCount: 4 });
    expect((await user.post(`/api/v1/notifications/${target.id}/read`)).body).toEqual({ unreadCount: 4 });
    expect((await user.get('/api/v1/notifications/unread-count')).body).toEqual({ unreadCount: 4 });
    const unread = await bell(user, '?unread=1');
    expect(unread.items.map((i) => i.id)).not.toContain(target.id);
    expect(unread.items).toHaveLength(4);
    expect((await bell(user)).items.find((i) => i.id === target.id)?.readAt).toEqual(expect.any(String));

    // Someone else's notification does not exist for this user.
    expect((await yerevan1.post(`/api/v1/notifications/${target.id}/read`)).status).toBe(404);

    const readAll = await user.post('/api/v1/notifications/read-all');
    expect(readAll.status).toBe(200);
    expect(readAll.body).toEqual({ unreadCount: 0 });
    expect((await bell(user, '?unread=1')).items).toEqual([]);
    expect((await bell(user)).items).toHaveLength(5);

    const bad = await user.get('/api/v1/notifications?cursor=xyz');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('cursor');
  });

  it('only show records the user may read now: reassigned out of reach, they disappear', async () => {
    const deal = await newDeal(head, { title: 'Travelling deal', responsibleId: yerevan1.userId });
    const contact = await head.post('/api/v1/contacts', { name: 'Mobile', responsibleId: yerevan1.userId });
    const dealKey = `deal:${deal.id}`;
    const contactKey = `contact:${contact.body.id}`;
    const keys = async (c: Client) =>
      (await bell(c, '?limit=200')).items.map((n) => `${n.entity}:${n.recordId}`);
    const before = await bell(yerevan1, '?limit=200');
    expect(await keys(yerevan1)).toEqual(expect.arrayContaining([dealKey, contactKey]));

    // Moscow takes it over: the Yerevan manager can no longer read it, so its notice leaves their bell.
    const moved = await head.patch(`/api/v1/deals/${deal.id}`, { responsibleId: moscow.userId, version: 1 });
    expect(moved.status).toBe(200);
    const after = await bell(yerevan1, '?limit=200');
    expect(await keys(yerevan1)).not.toContain(dealKey);
    expect(await keys(yerevan1)).toContain(contactKey);
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect((await yerevan1.get('/api/v1/notifications/unread-count')).body.unreadCount).toBe(
      after.unreadCount,
    );
    const hidden = before.items.find((n) => n.entity === 'deal' && n.recordId === deal.id) as Item;
    expect((await yerevan1.post(`/api/v1/notifications/${hidden.id}/read`)).status).toBe(404);
    expect((await about(moscow, deal.id)).map((n) => n.kind)).toEqual(['assigned']);

    // Moscow never hears of Yerevan's records: only the deal now theirs.
    expect(await keys(moscow)).toEqual([dealKey]);

    // Back in reach: visible again.
    await head.patch(`/api/v1/deals/${deal.id}`, { responsibleId: yerevan2.userId, version: 2 });
    expect((await bell(yerevan1, '?limit=200')).items.map((n) => n.id)).toContain(hidden.id);

    // A deleted record takes its notifications with it.
    expect((await head.delete(`/api/v1/contacts/${contact.body.id}`)).status).toBe(204);
    expect(await keys(yerevan1)).not.toContain(contactKey);
  });

  it('remind of planned activities and tell when they are overdue, once each, even with two scanners', async () => {
    const deal = await newDeal(yerevan1, { title: 'Activity deal' });
    const ctx = await t.ctx(yerevan1.userId);
    const due = '2031-03-02T10:00:00.000Z';
    const task = await createActivity(ctx, {
      type: 'task',
      subject: 'Send the quote',
      deadline: due,
      remindBeforeMinutes: 30,
      ownerEntity: 'deal',
      ownerId: deal.id,
    });
    const done = await createActivity(ctx, {
      type: 'task',
      subject: 'Done early',
      deadline: due,
      remindBeforeMinutes: 30,
      ownerEntity: 'deal',
      ownerId: deal.id,
    });
    await completeActivity(ctx, done.id, {});
    const at = (iso: string) => new Date(iso);
    const kinds = async () => (await about(yerevan1, deal.id)).map((n) => [n.kind, n.activityId]);

    expect(await scanDueActivities(t.db, at('2031-03-02T09:00:00.000Z'))).toEqual({
      reminded: 0,
      overdue: 0,
    });
    expect(await kinds()).toEqual([]);

    const race = await Promise.all([
      scanDueActivities(t.db, at('2031-03-02T09:31:00.000Z')),
      scanDueActivities(t.db, at('2031-03-02T09:31:00.000Z')),
    ]);
    expect(race.reduce((n, r) => n + r.reminded, 0)).toBe(1);
    expect(await scanDueActivities(t.db, at('2031-03-02T09:45:00.000Z'))).toEqual({
      reminded: 0,
      overdue: 0,
    });
    expect(await kinds()).toEqual([['activity_due', task.id]]);
    const [reminder] = await about(yerevan1, deal.id);
    expect(reminder).toMatchObject({
      title: 'Activity deal',
      actor: null,
      data: { subject: 'Send the quote', activityType: 'task', dueAt: due },
    });

    const late = await Promise.all([
      scanDueActivities(t.db, at('2031-03-02T10:01:00.000Z')),
      scanDueActivities(t.db, at('2031-03-02T10:01:00.000Z')),
    ]);
    expect(late.reduce((n, r) => n + r.overdue, 0)).toBe(1);
    expect(await scanDueActivities(t.db, at('2031-03-03T10:00:00.000Z'))).toEqual({
      reminded: 0,
      overdue: 0,
    });
    expect(await kinds()).toEqual([
      ['activity_overdue', task.id],
      ['activity_due', task.id],
    ]);
    // Nobody else heard of it.
    expect((await about(moscow, deal.id)).length).toBe(0);
  });

  it('do not remind of an activity that is already overdue, only tell it is late', async () => {
    const deal = await newDeal(yerevan2, { title: 'Late deal' });
    const ctx = await t.ctx(yerevan2.userId);
    const task = await createActivity(ctx, {
      type: 'call',
      subject: 'Call back',
      startAt: '2032-05-01T08:00:00.000Z',
      remindBeforeMinutes: 15,
      ownerEntity: 'deal',
      ownerId: deal.id,
    });
    const res = await scanDueActivities(t.db, new Date('2032-05-01T09:00:00.000Z'));
    expect(res).toEqual({ reminded: 0, overdue: 1 });
    expect((await about(yerevan2, deal.id)).map((n) => [n.kind, n.activityId])).toEqual([
      ['activity_overdue', task.id],
    ]);
    expect(await scanDueActivities(t.db, new Date('2032-05-01T09:30:00.000Z'))).toEqual({
      reminded: 0,
      overdue: 0,
    });
  });

  it('are sent by the scheduler the server runs, until it is stopped', async () => {
    const deal = await newDeal(yerevan1, { title: 'Scheduled deal' });
    const task = await createActivity(await t.ctx(yerevan1.userId), {
      type: 'task',
      subject: 'Already late',
      deadline: new Date(Date.now() - 60_000).toISOString(),
      ownerEntity: 'deal',
      ownerId: deal.id,
    });
    const errors: unknown[] = [];
    const scheduler = startActivityReminders(t.db, { intervalMs: 20, onError: (err) => errors.push(err) });
    let notices: Item[] = [];
    for (let i = 0; i < 100 && !notices.length; i++) {
      await new Promise((r) => setTimeout(r, 20));
      notices = await about(yerevan1, deal.id);
    }
    await scheduler.stop();
    expect(errors).toEqual([]);
    expect(notices.map((n) => [n.kind, n.activityId])).toEqual([['activity_overdue', task.id]]);
    await new Promise((r) => setTimeout(r, 60));
    expect(await about(yerevan1, deal.id)).toHaveLength(1);
  });
});
