import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_RATE_LIMIT: 5 });
});
afterAll(async () => t.close());

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('sign-in, sessions and API tokens', () => {
  it('signs in with a session cookie and signs out', async () => {
    const res = await login('ADMIN@test.local', 'admin-password');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sevan_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { sevan_session: cookie?.value ?? '' },
    });
    expect(me.json()).toMatchObject({ email: 'admin@test.local', isAdmin: true });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { sevan_session: cookie?.value ?? '' },
    });
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { sevan_session: cookie?.value ?? '' },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/expired|sign in/i);
  });

  it('answers a wrong password with the same 401 as an unknown email, and rate-limits attempts', async () => {
    const wrong = await login('manager-x@test.local', 'nope');
    const unknown = await login('admin@test.local', 'wrong-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('victim@test.local', `guess-${i}`)).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses[5]).toBe(429);
    const limited = await login('victim@test.local', 'guess');
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });

  it('creates API tokens shown once and stored hashed; a revoked token stops working', async () => {
    const created = await t.admin.post('/api/v1/api-tokens', { name: 'Website form' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^sevan_/);
    const stored = await t.db.kysely
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const list = await t.admin.get('/api/v1/api-tokens');
    expect(list.body.items.find((i: { id: number }) => i.id === created.body.id)).not.toHaveProperty('token');
    const client = new Client(t.app, token, t.admin.userId);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await t.admin.delete(`/api/v1/api-tokens/${created.body.id}`)).status).toBe(204);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it('gives a token its user’s rights, no more', async () => {
    const manager = await t.user({ roleCode: 'sales_manager' });
    expect(
      (await manager.post('/api/v1/custom-fields', { entityType: 'deal', name: 'x', type: 'string' })).status,
    ).toBe(403);
    const others = await manager.get(`/api/v1/api-tokens`);
    expect(others.body.items.length).toBe(1);
  });
});
