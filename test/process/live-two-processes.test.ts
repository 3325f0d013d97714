import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.js';
import { type RunningServer, startServer, tempDir } from '../support/process.js';
import { isChange, SseClient } from '../support/sse.js';
import { createTestDb } from '../support/test-db.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const PASSWORD = 'live-admin-password';

/** Signs in on one process: the session cookie and the CSRF token its writes need. */
async function signIn(server: RunningServer) {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@sevan.local', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe('live updates on PostgreSQL (LISTEN/NOTIFY)', () => {
  it('a change made through one process reaches a stream of the other within a second', async () => {
    const { url, drop } = await createTestDb();
    const dir = tempDir('sevan-live-');
    dirs.push(dir);
    const env = { DATA_DIR: dir, DATABASE_URL: url as string, SEVAN_ADMIN_PASSWORD: PASSWORD };
    const a = await startServer(env);
    const b = await startServer(env);
    try {
      const onA = await signIn(a);
      const onB = await signIn(b);
      const stream = await SseClient.open(`http://127.0.0.1:${a.port}/api/v1/events`, { cookie: onA.cookie });
      expect(stream.status).toBe(200);

      const write = (method: string, path: string, body: unknown) =>
        fetch(`http://127.0.0.1:${b.port}${path}`, {
          method,
          headers: { 'content-type': 'application/json', cookie: onB.cookie, 'x-csrf-token': onB.csrfToken },
          body: JSON.stringify(body),
        });
      let started = Date.now();
      const created = await write('POST', '/api/v1/deals', { title: 'Made on B', amount: '10.00' });
      expect(created.status).toBe(201);
      const deal = (await created.json()) as { id: number };
      await stream.waitFor(isChange('deal', deal.id, 'created'), 1000);
      expect(Date.now() - started).toBeLessThan(1000);

      started = Date.now();
      const updated = await write('PATCH', `/api/v1/deals/${deal.id}`, { amount: '20.00' });
      expect(updated.status).toBe(200);
      await stream.waitFor(isChange('deal', deal.id, 'updated'), 1000);
      expect(Date.now() - started).toBeLessThan(1000);

      // a graceful stop ends the open stream instead of waiting for it
      const stopping = Date.now();
      expect(await a.stop()).toBe(0);
      await stream.waitForEnd(1000);
      expect(Date.now() - stopping).toBeLessThan(5000);
    } finally {
      await a.stop();
      expect(await b.stop()).toBe(0);
      await drop();
    }
  });

  it('re-establishes a dropped listening connection and tells streams to refresh', async () => {
    const t = await startTestApp();
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.app.server.address() as AddressInfo).port;
      const stream = await SseClient.open(`http://127.0.0.1:${port}/api/v1/events`, {
        authorization: `Bearer ${t.admin.token}`,
      });
      const listening = sql<{ pid: number }>`select pid from pg_stat_activity
        where datname = current_database() and query ilike 'listen%'`;
      const { rows } = await listening.execute(t.db.kysely);
      expect(rows).toHaveLength(1);
      await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(t.db.kysely);
      await stream.waitFor((e) => e.event === 'resync', 5000);
      const deal = await t.admin.post('/api/v1/deals', { title: 'After the reconnect' });
      await stream.waitFor(isChange('deal', deal.body.id, 'created'), 1000);
      stream.close();
    } finally {
      await t.close();
    }
  });
});
