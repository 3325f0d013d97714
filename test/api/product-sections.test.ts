import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const base = '/api/v1/product-sections';

describe('product catalog sections', () => {
  it('builds a tree, refuses cycles, and deleting moves products to no section', async () => {
    const root = await t.admin.post(base, { name: 'Computers' });
    expect(root.status).toBe(201);
    expect(root.body).toMatchObject({ name: 'Computers', parentId: null });
    const child = await t.admin.post(base, { name: 'Laptops', parentId: root.body.id });
    const grandchild = await t.admin.post(base, { name: '14 inch', parentId: child.body.id, sort: 10 });
    expect(grandchild.body).toMatchObject({ parentId: child.body.id, sort: 10 });

    const missingParent = await t.admin.post(base, { name: 'Orphan', parentId: 999_999 });
    expect(missingParent.status).toBe(400);
    expect(missingParent.body.error.details[0].field).toBe('parentId');

    const cycle = await t.admin.patch(`${base}/${root.body.id}`, { parentId: grandchild.body.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details[0].field).toBe('parentId');
    const self = await t.admin.patch(`${base}/${child.body.id}`, { parentId: child.body.id });
    expect(self.status).toBe(400);

    const renamed = await t.admin.patch(`${base}/${child.body.id}`, { name: 'Notebooks' });
    expect(renamed.body).toMatchObject({ id: child.body.id, name: 'Notebooks', parentId: root.body.id });
    expect((await t.admin.patch(`${base}/${child.body.id}`, {})).status).toBe(400);

    const product = await t.admin.post('/api/v1/products', { name: 'Laptop', sectionId: child.body.id });
    expect(product.body.sectionId).toBe(child.body.id);

    const list = await t.admin.get(base);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual([
      '14 inch',
      'Computers',
      'Notebooks',
    ]);

    expect((await t.admin.delete(`${base}/${child.body.id}`)).status).toBe(204);
    const moved = await t.admin.get(`/api/v1/products/${product.body.id}`);
    expect(moved.body).toMatchObject({ sectionId: null, version: 2 });
    const lifted = await t.admin.get(`${base}/${grandchild.body.id}`);
    expect(lifted.body.parentId).toBe(root.body.id);
    expect((await t.admin.get(`${base}/${child.body.id}`)).status).toBe(404);
    expect((await t.admin.delete(`${base}/${child.body.id}`)).status).toBe(404);
  });

  it('needs the product rights to write, not to read', async () => {
    const section = await t.admin.post(base, { name: 'Services' });
    const manager = await t.user({ roleCode: 'sales_manager' });
    expect((await manager.get(base)).status).toBe(200);
    expect((await manager.post(base, { name: 'Mine' })).status).toBe(403);
    expect((await manager.patch(`${base}/${section.body.id}`, { name: 'Other' })).status).toBe(403);
    expect((await manager.delete(`${base}/${section.body.id}`)).status).toBe(403);
    const head = await t.user({ roleCode: 'sales_head' });
    expect((await head.post(base, { name: 'Head made' })).status).toBe(201);
  });

  it('validates the body', async () => {
    const res = await t.admin.post(base, { name: '', colour: 'red' });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['colour', 'name']);
  });
});
