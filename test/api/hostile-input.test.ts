import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const raw = (method: 'POST' | 'PATCH', url: string, payload: string, contentType = 'application/json') =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': contentType },
  });

const NASTY = [
  "Robert'); DROP TABLE deals;--",
  '<script>alert("x")</script> & <b>bold</b>',
  'Эмодзи 🚀🔥 и кириллица, Հայերեն տառեր',
  '%_\\ like wildcards \' " ` ; -- /* */',
  '\u0000'.replace('\u0000', 'null\\u0000byte'),
];

describe('hostile input', () => {
  it('answers malformed JSON with a clear 400, never a 500', async () => {
    const res = await raw('POST', '/api/v1/deals', '{"title": "x",');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('MALFORMED_JSON');
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('refuses __proto__ and constructor keys', async () => {
    for (const payload of [
      '{"title":"x","__proto__":{"isAdmin":true}}',
      '{"title":"x","constructor":{"prototype":{"a":1}}}',
    ]) {
      const res = await raw('POST', '/api/v1/deals', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toMatch(/MALFORMED_JSON|VALIDATION_FAILED/);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('names each bad field: wrong type, unknown field, too long, bad money', async () => {
    const res = await t.admin.post('/api/v1/deals', {
      title: 'x'.repeat(300),
      amount: '12.345',
      probability: 'high',
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['amount', 'colour', 'probability', 'title']);
    const byField = Object.fromEntries(
      res.body.error.details.map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    expect(byField.colour).toBe('unknown field');
    expect(byField.title).toMatch(/at most 255/);
    const missing = await t.admin.post('/api/v1/deals', {});
    expect(missing.body.error.details).toContainEqual({ field: 'title', message: 'is required' });
    // a value of the wrong type is not called missing
    const wrong = await t.admin.post('/api/v1/deals', { title: 'Typed wrong', contactIds: 'a' });
    expect(wrong.status).toBe(400);
    const contactIssue = wrong.body.error.details.find((d: { field: string }) => d.field === 'contactIds');
    expect(contactIssue.message).not.toBe('is required');
  });

  it('answers a 10 MB body with 413', async () => {
    const res = await raw(
      'POST',
      '/api/v1/deals',
      JSON.stringify({ title: 'x', comments: 'a'.repeat(10 * 1024 * 1024) }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('stores SQL and HTML metacharacters and emoji verbatim in every text field', async () => {
    for (const text of NASTY) {
      const contact = await t.admin.post('/api/v1/contacts', {
        name: text,
        lastName: text,
        post: text,
        address: text,
        comments: text,
        emails: [{ value: 'safe@example.com', type: 'work' }],
        messengers: [{ value: text, type: 'telegram' }],
      });
      expect(contact.status, JSON.stringify(contact.body)).toBe(201);
      const got = await t.admin.get(`/api/v1/contacts/${contact.body.id}`);
      for (const f of ['name', 'lastName', 'post', 'address', 'comments']) expect(got.body[f]).toBe(text);
      expect(got.body.messengers[0].value).toBe(text);
      const deal = await t.admin.post('/api/v1/deals', {
        title: text,
        comments: text,
        sourceDescription: text,
      });
      expect(deal.status).toBe(201);
      expect((await t.admin.get(`/api/v1/deals/${deal.body.id}`)).body).toMatchObject({
        title: text,
        comments: text,
      });
      const found = await t.admin.get(
        `/api/v1/deals?filter=${encodeURIComponent(JSON.stringify({ title: { contains: text } }))}`,
      );
      expect(found.status).toBe(200);
      expect(found.body.items.map((d: { id: number }) => d.id)).toContain(deal.body.id);
    }
    const count = await t.db.kysely
      .selectFrom('deals')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(NASTY.length);
  });

  it('refuses NUL characters with a 400 on both engines', async () => {
    const res = await t.admin.post('/api/v1/contacts', {
      name: 'Nul\u0000name',
      phones: [{ value: '+1 555\u0000', type: 'work' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['name', 'phones.0.value']);
    const filter = await t.admin.get(
      `/api/v1/deals?filter=${encodeURIComponent(JSON.stringify({ title: { contains: 'a\u0000' } }))}`,
    );
    expect(filter.status).toBe(400);
    expect(filter.body.error.details[0].field).toBe('filter.title.contains');
    expect((await t.admin.get('/api/v1/search?q=ab%00c')).status).toBe(400);
  });

  it('treats LIKE wildcards in a contains filter as plain characters', async () => {
    await t.admin.post('/api/v1/companies', { title: '100% natural' });
    await t.admin.post('/api/v1/companies', { title: '1000 natural' });
    const res = await t.admin.get(
      `/api/v1/companies?filter=${encodeURIComponent(JSON.stringify({ title: { contains: '100%' } }))}`,
    );
    expect(res.body.items.map((c: { title: string }) => c.title)).toEqual(['100% natural']);
  });

  it('answers filters on unknown fields, with wrong operators or wrong values with 400', async () => {
    const cases: [unknown, string][] = [
      [{ secret: 1 }, 'filter.secret'],
      [{ amount: { like: '1' } }, 'filter.amount.like'],
      [{ amount: { contains: '1' } }, 'filter.amount.contains'],
      [{ amount: { gt: 'lots' } }, 'filter.amount.gt'],
      [{ id: { in: 'x' } }, 'filter.id.in'],
      [{ or: [{ nope: 1 }] }, 'filter.or.0.nope'],
      [{ createdAt: { gt: 'yesterday' } }, 'filter.createdAt.gt'],
      [[1, 2], 'filter'],
    ];
    for (const [filter, field] of cases) {
      const res = await t.admin.get(`/api/v1/deals?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(res.status, JSON.stringify(filter)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const notJson = await t.admin.get('/api/v1/deals?filter=%7Bnot-json');
    expect(notJson.status).toBe(400);
    const badSort = await t.admin.get('/api/v1/deals?sort=-password');
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.details[0].field).toBe('sort');
    const badCursor = await t.admin.get('/api/v1/deals?cursor=abc');
    expect(badCursor.status).toBe(400);
    const badLimit = await t.admin.get('/api/v1/deals?limit=501');
    expect(badLimit.status).toBe(400);
    const search = await t.admin.post('/api/v1/deals/search', { filter: { title: { eq: 5 } } });
    expect(search.status).toBe(400);
  });

  it('answers missing or bad credentials with 401 and an unknown route with 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/deals' })).statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/deals',
      headers: { authorization: 'Bearer nope' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('UNAUTHENTICATED');
    expect((await t.admin.get('/api/v1/nothing-here')).status).toBe(404);
    expect((await t.admin.get('/api/v1/deals/99999999')).status).toBe(404);
    expect((await t.admin.get('/api/v1/deals/abc')).status).toBe(400);
  });
});
