import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { call, createHook, type Hook } from '../support/bitrix24.js';

let t: TestApp;
let hook: Hook;
beforeAll(async () => {
  t = await startTestApp();
  hook = await createHook(t);
});
afterAll(async () => t.close());

const ok = async (method: string, params: Record<string, unknown> = {}) => {
  const res = await call(t, hook, method, params);
  if (res.status !== 200) throw new Error(`${method}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

describe('crm.lead.* / crm.contact.* / crm.company.*', () => {
  it('adds and reads a lead with values typed as Bitrix24 writes them', async () => {
    const id = (
      await ok('crm.lead.add', {
        fields: {
          TITLE: 'Website request',
          NAME: 'Anna',
          LAST_NAME: 'Petrosyan',
          STATUS_ID: 'IN_PROCESS',
          SOURCE_ID: 'WEB',
          OPPORTUNITY: 1500.5,
          CURRENCY_ID: 'EUR',
          BIRTHDATE: '01.05.1990',
          PHONE: [{ VALUE: '+7 916 123-45-67', VALUE_TYPE: 'WORK' }],
          EMAIL: [{ VALUE: 'anna@example.com' }],
          UNKNOWN_FIELD: 'ignored',
        },
      })
    ).result;
    expect(typeof id).toBe('number');
    const lead = (await ok('crm.lead.get', { id })).result;
    expect(lead).toMatchObject({
      ID: String(id),
      TITLE: 'Website request',
      NAME: 'Anna',
      LAST_NAME: 'Petrosyan',
      SECOND_NAME: null,
      STATUS_ID: 'IN_PROCESS',
      STATUS_SEMANTIC_ID: 'P',
      SOURCE_ID: 'WEB',
      OPPORTUNITY: '1500.50',
      CURRENCY_ID: 'EUR',
      BIRTHDATE: '1990-05-01T00:00:00+00:00',
      OPENED: 'Y',
      HAS_PHONE: 'Y',
      HAS_EMAIL: 'Y',
      ASSIGNED_BY_ID: String(hook.userId),
      DATE_CLOSED: '',
      EMAIL: [{ ID: expect.any(String), VALUE_TYPE: 'WORK', VALUE: 'anna@example.com', TYPE_ID: 'EMAIL' }],
    });
    expect(lead.DATE_CREATE).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  });

  it('gives an untitled lead the Bitrix24 default title', async () => {
    const id = (await ok('crm.lead.add', { fields: { NAME: 'No title' } })).result;
    expect((await ok('crm.lead.get', { ID: id })).result.TITLE).toBe(`Lead #${id}`);
  });

  it('updates multi-fields by ID, removes one with an empty VALUE, appends new ones, keeps the rest', async () => {
    const id = (
      await ok('crm.contact.add', {
        fields: {
          NAME: 'Ivan',
          PHONE: [
            { VALUE: '+7 900 000-00-01', VALUE_TYPE: 'WORK' },
            { VALUE: '+7 900 000-00-02', VALUE_TYPE: 'MOBILE' },
            { VALUE: '+7 900 000-00-03', VALUE_TYPE: 'HOME' },
          ],
          EMAIL: [{ VALUE: 'ivan@example.com', VALUE_TYPE: 'WORK' }],
        },
      })
    ).result;
    const before = (await ok('crm.contact.get', { id })).result.PHONE;
    expect(before.map((p: { VALUE: string }) => p.VALUE)).toEqual([
      '+7 900 000-00-01',
      '+7 900 000-00-02',
      '+7 900 000-00-03',
    ]);
    await ok('crm.contact.update', {
      id,
      fields: {
        PHONE: [
          { ID: before[0].ID, VALUE: '+7 900 111-11-11' },
          { ID: before[1].ID, VALUE: '' },
          { ID: before[2].ID, DELETE: 'Y' },
          { VALUE: '+7 900 000-00-04', VALUE_TYPE: 'FAX' },
        ],
      },
    });
    const after = (await ok('crm.contact.get', { id })).result;
    expect(after.PHONE.map((p: { VALUE: string; VALUE_TYPE: string }) => [p.VALUE, p.VALUE_TYPE])).toEqual([
      ['+7 900 111-11-11', 'WORK'],
      ['+7 900 000-00-04', 'FAX'],
    ]);
    // the changed entry and the untouched email keep their IDs, so a stored ID stays usable
    expect(after.PHONE[0].ID).toBe(before[0].ID);
    expect(after.EMAIL.map((e: { VALUE: string }) => e.VALUE)).toEqual(['ivan@example.com']);
    const email = after.EMAIL[0].ID;
    await ok('crm.contact.update', { id, fields: { PHONE: [{ VALUE: '+7 900 000-00-05' }] } });
    const later = (await ok('crm.contact.get', { id })).result;
    expect(later.PHONE.map((p: { ID: string }) => p.ID).slice(0, 2)).toEqual([
      before[0].ID,
      after.PHONE[1].ID,
    ]);
    expect(later.EMAIL[0].ID).toBe(email);
  });

  it('links a contact to companies through COMPANY_ID / COMPANY_IDS and the items methods', async () => {
    const a = (await ok('crm.company.add', { fields: { TITLE: 'Alpha' } })).result;
    const b = (await ok('crm.company.add', { fields: { TITLE: 'Beta' } })).result;
    const contact = (await ok('crm.contact.add', { fields: { NAME: 'Linked', COMPANY_ID: a } })).result;
    expect((await ok('crm.contact.get', { id: contact })).result).toMatchObject({
      COMPANY_ID: String(a),
      COMPANY_IDS: [String(a)],
    });
    await ok('crm.contact.company.items.set', {
      id: contact,
      items: [
        { COMPANY_ID: a, SORT: 20 },
        { COMPANY_ID: b, SORT: 10, IS_PRIMARY: 'Y' },
      ],
    });
    expect((await ok('crm.contact.company.items.get', { id: contact })).result).toEqual([
      { COMPANY_ID: b, SORT: 10, ROLE_ID: 0, IS_PRIMARY: 'Y' },
      { COMPANY_ID: a, SORT: 20, ROLE_ID: 0, IS_PRIMARY: 'N' },
    ]);
    expect((await ok('crm.company.get', { id: b })).result.CONTACT_ID).toEqual([String(contact)]);
  });

  it('reports a missing record, a bad id and a validation error as legacy CRM errors (400, empty code)', async () => {
    const missing = await call(t, hook, 'crm.company.get', { id: 999999 });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: '', error_description: 'Not found' });
    const bad = await call(t, hook, 'crm.company.get', { id: 'abc' });
    expect(bad.body).toEqual({ error: '', error_description: 'ID is not defined or invalid.' });
    const invalid = await call(t, hook, 'crm.company.add', { fields: { TITLE: '' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('');
    expect(invalid.body.error_description).toMatch(/^TITLE: /);
    const wrongStatus = await call(t, hook, 'crm.lead.add', { fields: { TITLE: 'x', STATUS_ID: 'NOPE' } });
    expect(wrongStatus.body.error_description).toMatch(/STATUS_ID: no lead status with the code NOPE/);
  });

  it('deletes a record', async () => {
    const id = (await ok('crm.company.add', { fields: { TITLE: 'Short-lived' } })).result;
    expect((await ok('crm.company.delete', { id })).result).toBe(true);
    expect((await call(t, hook, 'crm.company.get', { id })).body.error_description).toBe('Not found');
  });

  it('describes its fields as crm.<entity>.fields does', async () => {
    const fields = (await ok('crm.lead.fields')).result;
    expect(fields.ID).toEqual({
      type: 'integer',
      isRequired: false,
      isReadOnly: true,
      isImmutable: false,
      isMultiple: false,
      isDynamic: false,
      title: 'ID',
    });
    expect(fields.STATUS_ID).toMatchObject({ type: 'crm_status', statusType: 'STATUS' });
    expect(fields.PHONE).toMatchObject({ type: 'crm_multifield', isMultiple: true });
  });
});

