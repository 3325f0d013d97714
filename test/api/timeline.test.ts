import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeActivity, createActivity } from '../../src/server/modules/activities/activity.service.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

/** A record's timeline: activities, comments and field changes together, newest first, with filters. */
let t: TestApp;
let yerevan1: Client;
let yerevan2: Client;
let moscow: Client;
let dealId: number;
let taskId: number;

interface Item {
  type: 'activity' | 'comment' | 'change';
  id: number;
  at: string;
  actor: { id: number; name: string } | null;
  event?: string;
  action?: string;
  changes?: { field: string; old: unknown; new: unknown }[];
  comment?: { body: string };
  activity?: { subject: string; status: string; responsible: { id: number } };
}

const timeline = async (c: Client, query = '') => {
  const res = await c.get(`/api/v1/deals/${dealId}/timeline${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Item[]; nextCursor: string | null };
};
const label = (i: Item) =>
  i.type === 'comment'
    ? `comment:${i.comment?.body}`
    : i.type === 'change'
      ? `change:${i.action}:${(i.changes ?? []).map((c) => c.field).join('+')}`
      : `activity:${i.event}:${i.activity?.subject}`;

beforeAll(async () => {
  t = await startTestApp();
  const dept = async (name: string, parentId: number) =>
    (await t.admin.post('/api/v1/departments', { name, parentId })).body.id as number;
  const root = (
    await t.db.kysely.selectFrom('departments').select('id').orderBy('id').executeTakeFirstOrThrow()
  ).id;
  const yer = await dept('Sales Yerevan', root);
  const mos = await dept('Sales Moscow', root);
  yerevan1 = await t.user({ departmentId: yer });
  yerevan2 = await t.user({ departmentId: yer });
  moscow = await t.user({ departmentId: mos });

  // Each step a few milliseconds apart so the expected order is the order of the steps.
  const pause = () => new Promise((r) => setTimeout(r, 5));
  const deal = await yerevan1.post('/api/v1/deals', { title: 'Laptops', amount: '1000' });
  dealId = deal.body.id;
  await pause();
  const ctx = await t.ctx(yerevan1.userId);
  const task = await createActivity(ctx, {
    type: 'task',
    subject: 'Send the quote',
    deadline: '2031-01-10T10:00:00.000Z',
    ownerEntity: 'deal',
    ownerId: dealId,
  });
  taskId = task.id;
  await pause();
  await yerevan2.post(`/api/v1/deals/${dealId}/comments`, { body: 'Client asked for a discount' });
  await pause();
  await yerevan1.patch(`/api/v1/deals/${dealId}`, { amount: '900', version: 1 });
  await pause();
  await completeActivity(ctx, taskId, { result: 'Quote sent' });
  await pause();
  await yerevan1.post(`/api/v1/deals/${dealId}/comments`, { body: 'Waiting for the answer' });
});
afterAll(async () => t.close());

describe('record timeline', () => {
  it('merges activities, comments and field changes, newest first, with their actors', async () => {
    const { items, nextCursor } = await timeline(yerevan2);
    expect(nextCursor).toBeNull();
    expect(items.map(label)).toEqual([
      'comment:Waiting for the answer',
      'activity:completed:Send the quote',
      'change:update:amount',
      'comment:Client asked for a discount',
      'activity:created:Send the quote',
      expect.stringMatching(/^change:create:/),
    ]);
    const ats = items.map((i) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(items[0]?.actor).toEqual({ id: yerevan1.userId, name: expect.any(String) });
    expect(items[3]?.actor?.id).toBe(yerevan2.userId);
    expect(items[1]).toMatchObject({
      id: taskId,
      event: 'completed',
      activity: { status: 'done', responsible: { id: yerevan1.userId } },
    });
    expect(items[2]?.changes).toEqual([{ field: 'amount', old: '1000.00', new: '900.00' }]);
  });

  it('filters by type', async () => {
    expect((await timeline(yerevan1, '?types=comment')).items.map(label)).toEqual([
      'comment:Waiting for the answer',
      'comment:Client asked for a discount',
    ]);
    expect((await timeline(yerevan1, '?types=activity,comment')).items.map((i) => i.type)).toEqual([
      'comment',
      'activity',
      'comment',
      'activity',
    ]);
    expect((await timeline(yerevan1, '?types=change')).items.every((i) => i.type === 'change')).toBe(true);
    const bad = await yerevan1.get(`/api/v1/deals/${dealId}/timeline?types=comment,email`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'types', message: expect.stringContaining('email') }]);
  });

  it('pages with a keyset cursor without losing or repeating an item', async () => {
    const whole = (await timeline(yerevan1)).items.map(label);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await timeline(
        yerevan1,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map(label));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    expect((await yerevan1.get(`/api/v1/deals/${dealId}/timeline?cursor=abc`)).status).toBe(400);
  });

  it('is not there for a manager who cannot read the record', async () => {
    const res = await moscow.get(`/api/v1/deals/${dealId}/timeline`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('Laptops');
    expect((await moscow.get(`/api/v1/deals/${dealId}/timeline?types=comment`)).status).toBe(404);
    expect((await moscow.get('/api/v1/deals/999999/timeline')).status).toBe(404);
  });

  it('works for leads, contacts and companies too', async () => {
    for (const [path, body] of [
      ['leads', { title: 'Website request' }],
      ['contacts', { name: 'Ivan' }],
      ['companies', { title: 'Ararat' }],
    ] as const) {
      const rec = await yerevan1.post(`/api/v1/${path}`, body);
      await yerevan1.post(`/api/v1/${path}/${rec.body.id}/comments`, { body: `on ${path}` });
      const res = await yerevan2.get(`/api/v1/${path}/${rec.body.id}/timeline`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: Item) => i.type)).toEqual(['comment', 'change']);
      expect((await moscow.get(`/api/v1/${path}/${rec.body.id}/timeline`)).status).toBe(404);
    }
  });
});
