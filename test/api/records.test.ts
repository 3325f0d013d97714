import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('CRM records over the native API', () => {
  it('creates, reads, updates and deletes a company, a contact and a deal', async () => {
    const company = await t.admin.post('/api/v1/companies', {
      title: 'Ararat Trading',
      emails: [{ value: 'Info@Ararat.example', type: 'work' }],
      phones: [{ value: '+7 (916) 123-45-67', type: 'work' }],
    });
    expect(company.status).toBe(201);
    expect(company.body).toMatchObject({
      title: 'Ararat Trading',
      version: 1,
      currency: 'USD',
      responsibleId: t.admin.userId,
    });
    expect(company.body.emails[0]).toMatchObject({ value: 'Info@Ararat.example', type: 'work' });

    const contact = await t.admin.post('/api/v1/contacts', {
      name: 'Ivan',
      lastName: 'Petrov',
      companyIds: [company.body.id],
    });
    expect(contact.status).toBe(201);
    expect(contact.body.companyIds).toEqual([company.body.id]);

    const deal = await t.admin.post('/api/v1/deals', {
      title: 'Laptops',
      amount: '24000.50',
      companyId: company.body.id,
      contactIds: [contact.body.id],
    });
    expect(deal.status).toBe(201);
    expect(deal.body).toMatchObject({
      amount: '24000.50',
      stageSemantics: 'process',
      closed: false,
      probability: 10,
    });
    expect(deal.body.contactIds).toEqual([contact.body.id]);

    const byContact = await t.admin.get(
      `/api/v1/deals?filter=${encodeURIComponent(JSON.stringify({ contactIds: contact.body.id }))}`,
    );
    expect(byContact.body.items.map((d: { id: number }) => d.id)).toEqual([deal.body.id]);
    const byCompany = await t.admin.get(
      `/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ companyIds: { in: [company.body.id] } }))}`,
    );
    expect(byCompany.body.items.map((c: { id: number }) => c.id)).toEqual([contact.body.id]);
    const companyContacts = await t.admin.get(
      `/api/v1/companies?filter=${encodeURIComponent(JSON.stringify({ contactIds: contact.body.id }))}`,
    );
    expect(companyContacts.body.total).toBe(1);

    const got = await t.admin.get(`/api/v1/deals/${deal.body.id}`);
    expect(got.body).toEqual(deal.body);

    const stages = await t.db.kysely
      .selectFrom('stages')
      .selectAll()
      .where('code', '=', 'WON')
      .executeTakeFirstOrThrow();
    const won = await t.admin.patch(`/api/v1/deals/${deal.body.id}`, { stageId: stages.id, version: 1 });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({
      stageId: stages.id,
      stageSemantics: 'won',
      closed: true,
      version: 2,
      probability: 100,
    });

    const stale = await t.admin.patch(`/api/v1/deals/${deal.body.id}`, { title: 'Other', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({
      id: deal.body.id,
      version: 2,
      title: 'Laptops',
    });

    const history = await t.admin.get(`/api/v1/deals/${deal.body.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items[0].action).toBe('update');
    expect(history.body.items[0].changes).toContainEqual({
      field: 'stageId',
      old: deal.body.stageId,
      new: stages.id,
    });
    expect(history.body.items[1].action).toBe('create');

    const del = await t.admin.delete(`/api/v1/deals/${deal.body.id}`);
    expect(del.status).toBe(204);
    expect((await t.admin.get(`/api/v1/deals/${deal.body.id}`)).status).toBe(404);
  });

  it('lists with filters, sorting and a keyset cursor that visits every row once', async () => {
    for (let i = 1; i <= 23; i++) {
      const res = await t.admin.post('/api/v1/deals', { title: `Paged ${i}`, amount: String((i % 5) * 100) });
      expect(res.status).toBe(201);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const filter = encodeURIComponent(JSON.stringify({ title: { startsWith: 'Paged' } }));
      const page: {
        body: { items: { id: number; amount: string }[]; nextCursor: string | null; total: number };
      } = await t.admin.get(
        `/api/v1/deals?filter=${filter}&sort=-amount&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((d) => d.id));
      const amounts = page.body.items.map((d) => Number(d.amount));
      expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
      cursor = page.body.nextCursor;
      total = page.body.total;
    } while (cursor);
    expect(total).toBe(23);
    expect(new Set(seen).size).toBe(23);

    const big = await t.admin.get(
      `/api/v1/deals?filter=${encodeURIComponent(JSON.stringify({ amount: { gte: '400' } }))}`,
    );
    expect(big.body.items.every((d: { amount: string }) => Number(d.amount) >= 400)).toBe(true);
    expect(big.body.total).toBe(4);
  });
});