describe('crm.deal.*', () => {
  let serviceCategory: number;
  beforeAll(async () => {
    const res = await t.admin.post('/api/v1/pipelines', { name: 'Service' });
    serviceCategory = res.body.id;
  });

  it('maps stages and categories: bare codes in category 0, C<n>: in the others', async () => {
    const company = (await ok('crm.company.add', { fields: { TITLE: 'Client' } })).result;
    const contact = (await ok('crm.contact.add', { fields: { NAME: 'Buyer' } })).result;
    const id = (
      await ok('crm.deal.add', {
        fields: {
          TITLE: 'Laptops',
          STAGE_ID: 'PREPARATION',
          OPPORTUNITY: '24000',
          COMPANY_ID: company,
          CONTACT_ID: contact,
          BEGINDATE: '2026-03-01T10:00:00+03:00',
          PROBABILITY: '30',
        },
      })
    ).result;
    const deal = (await ok('crm.deal.get', { id })).result;
    expect(deal).toMatchObject({
      ID: String(id),
      TITLE: 'Laptops',
      CATEGORY_ID: '0',
      STAGE_ID: 'PREPARATION',
      STAGE_SEMANTIC_ID: 'P',
      IS_NEW: 'N',
      CLOSED: 'N',
      OPPORTUNITY: '24000.00',
      IS_MANUAL_OPPORTUNITY: 'Y',
      COMPANY_ID: String(company),
      CONTACT_ID: String(contact),
      CONTACT_IDS: [String(contact)],
      BEGINDATE: '2026-03-01T00:00:00+00:00',
      PROBABILITY: '30',
    });
    await ok('crm.deal.update', { id, fields: { STAGE_ID: 'WON', CATEGORY_ID: serviceCategory } });
    const won = (await ok('crm.deal.get', { id })).result;
    expect(won).toMatchObject({ STAGE_ID: 'WON', STAGE_SEMANTIC_ID: 'S', CLOSED: 'Y', CATEGORY_ID: '0' });

    const service = (await ok('crm.deal.add', { fields: { TITLE: 'Repair', CATEGORY_ID: serviceCategory } }))
      .result;
    const repair = (await ok('crm.deal.get', { id: service })).result;
    expect(repair).toMatchObject({
      CATEGORY_ID: String(serviceCategory),
      STAGE_ID: `C${serviceCategory}:NEW`,
      IS_NEW: 'Y',
    });
    const moved = await call(t, hook, 'crm.deal.update', { id: service, fields: { STAGE_ID: 'WON' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error_description).toMatch(/STAGE_ID: .*another category/);
    await ok('crm.deal.update', { id: service, fields: { STAGE_ID: `C${serviceCategory}:LOSE` } });
    expect((await ok('crm.deal.get', { id: service })).result.STAGE_SEMANTIC_ID).toBe('F');
    const untitled = (await ok('crm.deal.add', { fields: {} })).result;
    expect((await ok('crm.deal.get', { id: untitled })).result.TITLE).toBe(`Deal #${untitled}`);
  });
});

describe('crm.*.list', () => {
  const ids: number[] = [];
  beforeAll(async () => {
    const t0 = Date.now();
    for (let i = 1; i <= 120; i++) {
      const fields: Record<string, unknown> = {
        TITLE: `List deal ${String(i).padStart(3, '0')}${i % 10 === 0 ? ' special' : ''}`,
        OPPORTUNITY: String(i * 100),
        STAGE_ID: i % 3 === 0 ? 'EXECUTING' : 'NEW',
        COMMENTS: i % 2 ? null : 'even',
      };
      ids.push((await ok('crm.deal.add', { fields })).result);
    }
    expect(Date.now() - t0).toBeLessThan(60_000);
  });
  const listFilter = { '>=ID': 0 };
  const inRange = () => ({ ...listFilter, '>=ID': ids[0], '<=ID': ids[ids.length - 1] });

  it('pages by 50 with start, next and total; start=-1 skips the count', async () => {
    const first = await ok('crm.deal.list', { filter: inRange(), order: { ID: 'ASC' }, select: ['ID'] });
    expect(first.result).toHaveLength(50);
    expect(first.total).toBe(120);
    expect(first.next).toBe(50);
    expect(first.result[0].ID).toBe(String(ids[0]));
    const third = await ok('crm.deal.list', {
      filter: inRange(),
      order: { ID: 'ASC' },
      select: ['ID'],
      start: 100,
    });
    expect(third.result).toHaveLength(20);
    expect(third.total).toBe(120);
    expect(third.next).toBeUndefined();
    expect(third.result[19].ID).toBe(String(ids[119]));
    const fast = await ok('crm.deal.list', {
      filter: { ...inRange(), '>ID': ids[59] },
      order: { ID: 'ASC' },
      select: ['ID'],
      start: -1,
    });
    expect(fast.result).toHaveLength(50);
    expect(fast.result[0].ID).toBe(String(ids[60]));
    expect(fast.total).toBe(0);
    expect(fast.next).toBeUndefined();
  });

  it('filters with every operator prefix', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await ok('crm.deal.list', { filter: { ...inRange(), ...filter }, select: ['ID'] })).total;
    expect(await count({ STAGE_ID: 'EXECUTING' })).toBe(40);
    expect(await count({ '=STAGE_ID': 'EXECUTING' })).toBe(40);
    expect(await count({ '!STAGE_ID': 'EXECUTING' })).toBe(80);
    expect(await count({ '!=STAGE_ID': 'EXECUTING' })).toBe(80);
    expect(await count({ '>OPPORTUNITY': 11000 })).toBe(10);
    expect(await count({ '>=OPPORTUNITY': '11000' })).toBe(11);
    expect(await count({ '<OPPORTUNITY': 500 })).toBe(4);
    expect(await count({ '<=OPPORTUNITY': '500.00' })).toBe(5);
    expect(await count({ '%TITLE': 'special' })).toBe(12);
    expect(await count({ '!%TITLE': 'special' })).toBe(108);
    expect(await count({ '=%TITLE': 'List deal 00%' })).toBe(9);
    expect(await count({ '%=TITLE': '%special' })).toBe(12);
    expect(await count({ '@ID': [ids[0], ids[1], ids[2]] })).toBe(3);
    expect(await count({ ID: [ids[0], ids[1]] })).toBe(2);
    expect(await count({ '!@ID': [ids[0], ids[1], ids[2]] })).toBe(117);
    expect(await count({ COMMENTS: '' })).toBe(60);
    expect(await count({ STAGE_SEMANTIC_ID: 'P' })).toBe(120);
    expect(await count({ CATEGORY_ID: 0 })).toBe(120);
    expect(await count({ STAGE_ID: 'NO_SUCH_STAGE' })).toBe(0);
    expect(await count({ UNKNOWN_FIELD: 'ignored' })).toBe(120);
  });

  it('orders and selects', async () => {
    const desc = await ok('crm.deal.list', {
      filter: inRange(),
      order: { OPPORTUNITY: 'DESC' },
      select: ['ID', 'TITLE', 'OPPORTUNITY'],
    });
    expect(desc.result[0]).toEqual({
      ID: String(ids[119]),
      TITLE: 'List deal 120 special',
      OPPORTUNITY: '12000.00',
    });
    const star = (await ok('crm.deal.list', { filter: { ID: ids[0] }, select: ['*'] })).result[0];
    expect(star).toMatchObject({ ID: String(ids[0]), STAGE_ID: 'NEW', CATEGORY_ID: '0', CONTACT_ID: null });
    expect(star).not.toHaveProperty('CONTACT_IDS');
    const plain = (await ok('crm.deal.list', { filter: { ID: ids[0] } })).result[0];
    expect(Object.keys(plain)).toEqual(Object.keys(star));
  });

  it('filters and selects PHONE and EMAIL on contacts', async () => {
    const a = (
      await ok('crm.contact.add', { fields: { NAME: 'Phone one', PHONE: [{ VALUE: '8 (916) 555-12-34' }] } })
    ).result;
    await ok('crm.contact.add', { fields: { NAME: 'Phone two', EMAIL: [{ VALUE: 'two@example.com' }] } });
    const byPhone = await ok('crm.contact.list', {
      filter: { PHONE: '+79165551234' },
      select: ['ID', 'PHONE'],
    });
    expect(byPhone.result).toEqual([
      {
        ID: String(a),
        PHONE: [{ ID: expect.any(String), VALUE_TYPE: 'WORK', VALUE: '8 (916) 555-12-34', TYPE_ID: 'PHONE' }],
      },
    ]);
    const byEmail = await ok('crm.contact.list', { filter: { EMAIL: 'TWO@example.com' }, select: ['NAME'] });
    expect(byEmail.result).toEqual([{ ID: expect.any(String), NAME: 'Phone two' }]);
    const star = (await ok('crm.contact.list', { filter: { ID: a }, select: ['*'] })).result[0];
    expect(star).not.toHaveProperty('PHONE');
    expect(star.HAS_PHONE).toBe('Y');
  });
});

