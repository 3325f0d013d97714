import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

async function department(name: string): Promise<number> {
  const now = new Date().toISOString();
  const row = await t.db.kysely
    .insertInto('departments')
    .values({ name, parent_id: null, head_id: null, sort: 0, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function counts() {
  const n = async (table: 'contacts' | 'companies' | 'deals' | 'product_rows' | 'history' | 'search_docs') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    contacts: await n('contacts'),
    companies: await n('companies'),
    deals: await n('deals'),
    productRows: await n('product_rows'),
    history: await n('history'),
    search: await n('search_docs'),
    links: (await t.db.kysely.selectFrom('contact_companies').selectAll().execute()).length,
  };
}

const fullLead = {
  title: 'Website request: 20 laptops',
  honorific: 'Ms',
  name: 'Anna',
  secondName: 'Arami',
  lastName: 'Petrosyan',
  post: 'Buyer',
  address: 'Yerevan, Abovyan 1',
  birthdate: '1990-05-17',
  companyTitle: 'Ararat Trading',
  phones: [
    { value: '+7 916 123-45-67', type: 'mobile' },
    { value: '+7 495 000-00-01', type: 'work' },
  ],
  emails: [{ value: 'anna@ararat.example', type: 'work' }],
  websites: [{ value: 'ararat.example', type: 'work' }],
  messengers: [{ value: '@anna', type: 'telegram' }],
  sourceId: 1,
  sourceDescription: 'Spring campaign',
  comments: 'Wants delivery in May',
};

describe('lead conversion', () => {
  it('creates a contact, a company and a deal copying fields, communications and product rows', async () => {
    const lead = await t.admin.post('/api/v1/leads', fullLead);
    expect(lead.status).toBe(201);
    const rows = await t.admin.request('PUT', `/api/v1/leads/${lead.body.id}/product-rows`, {
      rows: [
        { name: 'Laptop', price: '999.99', quantity: '2', discountRate: '5', taxRate: '20' },
        { name: 'Setup', price: '50.00', quantity: '1.5' },
      ],
    });
    expect(rows.status).toBe(200);
    const res = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, {
      version: 2,
      contact: { create: true },
      company: { create: true },
      deal: { create: true },
    });
    expect(res.status).toBe(200);
    const { contact, company, deal } = res.body;
    expect(contact).toMatchObject({
      honorific: 'Ms',
      name: 'Anna',
      secondName: 'Arami',
      lastName: 'Petrosyan',
      post: 'Buyer',
      address: 'Yerevan, Abovyan 1',
      birthdate: '1990-05-17',
      sourceId: 1,
      responsibleId: t.admin.userId,
      leadId: lead.body.id,
      companyIds: [company.id],
    });
    expect(contact.phones.map((p: { value: string; type: string }) => [p.value, p.type])).toEqual([
      ['+7 916 123-45-67', 'mobile'],
      ['+7 495 000-00-01', 'work'],
    ]);
    expect(contact.emails[0].value).toBe('anna@ararat.example');
    expect(contact.messengers[0]).toMatchObject({ value: '@anna', type: 'telegram' });
    expect(company).toMatchObject({
      title: 'Ararat Trading',
      leadId: lead.body.id,
      contactIds: [contact.id],
    });
    expect(company.websites[0].value).toBe('ararat.example');
    expect(company.phones).toEqual([]);
    expect(deal).toMatchObject({
      title: fullLead.title,
      amount: rows.body.totals.total,
      currency: 'USD',
      sourceId: 1,
      comments: 'Wants delivery in May',
      leadId: lead.body.id,
      companyId: company.id,
      contactIds: [contact.id],
      hasProductRows: true,
      version: 1,
    });
    const dealRows = await t.admin.get(`/api/v1/deals/${deal.id}/product-rows`);
    expect(dealRows.body.totals).toEqual(rows.body.totals);
    const strip = (r: Record<string, unknown>[]) => r.map(({ id: _id, ...rest }) => rest);
    expect(strip(dealRows.body.rows)).toEqual(strip(rows.body.rows));

    expect(res.body.lead).toMatchObject({
      statusSemantics: 'converted',
      contactId: contact.id,
      companyId: company.id,
      version: 3,
    });
    expect(res.body.lead.convertedAt).toEqual(expect.any(String));
    const history = await t.admin.get(`/api/v1/leads/${lead.body.id}/history`);
    expect(history.body.items[0].action).toBe('convert');
    expect(history.body.items[0].changes).toContainEqual({ field: 'dealId', old: null, new: deal.id });

    const again = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, { deal: { create: true } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  it('links an existing contact and gives a new company the communications when no contact is made', async () => {
    const existing = await t.admin.post('/api/v1/contacts', { name: 'Ivan' });
    const lead = await t.admin.post('/api/v1/leads', { ...fullLead, title: 'Second' });
    const before = await counts();
    const res = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, {
      contact: { id: existing.body.id },
      company: { create: true, title: 'Override LLC' },
    });
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ id: existing.body.id, name: 'Ivan', leadId: null });
    expect(res.body.company).toMatchObject({ title: 'Override LLC', contactIds: [existing.body.id] });
    expect(res.body.company.phones).toHaveLength(2);
    expect(res.body.deal).toBeUndefined();
    expect(res.body.lead).toMatchObject({ contactId: existing.body.id, companyId: res.body.company.id });
    const after = await counts();
    expect(after.contacts).toBe(before.contacts);
    expect(after.companies).toBe(before.companies + 1);
    expect(after.deals).toBe(before.deals);
  });

  it('links an existing contact to an existing company', async () => {
    const company = await t.admin.post('/api/v1/companies', { title: 'Existing Co' });
    const contact = await t.admin.post('/api/v1/contacts', { name: 'Olga' });
    const lead = await t.admin.post('/api/v1/leads', { title: 'Third' });
    const res = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, {
      contact: { id: contact.body.id },
      company: { id: company.body.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.contact.companyIds).toEqual([company.body.id]);
    expect(res.body.company.contactIds).toEqual([contact.body.id]);
  });

  it('refuses an existing company the user cannot read, as if it did not exist', async () => {
    const depA = await department('Conv A');
    const depB = await department('Conv B');
    const other = await t.user({ departmentId: depA });
    const manager = await t.user({ departmentId: depB });
    const hidden = await other.post('/api/v1/companies', { title: 'Hidden Co' });
    const lead = await manager.post('/api/v1/leads', { title: 'Mine', name: 'Petr' });
    const res = await manager.post(`/api/v1/leads/${lead.body.id}/convert`, {
      contact: { create: true },
      company: { id: hidden.body.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'company.id', message: `no company with id ${hidden.body.id}` },
    ]);
    const missing = await manager.post(`/api/v1/leads/${lead.body.id}/convert`, { company: { id: 999_999 } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('company.id');

    const colleague = await t.user({ departmentId: depB });
    const readOnly = await colleague.post(`/api/v1/leads/${lead.body.id}/convert`, {
      contact: { create: true },
    });
    expect(readOnly.status).toBe(403);
    const stranger = await other.post(`/api/v1/leads/${lead.body.id}/convert`, { contact: { create: true } });
    expect(stranger.status).toBe(404);

    const ok = await manager.post(`/api/v1/leads/${lead.body.id}/convert`, { contact: { create: true } });
    expect(ok.status).toBe(200);
    expect(ok.body.contact).toMatchObject({ name: 'Petr', responsibleId: manager.userId });
  });

  it('validates the body and names the part', async () => {
    const lead = await t.admin.post('/api/v1/leads', { title: 'No company title' });
    expect((await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, {})).status).toBe(400);
    const noTitle = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, {
      company: { create: true },
    });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.details[0].field).toBe('company.title');
    const noName = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, { contact: { create: true } });
    expect(noName.body.error.details[0].field).toBe('contact.name');
    const stale = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, {
      version: 7,
      deal: { create: true },
    });
    expect(stale.status).toBe(409);
    expect((await t.admin.post('/api/v1/leads/999999/convert', { deal: { create: true } })).status).toBe(404);
  });

  it('is atomic: a failure after the contact and company are made leaves nothing behind', async () => {
    const lead = await t.admin.post('/api/v1/leads', fullLead);
    await t.admin.request('PUT', `/api/v1/leads/${lead.body.id}/product-rows`, {
      rows: [{ name: 'Laptop', price: '10.00' }],
    });
    const leadBefore = await t.admin.get(`/api/v1/leads/${lead.body.id}`);
    const before = await counts();

    const badStage = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, {
      contact: { create: true },
      company: { create: true },
      deal: { create: true, stageId: 999_999 },
    });
    expect(badStage.status).toBe(400);
    expect(badStage.body.error.details[0].field).toBe('deal.stageId');
    expect(await counts()).toEqual(before);

    // the company is created first, then the contact fails on an override
    const badContact = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, {
      company: { create: true },
      contact: { create: true, emails: [{ value: 'not-an-email', type: 'work' }] },
      deal: { create: true },
    });
    expect(badContact.status).toBe(400);
    expect(badContact.body.error.details[0].field).toBe('contact.emails.0.value');
    expect(await counts()).toEqual(before);
    expect((await t.admin.get(`/api/v1/leads/${lead.body.id}`)).body).toEqual(leadBefore.body);

    const ok = await t.admin.post(`/api/v1/leads/${lead.body.id}/convert`, { deal: { create: true } });
    expect(ok.status).toBe(200);
    expect(ok.body.deal).toMatchObject({ amount: '10.00', hasProductRows: true, companyId: null });
  });

  it('needs the create right for every record it makes, and rolls back when one is missing', async () => {
    const now = new Date().toISOString();
    const all = { read: 'all', create: 'all', update: 'all', delete: 'all', export: 'all' };
    await t.db.kysely
      .insertInto('roles')
      .values({
        code: 'no_contacts',
        name: 'Cannot create contacts',
        permissions: JSON.stringify({
          lead: all,
          company: all,
          deal: all,
          contact: { ...all, create: 'none' },
        }),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const user = await t.user({ roleCode: 'no_contacts' });
    const lead = await user.post('/api/v1/leads', fullLead);
    const before = await counts();
    const res = await user.post(`/api/v1/leads/${lead.body.id}/convert`, {
      company: { create: true },
      contact: { create: true },
    });
    expect(res.status).toBe(403);
    expect(await counts()).toEqual(before);
    const companyOnly = await user.post(`/api/v1/leads/${lead.body.id}/convert`, {
      company: { create: true },
    });
    expect(companyOnly.status).toBe(200);
  });
});
