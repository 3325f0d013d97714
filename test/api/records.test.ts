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

// last: the records it makes would shift the counts and ids the tests above expect
describe('the answer to a write', () => {
  it("is what a later read shows, for a department manager's deal with a company and contacts", async () => {
    const dept = await t.admin.post('/api/v1/departments', { name: 'Answer check' });
    const me = await t.user({ departmentId: dept.body.id });
    const colleague = await t.user({ departmentId: dept.body.id });
    const company = await colleague.post('/api/v1/companies', { title: 'Colleague & Co' });
    const [a, b, c] = await Promise.all(
      ['Anna', 'Boris', 'Clara'].map((name) => colleague.post('/api/v1/contacts', { name })),
    );
    const created = await me.post('/api/v1/deals', {
      title: 'Read-back check',
      companyId: company.body.id,
      contactIds: [c?.body.id, a?.body.id, c?.body.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      companyId: company.body.id,
      companyTitle: 'Colleague & Co',
      contactIds: [c?.body.id, a?.body.id],
    });
    expect((await me.get(`/api/v1/deals/${created.body.id}`)).body).toEqual(created.body);

    const updated = await me.patch(`/api/v1/deals/${created.body.id}`, {
      contactIds: [b?.body.id, a?.body.id],
      companyId: null,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      companyId: null,
      companyTitle: null,
      contactIds: [b?.body.id, a?.body.id],
    });
    expect((await me.get(`/api/v1/deals/${created.body.id}`)).body).toEqual(updated.body);

    // a change that leaves the links alone answers them as they are
    const renamed = await me.patch(`/api/v1/deals/${created.body.id}`, {
      title: 'Read-back check, renamed',
      companyId: company.body.id,
    });
    expect(renamed.body).toMatchObject({
      companyTitle: 'Colleague & Co',
      contactIds: [b?.body.id, a?.body.id],
    });
    expect((await me.get(`/api/v1/deals/${created.body.id}`)).body).toEqual(renamed.body);
    const titled = await me.patch(`/api/v1/deals/${created.body.id}`, { title: 'Read-back check, again' });
    expect((await me.get(`/api/v1/deals/${created.body.id}`)).body).toEqual(titled.body);
  });
});

describe('phones, emails, websites and messengers', () => {
  it("keeps a phone's id when the phone is sent back with it, and drops the ones left out", async () => {
    const made = await t.admin.post('/api/v1/contacts', {
      name: 'Anna',
      phones: [
        { value: '+7 900 100-00-01', type: 'work' },
        { value: '+7 900 100-00-02', type: 'mobile' },
      ],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const [first, second] = made.body.phones as { id: number }[];
    const other = await t.admin.post('/api/v1/contacts', {
      name: 'Other',
      phones: [{ value: '+7 900 100-00-09', type: 'work' }],
    });
    const foreign = other.body.phones[0].id as number;
    const changed = await t.admin.patch(`/api/v1/contacts/${made.body.id}`, {
      phones: [
        { id: second?.id, value: '+7 900 100-00-22', type: 'home' },
        { value: '+7 900 100-00-03', type: 'work' },
        // an entry of another record is not touched: the item is added as a new entry
        { id: foreign, value: '+7 900 100-00-04', type: 'work' },
      ],
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const phones = changed.body.phones as { id: number; value: string; type: string }[];
    expect(phones.map((p) => [p.value, p.type])).toEqual([
      ['+7 900 100-00-22', 'home'],
      ['+7 900 100-00-03', 'work'],
      ['+7 900 100-00-04', 'work'],
    ]);
    expect(phones[0]?.id).toBe(second?.id);
    expect(phones.map((p) => p.id)).not.toContain(first?.id);
    expect(phones.map((p) => p.id)).not.toContain(foreign);
    expect((await t.admin.get(`/api/v1/contacts/${other.body.id}`)).body.phones).toEqual(other.body.phones);
    // the search finds the changed number
    const found = await t.admin.get(`/api/v1/search?q=${encodeURIComponent('+79001000022')}`);
    expect(found.body.items.map((i: { id: number }) => i.id)).toContain(made.body.id);
  });
});
