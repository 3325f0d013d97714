import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/server/db/connection.js';
import { migrate } from '../../src/server/db/migrate.js';
import { seedDefaults } from '../../src/server/db/seed/defaults.js';

export const engine: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh, migrated database with the default reference data, on the engine the run tests. */
export async function createTestDb(): Promise<{
  db: Db;
  url: string | undefined;
  drop: () => Promise<void>;
}> {
  if (engine === 'postgres') {
    const adminUrl = inject('pgAdminUrl');
    const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = adminUrl.replace(/\/postgres$/, `/${name}`);
    const db = createDb({ databaseUrl: url, dataDir: '' });
    await migrate(db);
    await seedDefaults(db);
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sevan-test-'));
  const db = createDb({ dataDir: dir });
  await migrate(db);
  await seedDefaults(db);
  return {
    db,
    url: undefined,
    drop: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
