import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const fields = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field);

describe('currencies', () => {
  it('adds currencies and keeps exactly one base', async () => {
    const manager = await t.user({});
    const list = await manager.get('/api/v1/currencies');
    expect(list.status).toBe(200);
    expect(
      list.body.items.filter((c: { isBase: boolean }) => c.isBase).map((c: { code: string }) => c.code),
    ).toEqual(['USD']);
    expect((await manager.post('/api/v1/currencies', { code: 'GEL', name: 'Lari' })).status).toBe(403);

    const gel = await t.admin.post('/api/v1/currencies', { code: 'GEL', name: 'Georgian lari' });
    expect(gel.status).toBe(201);
    expect(gel.body).toMatchObject({ code: 'GEL', exponent: 2, isBase: false });
    expect((await t.admin.post('/api/v1/currencies', { code: 'GEL', name: 'Again' })).status).toBe(409);
    const bad = await t.admin.post('/api/v1/currencies', { code: 'gel1', name: 'X', exponent: 5 });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['code', 'exponent']));

    const base = await t.admin.patch('/api/v1/currencies/AMD', { isBase: true, exponent: 0 });
    expect(base.body).toMatchObject({ code: 'AMD', isBase: true, exponent: 0 });
    const now = await t.admin.get('/api/v1/currencies');
    expect(
      now.body.items.filter((c: { isBase: boolean }) => c.isBase).map((c: { code: string }) => c.code),
    ).toEqual(['AMD']);
    expect(fields(await t.admin.patch('/api/v1/currencies/AMD', { isBase: false }))).toEqual(['isBase']);
    expect((await t.admin.patch('/api/v1/currencies/XYZ', { name: 'X' })).status).toBe(404);
  });
});

describe('sources', () => {
  it('adds sources with codes from their names and keeps the ones records use', async () => {
    const ads = await t.admin.post('/api/v1/sources', { name: 'Instagram ads' });
    expect(ads.status).toBe(201);
    expect(ads.body.code).toBe('INSTAGRAM_ADS');
    const again = await t.admin.post('/api/v1/sources', { name: 'Instagram Ads!' });
    expect(again.body.code).toBe('INSTAGRAM_ADS_2');
    expect((await t.admin.post('/api/v1/sources', { name: 'X', code: 'CALL' })).status).toBe(409);
    expect((await (await t.user({})).post('/api/v1/sources', { name: 'Mine' })).status).toBe(403);

    const renamed = await t.admin.patch(`/api/v1/sources/${ads.body.id}`, { name: 'Instagram', sort: 5 });
    expect(renamed.body).toMatchObject({ name: 'Instagram', sort: 5, code: 'INSTAGRAM_ADS' });

    const contact = await t.admin.post('/api/v1/contacts', { name: 'Ivan', sourceId: ads.body.id });
    expect(contact.status).toBe(201);
    const used = await t.admin.delete(`/api/v1/sources/${ads.body.id}`);
    expect(used.status).toBe(409);
    expect(used.body.error.message).toMatch(/contacts/);
    expect((await t.admin.delete(`/api/v1/sources/${again.body.id}`)).status).toBe(204);
    const codes = (await t.admin.get('/api/v1/sources')).body.items.map((s: { code: string }) => s.code);
    expect(codes).toContain('INSTAGRAM_ADS');
    expect(codes).not.toContain('INSTAGRAM_ADS_2');
  });
});

describe('lead statuses', () => {
  it('keeps exactly one converted status and passes semantics changes on to leads', async () => {
    const list = await t.admin.get('/api/v1/lead-statuses');
    expect(list.body.items.map((s: { code: string }) => s.code)).toEqual([
      'NEW',
      'IN_PROCESS',
      'PROCESSED',
      'JUNK',
      'CONVERTED',
    ]);
    const callBack = await t.admin.post('/api/v1/lead-statuses', { name: 'Call back', color: '#F08C00' });
    expect(callBack.status).toBe(201);
    expect(callBack.body).toMatchObject({ code: 'CALL_BACK', semantics: 'process', color: '#f08c00' });
    const ordered = (await t.admin.get('/api/v1/lead-statuses')).body.items.map(
      (s: { code: string }) => s.code,
    );
    expect(ordered).toEqual(['NEW', 'IN_PROCESS', 'PROCESSED', 'CALL_BACK', 'JUNK', 'CONVERTED']);

    const secondConverted = await t.admin.post('/api/v1/lead-statuses', {
      name: 'Won',
      semantics: 'converted',
    });
    expect(fields(secondConverted)).toEqual(['semantics']);
    const converted = list.body.items.find((s: { semantics: string }) => s.semantics === 'converted');
    expect(
      fields(await t.admin.patch(`/api/v1/lead-statuses/${converted.id}`, { semantics: 'process' })),
    ).toEqual(['semantics']);
    expect((await t.admin.delete(`/api/v1/lead-statuses/${converted.id}`)).status).toBe(409);
    expect(
      fields(await t.admin.patch(`/api/v1/lead-statuses/${converted.id}`, { semantics: 'lost' })),
    ).toEqual(['semantics']);

    const lead = await t.admin.post('/api/v1/leads', {
      title: 'Website request',
      statusId: callBack.body.id,
    });
    expect(lead.body.statusSemantics).toBe('process');
    const junk = await t.admin.patch(`/api/v1/lead-statuses/${callBack.body.id}`, { semantics: 'junk' });
    expect(junk.body.semantics).toBe('junk');
    expect((await t.admin.get(`/api/v1/leads/${lead.body.id}`)).body.statusSemantics).toBe('junk');

    const inUse = await t.admin.delete(`/api/v1/lead-statuses/${callBack.body.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toMatch(/has leads/);
    await t.admin.delete(`/api/v1/leads/${lead.body.id}`);
    expect((await t.admin.delete(`/api/v1/lead-statuses/${callBack.body.id}`)).status).toBe(204);
    expect(
      (await (await t.user({})).patch(`/api/v1/lead-statuses/${converted.id}`, { name: 'X' })).status,
    ).toBe(403);
  });
});
