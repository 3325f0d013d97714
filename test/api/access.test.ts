import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

/**
 * Company: Sales (regional head, sub-departments scope) → Yerevan (two managers), Moscow (one manager).
 * Sales managers read their department and write their own records; nothing of another department leaks.
 */
let t: TestApp;
let yerevan1: Client;
let yerevan2: Client;
let moscow: Client;
let regionalHead: Client;
let salesHead: Client;
const ids: Record<string, number> = {};

const f = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));
const listIds = async (c: Client, path: string, filter?: unknown) => {
  const res = await c.get(`/api/v1/${path}${filter ? `?filter=${f(filter)}` : ''}`);
  expect(res.status).toBe(200);
  return {
    ids: res.body.items.map((i: { id: number }) => i.id) as number[],
    total: res.body.total as number,
  };
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
  const sales = await dept('Sales', root);
  const yer = await dept('Sales Yerevan', sales);
  const mos = await dept('Sales Moscow', sales);
  const role = await t.admin.post('/api/v1/roles', {
    name: 'Regional head',
    permissions: Object.fromEntries(
      ['lead', 'contact', 'company', 'deal'].map((e) => [
        e,
        {
          read: 'subdepartments',
          create: 'subdepartments',
          update: 'subdepartments',
          delete: 'subdepartments',
          export: 'subdepartments',
        },
      ]),
    ),
  });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  await t.db.kysely
    .updateTable('roles')
    .set({ code: 'regional_head' })
    .where('id', '=', role.body.id)
    .execute();
  yerevan1 = await t.user({ departmentId: yer });
  yerevan2 = await t.user({ departmentId: yer });
  moscow = await t.user({ departmentId: mos });
  regionalHead = await t.user({ roleCode: 'regional_head', departmentId: sales });
  salesHead = await t.user({ roleCode: 'sales_head', departmentId: root });

  ids.moscowContact = (
    await moscow.post('/api/v1/contacts', {
      name: 'Oleg',
      phones: [{ value: '+7 495 111-22-33', type: 'work' }],
    })
  ).body.id;
  ids.moscowDeal = (
    await moscow.post('/api/v1/deals', { title: 'Moscow secret deal', amount: '900' })
  ).body.id;
  ids.moscowLead = (await moscow.post('/api/v1/leads', { title: 'Moscow lead', name: 'Olga' })).body.id;
  ids.yerevanDeal = (await yerevan1.post('/api/v1/deals', { title: 'Yerevan deal', amount: '100' })).body.id;
  ids.yerevan2Deal = (
    await yerevan2.post('/api/v1/deals', { title: 'Colleague deal', amount: '200' })
  ).body.id;
  ids.mixedDeal = (
    await t.admin.post('/api/v1/deals', {
      title: 'Mixed deal',
      responsibleId: yerevan1.userId,
      contactIds: [ids.moscowContact],
    })
  ).body.id;
});
afterAll(async () => t.close());

