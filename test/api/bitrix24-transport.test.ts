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

describe('Bitrix24 transport', () => {
  it('answers a JSON POST with result and the time object', async () => {
    const res = await call(t, hook, 'crm.lead.add', { fields: { TITLE: 'From JSON', NAME: 'Anna' } });
    expect(res.status).toBe(200);
    expect(typeof res.body.result).toBe('number');
    expect(res.body.time).toMatchObject({
      start: expect.any(Number),
      finish: expect.any(Number),
      duration: expect.any(Number),
      processing: expect.any(Number),
      operating: 0,
      operating_reset_at: expect.any(Number),
    });
    expect(res.body.time.date_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  });

  it('reads PHP-style brackets from a GET query string, a form body and a multipart body', async () => {
    for (const encoding of ['query', 'form', 'multipart'] as const) {
      const title = `Company via ${encoding}`;
      const added = await call(
        t,
        hook,
        'crm.company.add',
        { fields: { TITLE: title, PHONE: [{ VALUE: '+7 916 000-00-01', VALUE_TYPE: 'MOBILE' }] } },
        encoding,
      );
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      const got = await call(t, hook, 'crm.company.get', { id: added.body.result }, encoding);
      expect(got.body.result.TITLE).toBe(title);
      expect(got.body.result.PHONE).toEqual([
        { ID: expect.any(String), VALUE_TYPE: 'MOBILE', VALUE: '+7 916 000-00-01', TYPE_ID: 'PHONE' },
      ]);
    }
  });

  it('takes raw and percent-encoded brackets, a trailing &, and ignores the SDK telemetry', async () => {
    const id = (await call(t, hook, 'crm.deal.add', { fields: { TITLE: 'Raw brackets' } })).body.result;
    const raw = await t.app.inject({
      method: 'GET',
      url: `${hook.base}crm.deal.list?filter[ID]=${id}&select[]=ID&select[]=TITLE&`,
    });
    expect(raw.json().result).toEqual([{ ID: String(id), TITLE: 'Raw brackets' }]);
    const encoded = await t.app.inject({
      method: 'POST',
      url: `${hook.base}crm.deal.list?bx24_request_id=abc&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `filter%5B%3E%3DID%5D=${id}&select%5B0%5D=TITLE`,
    });
    expect(encoded.json().result).toEqual([{ ID: String(id), TITLE: 'Raw brackets' }]);
  });

  it('accepts the .json suffix, a trailing slash and any letter case in the method name', async () => {
    for (const method of ['server.time.json', 'server.time/', 'SERVER.Time.json/', 'Server.Time']) {
      const res = await call(t, hook, method);
      expect(res.status, method).toBe(200);
      expect(res.body.result).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    }
  });

  it('refuses a wrong secret with 401, an unknown method with 404', async () => {
    const wrong = await call(t, { ...hook, base: `/rest/${hook.userId}/not-the-secret/` }, 'crm.deal.list');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: 'INVALID_CREDENTIALS',
      error_description: 'Invalid request credentials',
    });
    const otherUser = await call(
      t,
      { ...hook, base: `/rest/${hook.userId + 1000}/${hook.secret}/` },
      'profile',
    );
    expect(otherUser.status).toBe(401);
    const oauth = await t.app.inject({ method: 'GET', url: '/rest/crm.deal.list?auth=abc' });
    expect(oauth.statusCode).toBe(401);
    expect(oauth.json().error).toBe('NO_AUTH_FOUND');
    const unknown = await call(t, hook, 'crm.nothing.here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('ERROR_METHOD_NOT_FOUND');
  });

  it('answers a malformed body or a NUL character with a Bitrix24 error, and a deactivated user with 401', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: `${hook.base}crm.deal.list`,
      headers: { 'content-type': 'application/json' },
      payload: '{"filter":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: 'INVALID_REQUEST',
      error_description: 'The request body is not valid JSON',
    });
    const empty = await t.app.inject({
      method: 'POST',
      url: `${hook.base}server.time`,
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(200);
    const nul = await call(t, hook, 'crm.company.add', { fields: { TITLE: 'a\u0000b' } });
    expect(nul.status).toBe(400);
    expect(nul.body.error).toBe('INVALID_ARG_VALUE');
    const leaver = await t.user({});
    const leaverHook = await createHook(t, { userId: leaver.userId, scopes: ['crm'] });
    expect((await t.admin.patch(`/api/v1/users/${leaver.userId}`, { active: false })).status).toBe(200);
    expect((await call(t, leaverHook, 'crm.deal.list')).status).toBe(401);
  });

  it('refuses a method outside the webhook scopes with insufficient_scope', async () => {
    const userOnly = await createHook(t, { scopes: ['user'] });
    const res = await call(t, userOnly, 'crm.deal.list');
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('insufficient_scope');
    expect((await call(t, userOnly, 'server.time')).status).toBe(200);
    const scope = await call(t, userOnly, 'scope');
    expect(scope.body.result).toEqual(['basic', 'user']);
    const methods = await call(t, userOnly, 'methods');
    expect(methods.body.result).not.toContain('crm.deal.list');
    expect(methods.body.result).toContain('server.time');
  });

  it('stops answering a revoked webhook', async () => {
    const temp = await createHook(t, { title: 'Temporary' });
    expect((await call(t, temp, 'server.time')).status).toBe(200);
    expect((await t.admin.delete(`/api/v1/webhooks/inbound/${temp.id}`)).status).toBe(204);
    expect((await call(t, temp, 'server.time')).status).toBe(401);
  });
});

describe('inbound webhook administration', () => {
  it('shows the secret and URL once, lists hooks without secrets, and is for administrators only', async () => {
    const res = await t.admin.post(
      '/api/v1/webhooks/inbound',
      { title: 'Website', scopes: ['crm'] },
      { host: 'crm.example.com' },
    );
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(`http://crm.example.com/rest/${res.body.userId}/${res.body.secret}/`);
    expect(res.body.secret).toMatch(/^[a-z0-9]{24}$/);
    const list = await t.admin.get('/api/v1/webhooks/inbound');
    const listed = list.body.items.find((h: { id: number }) => h.id === res.body.id);
    expect(listed).toMatchObject({ title: 'Website', scopes: ['crm'], revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    const manager = await t.user({});
    expect((await manager.get('/api/v1/webhooks/inbound')).status).toBe(403);
    expect((await manager.post('/api/v1/webhooks/inbound', { title: 'Mine' })).status).toBe(403);
    const bad = await t.admin.post('/api/v1/webhooks/inbound', { title: 'x', scopes: ['everything'] });
    expect(bad.status).toBe(400);
  });

  it('records when a webhook was last used', async () => {
    const h = await createHook(t, { title: 'Used' });
    await call(t, h, 'server.time');
    const list = await t.admin.get('/api/v1/webhooks/inbound');
    expect(list.body.items.find((x: { id: number }) => x.id === h.id).lastUsedAt).toBeTruthy();
  });
});

describe('Bitrix24 rate limit', () => {
  it('answers QUERY_LIMIT_EXCEEDED with 503 once the bucket is full', async () => {
    const limited = await startTestApp({ BITRIX24_RATE_BURST: 3, BITRIX24_RATE_PER_SECOND: 0.01 });
    try {
      const h = await createHook(limited);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await call(limited, h, 'server.time')).status);
      expect(statuses).toEqual([200, 200, 200, 503, 503]);
      const over = await call(limited, h, 'server.time');
      expect(over.body).toEqual({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
    } finally {
      await limited.close();
    }
  });
});