describe('rights of the webhook user', () => {
  it('a manager’s webhook sees only what the manager may see, in list, get and batch', async () => {
    const north = (await t.admin.post('/api/v1/departments', { name: 'North' })).body.id;
    const south = (await t.admin.post('/api/v1/departments', { name: 'South' })).body.id;
    const mine = await t.user({ roleCode: 'sales_manager', departmentId: north });
    const colleague = await t.user({ roleCode: 'sales_manager', departmentId: north });
    const other = await t.user({ roleCode: 'sales_manager', departmentId: south });
    const mineHook = await createHook(t, { userId: mine.userId, scopes: ['crm'] });
    const add = async (owner: number, title: string) =>
      (await ok('crm.deal.add', { fields: { TITLE: title, ASSIGNED_BY_ID: owner } })).result as number;
    const own = await add(mine.userId, 'Rights: own');
    const team = await add(colleague.userId, 'Rights: colleague');
    const foreign = await add(other.userId, 'Rights: other department');

    const listed = await call(t, mineHook, 'crm.deal.list', {
      filter: { '%TITLE': 'Rights:' },
      select: ['ID'],
    });
    expect(listed.body.result.map((r: { ID: string }) => Number(r.ID)).sort()).toEqual([own, team].sort());
    expect(listed.body.total).toBe(2);
    const get = await call(t, mineHook, 'crm.deal.get', { id: foreign });
    expect(get.status).toBe(400);
    expect(get.body).toEqual({ error: '', error_description: 'Not found' });
    const update = await call(t, mineHook, 'crm.deal.update', { id: team, fields: { TITLE: 'Changed' } });
    expect(update.body).toEqual({ error: '', error_description: 'Access denied.' });
    const batch = await call(t, mineHook, 'batch', {
      halt: 0,
      cmd: { own: `crm.deal.get?id=${own}`, foreign: `crm.deal.get?id=${foreign}` },
    });
    expect(batch.body.result.result.own.ID).toBe(String(own));
    expect(batch.body.result.result).not.toHaveProperty('foreign');
    expect(batch.body.result.result_error.foreign).toEqual({ error: '', error_description: 'Not found' });
    const assign = await call(t, mineHook, 'crm.deal.add', {
      fields: { TITLE: 'For other', ASSIGNED_BY_ID: other.userId },
    });
    expect(assign.body.error_description).toBe('Access denied.');
  });
});
