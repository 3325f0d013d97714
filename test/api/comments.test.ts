import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

/**
 * Company: Sales → Yerevan (two managers), Moscow (one manager). Sales managers read their department's
 * records and write their own. Comments need read access; mentions notify only those who can read.
 */
let t: TestApp;
let yerevan1: Client;
let yerevan2: Client;
let moscow: Client;
let inactive: Client;

const mention = (c: Client, name = 'Someone') => `@[${name}](user:${c.userId})`;

const notificationsOf = async (c: Client) => {
  const res = await c.get('/api/v1/notifications');
  expect(res.status).toBe(200);
  return res.body as {
    items: { kind: string; entity: string; recordId: number; commentId: number | null; actor: unknown }[];
    unreadCount: number;
  };
};

const newDeal = async (c: Client, title: string) => {
  const res = await c.post('/api/v1/deals', { title });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
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
  inactive = await t.user({ departmentId: yer });
  const off = await t.admin.patch(`/api/v1/users/${inactive.userId}`, { active: false, version: 1 });
  expect(off.status, JSON.stringify(off.body)).toBe(200);
});
afterAll(async () => t.close());

describe('comments', () => {
  it('are written by readers of the record; mentioned readers are notified, others are not', async () => {
    const dealId = await newDeal(yerevan1, 'Laptops for Ararat');
    const body = `${mention(yerevan2, 'Colleague')} and ${mention(moscow, 'Moscow')}, ${mention(yerevan1)}: quote sent`;
    const res = await yerevan2.post(`/api/v1/deals/${dealId}/comments`, { body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      entity: 'deal',
      recordId: dealId,
      body,
      author: { id: yerevan2.userId, name: expect.any(String) },
      edited: false,
    });
    expect(res.body.mentions.map((m: { id: number }) => m.id)).toEqual(
      [yerevan1.userId, yerevan2.userId, moscow.userId].sort((a, b) => a - b),
    );

    // yerevan1 reads the deal: notified. yerevan2 wrote it: not notified of their own mention.
    // moscow cannot read a Yerevan deal: not notified, and nothing about the deal reaches them.
    const y1 = await notificationsOf(yerevan1);
    expect(y1.items).toEqual([
      expect.objectContaining({
        kind: 'mention',
        entity: 'deal',
        recordId: dealId,
        title: 'Laptops for Ararat',
        commentId: res.body.id,
        actor: { id: yerevan2.userId, name: expect.any(String) },
      }),
    ]);
    expect((await notificationsOf(yerevan2)).items).toEqual([]);
    expect((await notificationsOf(moscow)).items).toEqual([]);
    expect((await notificationsOf(moscow)).unreadCount).toBe(0);

    const list = await yerevan1.get(`/api/v1/deals/${dealId}/comments`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: number }) => c.id)).toEqual([res.body.id]);
  });

  it('refuse mentions of unknown or inactive users and empty bodies, naming the field', async () => {
    const dealId = await newDeal(yerevan1, 'Validation');
    const unknown = await yerevan1.post(`/api/v1/deals/${dealId}/comments`, {
      body: '@[Ghost](user:999999) hi',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([
      { field: 'body', message: expect.stringContaining('999999') },
    ]);
    const off = await yerevan1.post(`/api/v1/deals/${dealId}/comments`, { body: `${mention(inactive)} hi` });
    expect(off.status).toBe(400);
    const empty = await yerevan1.post(`/api/v1/deals/${dealId}/comments`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].field).toBe('body');
    const extra = await yerevan1.post(`/api/v1/deals/${dealId}/comments`, { body: 'x', pinned: true });
    expect(extra.status).toBe(400);
    // Text that only looks like a mention is plain text.
    const plain = await yerevan1.post(`/api/v1/deals/${dealId}/comments`, {
      body: 'mail @anna or [x](user:1',
    });
    expect(plain.status).toBe(201);
    expect(plain.body.mentions).toEqual([]);
  });

  it('list newest first with a keyset cursor, on every record type', async () => {
    const lead = await yerevan1.post('/api/v1/leads', { title: 'Website request' });
    const contact = await yerevan1.post('/api/v1/contacts', { name: 'Ivan' });
    const company = await yerevan1.post('/api/v1/companies', { title: 'Ararat' });
    for (const [path, id] of [
      ['leads', lead.body.id],
      ['contacts', contact.body.id],
      ['companies', company.body.id],
    ] as const) {
      for (const n of [1, 2, 3]) {
        const res = await yerevan1.post(`/api/v1/${path}/${id}/comments`, { body: `note ${n}` });
        expect(res.status).toBe(201);
      }
      const first = await yerevan2.get(`/api/v1/${path}/${id}/comments?limit=2`);
      expect(first.body.items.map((c: { body: string }) => c.body)).toEqual(['note 3', 'note 2']);
      const second = await yerevan2.get(
        `/api/v1/${path}/${id}/comments?limit=2&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.items.map((c: { body: string }) => c.body)).toEqual(['note 1']);
      expect(second.body.nextCursor).toBeNull();
    }
    const bad = await yerevan1.get(`/api/v1/leads/${lead.body.id}/comments?cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('cursor');
  });

  it('are edited and deleted by their author or an administrator; newly mentioned users are notified once', async () => {
    const dealId = await newDeal(yerevan1, 'Edits');
    const c = await yerevan1.post(`/api/v1/deals/${dealId}/comments`, { body: `${mention(yerevan2)} first` });
    const before = (await notificationsOf(yerevan2)).items.filter((n) => n.commentId === c.body.id);
    expect(before).toHaveLength(1);

    expect((await yerevan2.patch(`/api/v1/comments/${c.body.id}`, { body: 'hijack' })).status).toBe(403);
    expect((await yerevan2.delete(`/api/v1/comments/${c.body.id}`)).status).toBe(403);

    // Same mention again plus a new one: only the new one is notified.
    const edited = await yerevan1.patch(`/api/v1/comments/${c.body.id}`, {
      body: `${mention(yerevan2)} and ${mention(t.admin, 'Admin')} second`,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ edited: true, body: expect.stringContaining('second') });
    expect((await notificationsOf(yerevan2)).items.filter((n) => n.commentId === c.body.id)).toHaveLength(1);
    expect((await notificationsOf(t.admin)).items.filter((n) => n.commentId === c.body.id)).toHaveLength(1);

    const byAdmin = await t.admin.patch(`/api/v1/comments/${c.body.id}`, { body: 'moderated' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.author.id).toBe(yerevan1.userId);

    expect((await yerevan1.delete(`/api/v1/comments/${c.body.id}`)).status).toBe(204);
    expect((await yerevan1.get(`/api/v1/deals/${dealId}/comments`)).body.items).toEqual([]);
    // The mention notifications went with the comment.
    expect((await notificationsOf(yerevan2)).items.filter((n) => n.commentId === c.body.id)).toEqual([]);
    expect((await yerevan1.delete(`/api/v1/comments/${c.body.id}`)).status).toBe(404);
  });

  it('of a record out of reach do not exist for a manager of another department', async () => {
    const dealId = await newDeal(yerevan1, 'Yerevan only');
    const c = await yerevan1.post(`/api/v1/deals/${dealId}/comments`, { body: 'internal note' });
    expect(c.status).toBe(201);
    expect((await moscow.get(`/api/v1/deals/${dealId}/comments`)).status).toBe(404);
    expect((await moscow.post(`/api/v1/deals/${dealId}/comments`, { body: 'peek' })).status).toBe(404);
    const patch = await moscow.patch(`/api/v1/comments/${c.body.id}`, { body: 'peek' });
    expect(patch.status).toBe(404);
    expect(patch.body.error.message).not.toContain('Yerevan');
    expect((await moscow.delete(`/api/v1/comments/${c.body.id}`)).status).toBe(404);
    expect((await yerevan1.get(`/api/v1/deals/${dealId}/comments`)).body.items).toHaveLength(1);
  });

  it('go away with their record', async () => {
    const dealId = await newDeal(yerevan1, 'To delete');
    const c = await yerevan1.post(`/api/v1/deals/${dealId}/comments`, { body: `${mention(yerevan2)} look` });
    expect(c.status).toBe(201);
    expect((await yerevan1.delete(`/api/v1/deals/${dealId}`)).status).toBe(204);
    const left = await t.db.kysely
      .selectFrom('comments')
      .select('id')
      .where('owner_entity', '=', 'deal')
      .where('owner_id', '=', dealId)
      .execute();
    expect(left).toEqual([]);
    const mentions = await t.db.kysely
      .selectFrom('comment_mentions')
      .select('user_id')
      .where('comment_id', '=', c.body.id)
      .execute();
    expect(mentions).toEqual([]);
    const notes = await t.db.kysely
      .selectFrom('notifications')
      .select('id')
      .where('record_entity', '=', 'deal')
      .where('record_id', '=', dealId)
      .execute();
    expect(notes).toEqual([]);
    expect((await t.admin.get(`/api/v1/deals/${dealId}/comments`)).status).toBe(404);
  });
});
