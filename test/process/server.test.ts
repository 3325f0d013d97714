import fs from 'node:fs';
import https from 'node:https';
import { afterAll, describe, expect, it } from 'vitest';
import { selfSignedCert, startServer, tempDir } from '../support/process.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

// These start the real process on its embedded SQLite default, as `npm start` does on a fresh machine.
// (The PostgreSQL run has server-postgres.test.ts instead; vitest.config.ts picks the file per engine.)
describe('the server process', () => {
  it('starts on an empty data folder, creates the administrator with a printed password, and signs in', async () => {
    const dir = tempDir('sevan-start-');
    dirs.push(dir);
    const server = await startServer({ DATA_DIR: dir });
    try {
      const password = /Password \(shown once[^)]*\): (\S+)/.exec(server.output())?.[1];
      expect(password).toBeTruthy();
      expect(fs.existsSync(`${dir}/sevan.sqlite`)).toBe(true);
      const base = `http://127.0.0.1:${server.port}`;
      expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok', database: 'sqlite' });
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@sevan.local', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/sevan_session=.*HttpOnly.*SameSite=Lax/i);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const session = cookie.split(';')[0] as string;
      const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: session } });
      expect(((await me.json()) as { email: string }).email).toBe('admin@sevan.local');
      const noCsrf = await fetch(`${base}/api/v1/deals`, {
        method: 'POST',
        headers: { cookie: session, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x' }),
      });
      expect(noCsrf.status).toBe(403);
      const withCsrf = await fetch(`${base}/api/v1/deals`, {
        method: 'POST',
        headers: { cookie: session, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ title: 'From the browser' }),
      });
      expect(withCsrf.status).toBe(201);
      const openapi = await fetch(`${base}/api/v1/openapi.json`);
      expect(openapi.status).toBe(200);
      expect((await fetch(`${base}/api/docs/`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // A second start on the same data keeps the data and creates no second administrator.
    const again = await startServer({ DATA_DIR: dir });
    expect(again.output()).not.toMatch(/Password/);
    await again.stop();
  });

  it('finishes an in-flight request on SIGTERM and exits cleanly', async () => {
    const dir = tempDir('sevan-term-');
    dirs.push(dir);
    const server = await startServer({
      DATA_DIR: dir,
      SEVAN_ADMIN_EMAIL: 'boss@example.com',
      SEVAN_ADMIN_PASSWORD: 'boss-password',
    });
    const base = `http://127.0.0.1:${server.port}`;
    // Sign-in hashes a password (tens of ms): the signal arrives while it is in flight.
    const inflight = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'boss-password' }),
    });
    await new Promise((r) => setTimeout(r, 5));
    const code = server.stop('SIGTERM');
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(await code).toBe(0);
  });

  it('serves HTTPS with TLS_CERT and TLS_KEY', async () => {
    const dir = tempDir('sevan-tls-');
    dirs.push(dir);
    const { cert, key } = selfSignedCert(dir);
    const server = await startServer({
      DATA_DIR: dir,
      TLS_CERT: cert,
      TLS_KEY: key,
      SEVAN_ADMIN_PASSWORD: 'tls-password',
    });
    try {
      expect(server.output()).toContain('https://127.0.0.1');
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get(`https://127.0.0.1:${server.port}/api/health`, { ca: fs.readFileSync(cert) }, (res) => {
            let text = '';
            res.on('data', (d) => {
              text += String(d);
            });
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(JSON.parse(body)).toEqual({ status: 'ok', database: 'sqlite' });
    } finally {
      await server.stop();
    }
  });

  it('refuses to start with a clear list of every configuration problem', async () => {
    const dir = tempDir('sevan-bad-');
    dirs.push(dir);
    await expect(
      startServer({ DATA_DIR: dir, PORT: 'x', DATABASE_URL: 'mysql://nope', TLS_CERT: '/tmp/c.pem' }),
    ).rejects.toThrow(/Invalid configuration:[\s\S]*PORT[\s\S]*DATABASE_URL[\s\S]*TLS_CERT/);
  });
});
