import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let productId: number;
beforeAll(async () => {
  t = await startTestApp();
  const product = await t.admin.post('/api/v1/products', {
    name: 'Cable',
    price: '33.33',
    vatRate: '20',
    vatIncluded: false,
    measure: 'm',
  });
  expect(product.status).toBe(201);
  productId = product.body.id;
});
afterAll(async () => t.close());

const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

async function department(name: string): Promise<number> {
  const now = new Date().toISOString();
  const row = await t.db.kysely
    .insertInto('departments')
    .values({ name, parent_id: null, head_id: null, sort: 0, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('product rows of deals and leads', () => {
  it('computes exact figures, sets the amount and hasProductRows, and writes history', async () => {
    const deal = await t.admin.post('/api/v1/deals', { title: 'Cables', amount: '5.00' });
    const url = `/api/v1/deals/${deal.body.id}/product-rows`;
    const res = await put(t.admin, url, {
      version: 1,
      rows: [{ productId, quantity: '3', discountType: 'percent', discountRate: '10' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ownerType: 'deal', ownerId: deal.body.id, version: 2, currency: 'USD' });
    expect(res.body.rows[0]).toMatchObject({
      productId,
      name: 'Cable',
      price: '33.33',
      quantity: '3',
      measure: 'm',
      discountRate: '10',
      discountSum: '3.33',
      taxRate: '20',
      taxIncluded: false,
      priceAfterDiscount: '30.00',
      sum: '90.00',
      taxSum: '18.00',
      total: '108.00',
    });
    expect(res.body.totals).toEqual({
      subtotal: '99.99',
      discountTotal: '9.99',
      taxTotal: '18.00',
      total: '108.00',
    });
    const got = await t.admin.get(`/api/v1/deals/${deal.body.id}`);
    expect(got.body).toMatchObject({ amount: '108.00', hasProductRows: true, version: 2 });
    expect((await t.admin.get(url)).body).toEqual(res.body);

    const edit = await t.admin.patch(`/api/v1/deals/${deal.body.id}`, { amount: '1.00' });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details[0].field).toBe('amount');
    const recurrency = await t.admin.patch(`/api/v1/deals/${deal.body.id}`, { currency: 'EUR' });
    expect(recurrency.status).toBe(400);
    expect(recurrency.body.error.details[0].field).toBe('currency');

    const history = await t.admin.get(`/api/v1/deals/${deal.body.id}/history`);
    const fields = history.body.items[0].changes.map((c: { field: string }) => c.field);
    expect(fields).toEqual(['productRows', 'amount']);
    expect(history.body.items[0].changes[1]).toEqual({ field: 'amount', old: '5.00', new: '108.00' });

    const stale = await put(t.admin, url, { version: 1, rows: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: deal.body.id, version: 2 });

    const emptied = await put(t.admin, url, { version: 2, rows: [] });
    expect(emptied.body).toMatchObject({ rows: [], version: 3, totals: { total: '0.00' } });
    const after = await t.admin.get(`/api/v1/deals/${deal.body.id}`);
    expect(after.body).toMatchObject({ amount: '0.00', hasProductRows: false });
    const editable = await t.admin.patch(`/api/v1/deals/${deal.body.id}`, { amount: '77.70', version: 3 });
    expect(editable.status).toBe(200);
    expect(editable.body.amount).toBe('77.70');
  });

  it('adds up tax included, amount discounts and fractional quantities on a lead', async () => {
    const lead = await t.admin.post('/api/v1/leads', { title: 'Mixed rows' });
    const url = `/api/v1/leads/${lead.body.id}/product-rows`;
    const res = await put(t.admin, url, {
      rows: [
        { name: 'Laptop', price: '120.00', quantity: 2, taxRate: '20', taxIncluded: true },
        { name: 'Service', price: '100.00', quantity: '2', discountType: 'amount', discountSum: '15.50' },
        { name: 'Wire', price: '33.33', quantity: '1.5', measure: 'kg' },
      ],
    });
    expect(res.status).toBe(200);
    const figures = res.body.rows.map((r: Record<string, string>) => [r.priceAfterDiscount, r.sum, r.taxSum]);
    expect(figures).toEqual([
      ['120.00', '240.00', '40.00'],
      ['84.50', '169.00', '0.00'],
      ['33.33', '50.00', '0.00'],
    ]);
    expect(res.body.rows[1]).toMatchObject({ discountSum: '15.50', discountRate: '15.5' });
    expect(res.body.rows[2]).toMatchObject({ quantity: '1.5', measure: 'kg', taxRate: null });
    // subtotal 240 + 200 + 50.00 (1.5 × 33.33 = 49.995 → 50.00); discount 31.00; tax 40 is inside the price
    expect(res.body.totals).toEqual({
      subtotal: '490.00',
      discountTotal: '31.00',
      taxTotal: '40.00',
      total: '459.00',
    });
    const got = await t.admin.get(`/api/v1/leads/${lead.body.id}`);
    expect(got.body).toMatchObject({ amount: '459.00', version: 2 });
  });

  it('names each bad row field', async () => {
    const eur = await t.admin.post('/api/v1/products', {
      name: 'Euro thing',
      price: '10.00',
      currency: 'EUR',
    });
    const deal = await t.admin.post('/api/v1/deals', { title: 'Bad rows' });
    const res = await put(t.admin, `/api/v1/deals/${deal.body.id}/product-rows`, {
      rows: [
        { name: 'No price' },
        { name: 'Mixed', price: '1.00', discountType: 'percent', discountSum: '0.50' },
        { productId: 999_999 },
        { productId: eur.body.id },
        { name: 'Too much', price: '5.00', discountType: 'amount', discountSum: '6.00' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'rows.0.price',
      'rows.1.discountSum',
      'rows.2.productId',
      'rows.3.price',
      'rows.4.discountSum',
    ]);
    const badQty = await put(t.admin, `/api/v1/deals/${deal.body.id}/product-rows`, {
      rows: [{ name: 'x', price: '1', quantity: '1.2345' }],
    });
    expect(badQty.status).toBe(400);
    expect(badQty.body.error.details[0].field).toBe('rows.0.quantity');
    const zero = await put(t.admin, `/api/v1/deals/${deal.body.id}/product-rows`, {
      rows: [{ name: 'x', price: '1', quantity: 0 }],
    });
    expect(zero.status).toBe(400);
    expect((await t.admin.get(`/api/v1/deals/${deal.body.id}`)).body.version).toBe(1);
  });

  it('follows the record rights: out of reach 404, read-only 403', async () => {
    const depA = await department('Sales A');
    const depB = await department('Sales B');
    const owner = await t.user({ departmentId: depA });
    const colleague = await t.user({ departmentId: depA });
    const stranger = await t.user({ departmentId: depB });
    const deal = await owner.post('/api/v1/deals', { title: 'Mine' });
    expect(deal.status).toBe(201);
    const url = `/api/v1/deals/${deal.body.id}/product-rows`;
    const rows = { rows: [{ productId, quantity: '1' }] };
    expect((await put(owner, url, rows)).status).toBe(200);

    expect((await stranger.get(url)).status).toBe(404);
    expect((await put(stranger, url, rows)).status).toBe(404);
    const read = await colleague.get(url);
    expect(read.status).toBe(200);
    expect(read.body.totals.total).toBe('40.00');
    expect((await put(colleague, url, { rows: [] })).status).toBe(403);
    expect((await t.admin.get(`/api/v1/deals/${deal.body.id}`)).body.amount).toBe('40.00');
    expect((await owner.get('/api/v1/deals/999999/product-rows')).status).toBe(404);
  });
});
