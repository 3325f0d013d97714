import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const q = (filter: unknown, extra = '') =>
  `/api/v1/deals?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

describe('custom fields', () => {
  it('are created from a name and a type, then stored, filtered and sorted like standard fields', async () => {
    const budget = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'deal',
      name: 'Budget',
      type: 'money',
    });
    expect(budget.status).toBe(201);
    expect(budget.body).toMatchObject({
      code: `UF_CRM_${budget.body.id}`,
      apiName: `ufCrm${budget.body.id}`,
      type: 'money',
    });
    const channel = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'deal',
      name: 'Channel',
      type: 'enum',
      code: 'UF_CRM_CHANNEL',
      options: [{ label: 'Retail' }, { label: 'Wholesale' }],
    });
    expect(channel.status).toBe(201);
    expect(channel.body.apiName).toBe('ufCrmChannel');
    expect(channel.body.options).toEqual([
      { id: 1, label: 'Retail' },
      { id: 2, label: 'Wholesale' },
    ]);
    const tags = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'deal',
      name: 'Tags',
      type: 'enum',
      multiple: true,
      options: [{ label: 'VIP' }, { label: 'Urgent' }, { label: 'Repeat' }],
    });
    const delivery = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'deal',
      name: 'Delivery',
      type: 'date',
    });
    const urgent = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'deal',
      name: 'Urgent',
      type: 'boolean',
    });
    const b = budget.body.apiName;
    const tg = tags.body.apiName;
    const dl = delivery.body.apiName;
    const ug = urgent.body.apiName;

    const values = [
      { [b]: '1500.25', ufCrmChannel: 1, [tg]: [1, 2], [dl]: '2026-12-01', [ug]: true },
      { [b]: '99.99', ufCrmChannel: 2, [tg]: [3], [dl]: '2026-11-30', [ug]: false },
      { [b]: null, ufCrmChannel: 1, [tg]: [], [dl]: null },
    ];
    const ids: number[] = [];
    for (const [i, v] of values.entries()) {
      const res = await t.admin.post('/api/v1/deals', { title: `CF ${i}`, ...v });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.id);
    }
    const first = await t.admin.get(`/api/v1/deals/${ids[0]}`);
    expect(first.body).toMatchObject({
      [b]: '1500.25',
      ufCrmChannel: 1,
      [tg]: [1, 2],
      [dl]: '2026-12-01',
      [ug]: true,
    });

    const rich = await t.admin.get(q({ [b]: { gte: '100' } }));
    expect(rich.body.items.map((d: { id: number }) => d.id)).toEqual([ids[0]]);
    const retail = await t.admin.get(q({ ufCrmChannel: 1 }, `&sort=${b}`));
    expect(retail.body.items.map((d: { id: number }) => d.id)).toEqual([ids[2], ids[0]]);
    const vip = await t.admin.get(q({ [tg]: { contains: 1 } }));
    expect(vip.body.items.map((d: { id: number }) => d.id)).toEqual([ids[0]]);
    const noDate = await t.admin.get(q({ [dl]: null, title: { startsWith: 'CF' } }));
    expect(noDate.body.items.map((d: { id: number }) => d.id)).toEqual([ids[2]]);
    const sorted = await t.admin.get(q({ title: { startsWith: 'CF' } }, `&sort=-${dl}`));
    expect(sorted.body.items.map((d: { id: number }) => d.id)).toEqual([ids[0], ids[1], ids[2]]);
  });

  it('validates values by type and enforces required fields', async () => {
    const field = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'contact',
      name: 'Score',
      type: 'number',
      required: true,
    });
    const key = field.body.apiName;
    const missing = await t.admin.post('/api/v1/contacts', { name: 'No score' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toContainEqual({ field: key, message: 'is required' });
    const wrong = await t.admin.post('/api/v1/contacts', { name: 'Bad score', [key]: 'high' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe(key);
    const ok = await t.admin.post('/api/v1/contacts', { name: 'Good score', [key]: 7.5 });
    expect(ok.status).toBe(201);
    expect(ok.body[key]).toBe(7.5);
    const cleared = await t.admin.patch(`/api/v1/contacts/${ok.body.id}`, { [key]: null });
    expect(cleared.status).toBe(400);
  });

  it('only administrators change fields; deleting a field drops its values', async () => {
    const manager = await t.user({ roleCode: 'sales_manager' });
    const denied = await manager.post('/api/v1/custom-fields', {
      entityType: 'deal',
      name: 'Nope',
      type: 'string',
    });
    expect(denied.status).toBe(403);
    const listed = await manager.get('/api/v1/custom-fields?entityType=deal');
    expect(listed.status).toBe(200);
    const field = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'company',
      name: 'Tax id',
      type: 'string',
    });
    const company = await t.admin.post('/api/v1/companies', {
      title: 'Taxed',
      [field.body.apiName]: '123-45',
    });
    expect(company.body[field.body.apiName]).toBe('123-45');
    expect((await t.admin.delete(`/api/v1/custom-fields/${field.body.id}`)).status).toBe(204);
    const after = await t.admin.get(`/api/v1/companies/${company.body.id}`);
    expect(after.body).not.toHaveProperty(field.body.apiName);
    const stale = await t.admin.post('/api/v1/companies', { title: 'Taxed 2', [field.body.apiName]: 'x' });
    expect(stale.status).toBe(400);
    expect(stale.body.error.details).toContainEqual({ field: field.body.apiName, message: 'unknown field' });
  });

  it('refuses a list field without options and a duplicate code', async () => {
    const noOptions = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'lead',
      name: 'Kind',
      type: 'enum',
    });
    expect(noOptions.status).toBe(400);
    expect(noOptions.body.error.details[0].field).toBe('options');
    const a = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'lead',
      name: 'A',
      type: 'string',
      code: 'UF_CRM_DUP',
    });
    expect(a.status).toBe(201);
    const b = await t.admin.post('/api/v1/custom-fields', {
      entityType: 'lead',
      name: 'B',
      type: 'string',
      code: 'UF_CRM_DUP',
    });
    expect(b.status).toBe(409);
  });
});
