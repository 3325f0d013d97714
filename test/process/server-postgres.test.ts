import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, tempDir } from '../support/process.js';
import { createTestDb } from '../support/test-db.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the server process on PostgreSQL', () => {
  it('runs the same code with DATABASE_URL=postgres://…', async () => {
    const { url, drop } = await createTestDb();
    const dir = tempDir('sevan-pg-start-');
    dirs.push(dir);
    const server = await startServer({
      DATA_DIR: dir,
      DATABASE_URL: url as string,
      SEVAN_ADMIN_PASSWORD: 'pg-admin-password',
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect(await (await fetch(`${base}/api/health`)).json()).toEqual({
        status: 'ok',
        database: 'postgres',
      });
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@sevan.local', password: 'pg-admin-password' }),
      });
      expect(login.status).toBe(200);
      expect(fs.existsSync(`${dir}/sevan.sqlite`)).toBe(false);
    } finally {
      expect(await server.stop()).toBe(0);
      await drop();
    }
  });
});