describe('access rights', () => {
  it('hide another department’s records by id, in lists, filters, counts and search', async () => {
    expect((await yerevan1.get(`/api/v1/deals/${ids.moscowDeal}`)).status).toBe(404);
    expect((await yerevan1.get(`/api/v1/contacts/${ids.moscowContact}`)).status).toBe(404);
    expect((await yerevan1.get(`/api/v1/deals/${ids.moscowDeal}/history`)).status).toBe(404);
    const all = await listIds(yerevan1, 'deals');
    expect(all.ids.sort()).toEqual([ids.yerevanDeal, ids.yerevan2Deal, ids.mixedDeal].sort());
    expect(all.total).toBe(3);
    for (const crafted of [
      { id: ids.moscowDeal },
      { responsibleId: moscow.userId },
      { or: [{ id: ids.moscowDeal }, { title: { contains: 'secret' } }] },
      { not: { id: ids.yerevanDeal }, amount: { gte: '500' } },
    ]) {
      const res = await listIds(yerevan1, 'deals', crafted);
      expect(res.ids).not.toContain(ids.moscowDeal);
      expect(res.total).toBe(res.ids.length);
    }
    const viaSearchBody = await yerevan1.post('/api/v1/deals/search', {
      filter: { id: { in: [ids.moscowDeal] } },
    });
    expect(viaSearchBody.body).toMatchObject({ items: [], total: 0 });
    const search = await yerevan1.get('/api/v1/search?q=secret');
    expect(search.body.items).toEqual([]);
    const phone = await yerevan1.get(`/api/v1/search?q=${encodeURIComponent('8 495 1112233')}`);
    expect(phone.body.items).toEqual([]);
    const headSearch = await salesHead.get(`/api/v1/search?q=${encodeURIComponent('8 495 1112233')}`);
    expect(headSearch.body.items).toMatchObject([{ entityType: 'contact', id: ids.moscowContact }]);
  });

  it('refuse to update, delete or link another department’s records', async () => {
    expect((await yerevan1.patch(`/api/v1/deals/${ids.moscowDeal}`, { title: 'mine now' })).status).toBe(404);
    expect((await yerevan1.delete(`/api/v1/deals/${ids.moscowDeal}`)).status).toBe(404);
    const link = await yerevan1.post('/api/v1/deals', {
      title: 'Steal contact',
      contactIds: [ids.moscowContact],
    });
    expect(link.status).toBe(400);
    expect(link.body.error.details[0]).toEqual({
      field: 'contactIds',
      message: `no contact with id ${ids.moscowContact}`,
    });
    const assign = await yerevan1.post('/api/v1/deals', {
      title: 'For Moscow',
      responsibleId: moscow.userId,
    });
    expect(assign.status).toBe(403);
    const unchanged = await moscow.get(`/api/v1/deals/${ids.moscowDeal}`);
    expect(unchanged.body).toMatchObject({ title: 'Moscow secret deal', version: 1 });
  });

  it('do not leak linked records through expansions', async () => {
    const mixed = await yerevan1.get(`/api/v1/deals/${ids.mixedDeal}`);
    expect(mixed.status).toBe(200);
    expect(mixed.body.contactIds).toEqual([]);
    const asAdmin = await t.admin.get(`/api/v1/deals/${ids.mixedDeal}`);
    expect(asAdmin.body.contactIds).toEqual([ids.moscowContact]);
    const moscowCompany = (await moscow.post('/api/v1/companies', { title: 'Moscow Hidden LLC' })).body.id;
    const linked = await t.admin.post('/api/v1/deals', {
      title: 'Linked to Moscow company',
      responsibleId: yerevan1.userId,
      companyId: moscowCompany,
    });
    expect(linked.body.companyTitle).toBe('Moscow Hidden LLC');
    const seenByYerevan = await yerevan1.get(`/api/v1/deals/${linked.body.id}`);
    expect(seenByYerevan.body.companyTitle).toBeNull();
    await t.admin.delete(`/api/v1/deals/${linked.body.id}`);
  });

  it('refuse converting another department’s lead', async () => {
    const res = await yerevan1.post(`/api/v1/leads/${ids.moscowLead}/convert`, { contact: { create: true } });
    expect(res.status).toBe(404);
    const lead = await moscow.get(`/api/v1/leads/${ids.moscowLead}`);
    expect(lead.body.statusSemantics).toBe('process');
  });

  it('let a manager read a colleague’s record in the department but change only their own', async () => {
    expect((await yerevan1.get(`/api/v1/deals/${ids.yerevan2Deal}`)).status).toBe(200);
    const edit = await yerevan1.patch(`/api/v1/deals/${ids.yerevan2Deal}`, { title: 'hijack' });
    expect(edit.status).toBe(403);
    expect((await yerevan1.delete(`/api/v1/deals/${ids.yerevan2Deal}`)).status).toBe(403);
    const own = await yerevan1.patch(`/api/v1/deals/${ids.yerevanDeal}`, { title: 'Yerevan deal, renamed' });
    expect(own.status).toBe(200);
  });

  it('let the head of the parent department see and change sub-department records', async () => {
    const seen = await listIds(regionalHead, 'deals');
    expect(seen.ids).toEqual(expect.arrayContaining([ids.moscowDeal, ids.yerevanDeal, ids.yerevan2Deal]));
    const edit = await regionalHead.patch(`/api/v1/deals/${ids.moscowDeal}`, { probability: 55 });
    expect(edit.status).toBe(200);
    const search = await regionalHead.get('/api/v1/search?q=secret');
    expect(search.body.items.map((i: { id: number }) => i.id)).toEqual([ids.moscowDeal]);
  });

  it('let the sales head see everything', async () => {
    const seen = await listIds(salesHead, 'deals');
    expect(seen.ids.sort()).toEqual(
      [ids.moscowDeal, ids.yerevanDeal, ids.yerevan2Deal, ids.mixedDeal].sort(),
    );
    expect(seen.total).toBe(4);
    expect((await salesHead.get(`/api/v1/contacts/${ids.moscowContact}`)).status).toBe(200);
  });
});
