import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { call, createHook, type Hook } from '../support/bitrix24.js';

let t: TestApp;
let hook: Hook;
beforeAll(async () => {
  // event handlers go through the SSRF guard: the tests bind a handler on 127.0.0.1
  t = await startTestApp({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  hook = await createHook(t, { scopes: ['crm', 'user', 'department'] });
});
afterAll(async () => t.close());

const ok = async (method: string, params: Record<string, unknown> = {}) => {
  const res = await call(t, hook, method, params);
  if (res.status !== 200) throw new Error(`${method}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

describe('crm.<entity>.userfield.*', () => {
  it('adds, lists, reads, fills, filters, changes and deletes a user field', async () => {
    const fieldId = (
      await ok('crm.deal.userfield.add', {
        fields: {
          FIELD_NAME: 'REGION',
          USER_TYPE_ID: 'enumeration',
          EDIT_FORM_LABEL: { en: 'Region', ru: 'Регион' },
          LIST: [{ VALUE: 'North' }, { VALUE: 'South' }],
          MANDATORY: 'N',
        },
      })
    ).result;
    expect(typeof fieldId).toBe('number');
    const text = (
      await ok('crm.deal.userfield.add', {
        fields: { FIELD_NAME: 'UF_NOTE', USER_TYPE_ID: 'string', LABEL: 'Note' },
      })
    ).result;
    const listed = (await ok('crm.deal.userfield.list', { filter: { FIELD_NAME: 'UF_CRM_REGION' } })).result;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      ID: String(fieldId),
      ENTITY_ID: 'CRM_DEAL',
      FIELD_NAME: 'UF_CRM_REGION',
      USER_TYPE_ID: 'enumeration',
      MULTIPLE: 'N',
      MANDATORY: 'N',
      EDIT_FORM_LABEL: 'Region',
    });
    const field = (await ok('crm.deal.userfield.get', { id: fieldId })).result;
    expect(field.EDIT_FORM_LABEL).toEqual({ en: 'Region' });
    const [north, south] = field.LIST;
    expect([north.VALUE, south.VALUE]).toEqual(['North', 'South']);

    const dealId = (
      await ok('crm.deal.add', {
        fields: { TITLE: 'With fields', UF_CRM_REGION: south.ID, UF_CRM_NOTE: 'hello' },
      })
    ).result;
    const deal = (await ok('crm.deal.get', { id: dealId })).result;
    expect(deal).toMatchObject({ UF_CRM_REGION: south.ID, UF_CRM_NOTE: 'hello' });
    const descriptors = (await ok('crm.deal.fields')).result;
    expect(descriptors.UF_CRM_REGION).toMatchObject({
      type: 'enumeration',
      isDynamic: true,
      title: 'UF_CRM_REGION',
      listLabel: 'Region',
      items: [
        { ID: north.ID, VALUE: 'North' },
        { ID: south.ID, VALUE: 'South' },
      ],
    });
    const filtered = await ok('crm.deal.list', {
      filter: { UF_CRM_REGION: south.ID },
      select: ['ID', 'UF_*'],
    });
    expect(filtered.result).toEqual([{ ID: String(dealId), UF_CRM_REGION: south.ID, UF_CRM_NOTE: 'hello' }]);
    const notListed = (await ok('crm.deal.list', { filter: { ID: dealId }, select: ['*'] })).result[0];
    expect(notListed).not.toHaveProperty('UF_CRM_REGION');

    await ok('crm.deal.userfield.update', {
      id: fieldId,
      fields: { EDIT_FORM_LABEL: 'Area', LIST: [{ ID: north.ID, DEL: 'Y' }, { VALUE: 'West' }] },
    });
    const changed = (await ok('crm.deal.userfield.get', { id: fieldId })).result;
    expect(changed.EDIT_FORM_LABEL).toEqual({ en: 'Area' });
    expect(changed.LIST.map((i: { VALUE: string }) => i.VALUE)).toEqual(['South', 'West']);
    expect((await call(t, hook, 'crm.lead.userfield.get', { id: fieldId })).body.error_description).toBe(
      'Not found',
    );

    expect((await ok('crm.deal.userfield.delete', { id: text })).result).toBe(true);
    expect((await ok('crm.deal.get', { id: dealId })).result).not.toHaveProperty('UF_CRM_NOTE');
    const unsupported = await call(t, hook, 'crm.deal.userfield.add', {
      fields: { FIELD_NAME: 'X', USER_TYPE_ID: 'iblock_element' },
    });
    expect(unsupported.status).toBe(400);
  });

  it('refuses user-field changes to a webhook whose user is not an administrator', async () => {
    const manager = await t.user({});
    const managerHook = await createHook(t, { userId: manager.userId, scopes: ['crm'] });
    const res = await call(t, managerHook, 'crm.lead.userfield.add', {
      fields: { FIELD_NAME: 'X', USER_TYPE_ID: 'string' },
    });
    expect(res.body).toEqual({ error: '', error_description: 'Access denied.' });
  });
});

describe('crm.deal.productrows.* / crm.lead.productrows.*', () => {
  it('replaces the rows, and the deal amount becomes their total', async () => {
    const product = (
      await ok('crm.product.add', {
        fields: { NAME: 'Laptop', PRICE: 1000, CURRENCY_ID: 'USD', MEASURE: 796 },
      })
    ).result;
    const deal = (await ok('crm.deal.add', { fields: { TITLE: 'Rows', CURRENCY_ID: 'USD' } })).result;
    await ok('crm.deal.productrows.set', {
      id: deal,
      rows: [
        { PRODUCT_ID: product, PRICE: 900, QUANTITY: 2, DISCOUNT_TYPE_ID: 2, DISCOUNT_RATE: 10 },
        { PRODUCT_NAME: 'Delivery', PRICE: 50, QUANTITY: 1, TAX_RATE: 20, TAX_INCLUDED: 'Y' },
      ],
    });
    const rows = (await ok('crm.deal.productrows.get', { id: deal })).result;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      OWNER_ID: String(deal),
      OWNER_TYPE: 'D',
      PRODUCT_ID: product,
      PRODUCT_NAME: 'Laptop',
      PRICE: 900,
      PRICE_NETTO: 1000,
      QUANTITY: 2,
      DISCOUNT_TYPE_ID: 2,
      DISCOUNT_RATE: 10,
      DISCOUNT_SUM: 100,
      TAX_INCLUDED: 'N',
      MEASURE_CODE: 796,
    });
    expect(rows[1]).toMatchObject({
      PRODUCT_ID: 0,
      PRODUCT_NAME: 'Delivery',
      PRICE: 50,
      PRICE_EXCLUSIVE: 41.67,
      TAX_RATE: 20,
    });
    const got = (await ok('crm.deal.get', { id: deal })).result;
    expect(got.OPPORTUNITY).toBe('1850.00');
    expect(got.IS_MANUAL_OPPORTUNITY).toBe('N');
    // as on Bitrix24, a deal with rows keeps their total when a client sends an amount
    await ok('crm.deal.update', { id: deal, fields: { OPPORTUNITY: 5, TITLE: 'Rows, renamed' } });
    expect((await ok('crm.deal.get', { id: deal })).result).toMatchObject({
      OPPORTUNITY: '1850.00',
      TITLE: 'Rows, renamed',
    });
    await ok('crm.deal.productrows.set', { id: deal, rows: [] });
    expect((await ok('crm.deal.productrows.get', { id: deal })).result).toEqual([]);
    expect((await ok('crm.deal.get', { id: deal })).result.OPPORTUNITY).toBe('0.00');

    const lead = (await ok('crm.lead.add', { fields: { TITLE: 'Lead rows' } })).result;
    await ok('crm.lead.productrows.set', {
      id: lead,
      rows: [{ PRODUCT_NAME: 'Service', PRICE: '120.50', QUANTITY: 3 }],
    });
    const leadRows = (await ok('crm.lead.productrows.get', { id: lead })).result;
    expect(leadRows[0]).toMatchObject({ OWNER_TYPE: 'L', PRICE: 120.5, QUANTITY: 3 });
    expect((await ok('crm.lead.get', { id: lead })).result.OPPORTUNITY).toBe('361.50');
    const bad = await call(t, hook, 'crm.deal.productrows.set', { id: deal, rows: [{ PRICE: 10 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error_description).toMatch(/rows\.0\.name/);
  });
});

describe('crm.product.*', () => {
  it('adds, lists, updates and deletes products', async () => {
    const id = (
      await ok('crm.product.add', {
        fields: {
          NAME: 'Mouse',
          PRICE: '25.90',
          CURRENCY_ID: 'USD',
          XML_ID: 'M-1',
          VAT_INCLUDED: 'Y',
          ACTIVE: 'Y',
        },
      })
    ).result;
    expect((await ok('crm.product.get', { id })).result).toMatchObject({
      ID: String(id),
      NAME: 'Mouse',
      PRICE: '25.90',
      XML_ID: 'M-1',
      VAT_INCLUDED: 'Y',
      ACTIVE: 'Y',
      MEASURE: '796',
    });
    await ok('crm.product.update', { id, fields: { PRICE: 19.5, ACTIVE: 'N' } });
    const list = await ok('crm.product.list', {
      filter: { XML_ID: 'M-1' },
      select: ['ID', 'PRICE', 'ACTIVE'],
    });
    expect(list.result).toEqual([{ ID: String(id), PRICE: '19.50', ACTIVE: 'N' }]);
    expect((await ok('crm.product.delete', { id })).result).toBe(true);
  });
});

describe('dictionaries', () => {
  it('lists statuses, sources and stages as crm.status rows', async () => {
    const stages = (await ok('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE' } })).result;
    expect(stages.map((s: { STATUS_ID: string }) => s.STATUS_ID)).toEqual([
      'NEW',
      'PREPARATION',
      'PREPAYMENT_INVOICE',
      'EXECUTING',
      'FINAL_INVOICE',
      'WON',
      'LOSE',
    ]);
    expect(stages.find((s: { STATUS_ID: string }) => s.STATUS_ID === 'WON')).toMatchObject({
      ENTITY_ID: 'DEAL_STAGE',
      SEMANTICS: 'S',
      EXTRA: { SEMANTICS: 'success' },
      CATEGORY_ID: '0',
    });
    const lead = (await ok('crm.status.entity.items', { entityId: 'STATUS' })).result;
    expect(lead[0]).toEqual({ NAME: 'New', SORT: 0, STATUS_ID: 'NEW' });
    const sources = (await ok('crm.status.list', { filter: { ENTITY_ID: 'SOURCE' } })).result;
    expect(sources.map((s: { STATUS_ID: string }) => s.STATUS_ID)).toContain('WEB');
  });

  it('shows pipelines as deal categories', async () => {
    const created = (await t.admin.post('/api/v1/pipelines', { name: 'Wholesale' })).body.id;
    const modern = await ok('crm.category.list', { entityTypeId: 2 });
    expect(modern.result.categories).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 0, isDefault: 'Y', entityTypeId: 2 }),
        expect.objectContaining({ id: created, name: 'Wholesale', isDefault: 'N' }),
      ]),
    );
    expect((await ok('crm.category.get', { entityTypeId: 2, id: created })).result.category.name).toBe(
      'Wholesale',
    );
    const legacy = (await ok('crm.dealcategory.list')).result;
    expect(legacy.map((c: { ID: string }) => c.ID)).toEqual([String(created)]);
    expect((await ok('crm.dealcategory.get', { id: created })).result.NAME).toBe('Wholesale');
    const stages = (await ok('crm.dealcategory.stage.list', { id: created })).result;
    expect(stages[0]).toEqual({ NAME: 'New', SORT: '0', STATUS_ID: `C${created}:NEW` });
    const zero = (await ok('crm.dealcategory.stage.list', { id: 0 })).result;
    expect(zero[0].STATUS_ID).toBe('NEW');
  });
});

describe('crm.activity.*', () => {
  it('plans, lists, completes and deletes activities on a record', async () => {
    const deal = (await ok('crm.deal.add', { fields: { TITLE: 'Activity owner' } })).result;
    const call1 = (
      await ok('crm.activity.add', {
        fields: {
          OWNER_ID: deal,
          OWNER_TYPE_ID: 2,
          TYPE_ID: 2,
          SUBJECT: 'Call the client',
          START_TIME: '2026-12-01T10:00:00+03:00',
          END_TIME: '2026-12-01T10:15:00+03:00',
          RESPONSIBLE_ID: hook.userId,
          PRIORITY: 3,
          COMMUNICATIONS: [{ VALUE: '+7 916 123-45-67', ENTITY_ID: deal, ENTITY_TYPE_ID: 2 }],
        },
      })
    ).result;
    const task = (
      await ok('crm.activity.add', {
        fields: {
          OWNER_ID: deal,
          OWNER_TYPE_ID: 2,
          TYPE_ID: 6,
          SUBJECT: 'Send the quote',
          DEADLINE: '2026-12-02',
        },
      })
    ).result;
    const got = (await ok('crm.activity.get', { id: call1 })).result;
    expect(got).toMatchObject({
      ID: String(call1),
      OWNER_ID: String(deal),
      OWNER_TYPE_ID: '2',
      TYPE_ID: '2',
      PROVIDER_ID: 'VOXIMPLANT_CALL',
      SUBJECT: 'Call the client',
      START_TIME: '2026-12-01T07:00:00+00:00',
      END_TIME: '2026-12-01T07:15:00+00:00',
      DEADLINE: '2026-12-01T07:00:00+00:00',
      COMPLETED: 'N',
      STATUS: '1',
      PRIORITY: '3',
      COMMUNICATIONS: [expect.objectContaining({ TYPE: 'PHONE', VALUE: '+7 916 123-45-67' })],
    });
    const list = await ok('crm.activity.list', {
      filter: { OWNER_ID: deal, OWNER_TYPE_ID: 2 },
      order: { DEADLINE: 'ASC' },
      select: ['ID', 'SUBJECT', 'TYPE_ID'],
    });
    expect(list.total).toBe(2);
    expect(list.result).toEqual([
      { ID: String(call1), TYPE_ID: '2', SUBJECT: 'Call the client' },
      { ID: String(task), TYPE_ID: '6', SUBJECT: 'Send the quote' },
    ]);
    await ok('crm.activity.update', { id: task, fields: { COMPLETED: 'Y' } });
    const open = await ok('crm.activity.list', {
      filter: { OWNER_ID: deal, COMPLETED: 'N' },
      select: ['ID'],
    });
    expect(open.result).toEqual([{ ID: String(call1) }]);
    const done = (
      await ok('crm.activity.add', {
        fields: {
          OWNER_ID: deal,
          OWNER_TYPE_ID: 2,
          TYPE_ID: 2,
          SUBJECT: 'Logged call',
          START_TIME: '2026-11-01T09:00:00Z',
          COMPLETED: 'Y',
        },
      })
    ).result;
    expect((await ok('crm.activity.get', { id: done })).result.COMPLETED).toBe('Y');
    expect((await ok('crm.activity.delete', { id: call1 })).result).toBe(true);
    expect((await call(t, hook, 'crm.activity.get', { id: call1 })).body.error_description).toBe('Not found');
    const missing = await call(t, hook, 'crm.activity.add', {
      fields: { OWNER_ID: deal, OWNER_TYPE_ID: 2, TYPE_ID: 6 },
    });
    expect(missing.body.error_description).toMatch(/SUBJECT/);
    expect((await ok('crm.activity.fields')).result.SUBJECT).toMatchObject({
      type: 'string',
      isRequired: true,
    });
  });
});

describe('crm.timeline.comment.* and crm.duplicate.findbycomm', () => {
  it('adds and lists comments on a record', async () => {
    const contact = (await ok('crm.contact.add', { fields: { NAME: 'Commented' } })).result;
    const id = (
      await ok('crm.timeline.comment.add', {
        fields: { ENTITY_ID: contact, ENTITY_TYPE: 'contact', COMMENT: 'Called' },
      })
    ).result;
    await ok('crm.timeline.comment.add', {
      fields: { ENTITY_ID: contact, ENTITY_TYPE: 'contact', COMMENT: 'Again' },
    });
    const list = await ok('crm.timeline.comment.list', {
      filter: { ENTITY_ID: contact, ENTITY_TYPE: 'contact' },
    });
    expect(list.total).toBe(2);
    expect(list.result.map((c: { COMMENT: string }) => c.COMMENT).sort()).toEqual(['Again', 'Called']);
    expect(list.result.find((c: { ID: string }) => c.ID === String(id))).toMatchObject({
      ENTITY_ID: String(contact),
      ENTITY_TYPE: 'contact',
      AUTHOR_ID: String(hook.userId),
    });
  });

  it('finds duplicates by phone and email', async () => {
    const contact = (
      await ok('crm.contact.add', { fields: { NAME: 'Dup', PHONE: [{ VALUE: '+7 999 111-22-33' }] } })
    ).result;
    const lead = (
      await ok('crm.lead.add', { fields: { TITLE: 'Dup lead', PHONE: [{ VALUE: '89991112233' }] } })
    ).result;
    const found = (await ok('crm.duplicate.findbycomm', { type: 'PHONE', values: ['8 (999) 111-22-33'] }))
      .result;
    expect(found).toEqual({ CONTACT: [contact], LEAD: [lead] });
    const onlyLeads = await ok('crm.duplicate.findbycomm', {
      type: 'PHONE',
      values: ['+79991112233'],
      entity_type: 'LEAD',
    });
    expect(onlyLeads.result).toEqual({ LEAD: [lead] });
    expect(
      (await ok('crm.duplicate.findbycomm', { type: 'EMAIL', values: ['nobody@example.com'] })).result,
    ).toEqual([]);
  });
});

describe('user.* / department.get / profile', () => {
  it('tells who the webhook user is, lists users and departments', async () => {
    const me = (await ok('user.current')).result;
    expect(me).toMatchObject({ ID: String(hook.userId), ACTIVE: true, EMAIL: 'admin@test.local' });
    expect((await ok('profile')).result).toMatchObject({ ID: String(hook.userId), ADMIN: true });
    const dept = (await t.admin.post('/api/v1/departments', { name: 'Sales East' })).body.id;
    const colleague = await t.user({ departmentId: dept });
    const users = await ok('user.get', { FILTER: { UF_DEPARTMENT: dept } });
    expect(users.result.map((u: { ID: string }) => u.ID)).toEqual([String(colleague.userId)]);
    expect(users.result[0].UF_DEPARTMENT).toEqual([dept]);
    expect((await ok('user.get', { ID: colleague.userId })).total).toBe(1);
    const departments = await ok('department.get', { ID: dept });
    expect(departments.result).toEqual([
      { ID: String(dept), NAME: 'Sales East', SORT: expect.any(Number), PARENT: expect.any(String) },
    ]);
  });
});

describe('event.*', () => {
  it('binds, lists and unbinds an event handler', async () => {
    const events = (await ok('events')).result;
    expect(events).toContain('ONCRMDEALUPDATE');
    const bound = await call(t, hook, 'event.bind', {
      event: 'onCrmDealUpdate',
      handler: 'http://127.0.0.1:9/hook',
    });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    expect((await ok('event.get')).result).toEqual([
      { event: 'ONCRMDEALUPDATE', handler: 'http://127.0.0.1:9/hook', auth_type: '0', offline: 0 },
    ]);
    const again = await call(t, hook, 'event.bind', {
      event: 'ONCRMDEALUPDATE',
      handler: 'http://127.0.0.1:9/hook',
    });
    expect(again.body.error).toBe('ERROR_HANDLER_ALREADY_EXIST');
    const unknown = await call(t, hook, 'event.bind', {
      event: 'ONSOMETHING',
      handler: 'http://127.0.0.1:9/hook',
    });
    expect(unknown.body.error).toBe('ERROR_EVENT_NOT_FOUND');
    expect(
      (await ok('event.unbind', { event: 'ONCRMDEALUPDATE', handler: 'http://127.0.0.1:9/hook' })).result,
    ).toEqual({
      count: 1,
    });
  });
});
