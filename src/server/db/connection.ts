import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { CacheInvalidationPlugin, type CacheView, QueryCache } from './cache.js';
import { GroupCommit } from './group-commit.js';
import type { DB } from './schema.js';
import { withStatementCache } from './sqlite-statements.js';

export type Dialect = 'sqlite' | 'postgres';

/** The database handle passed down every request path: Kysely plus which engine it talks to. */
export interface Db {
  kysely: Kysely<DB>;
  dialect: Dialect;
  /** See cache.ts; a transaction's handle has the transaction's view of it. */
  cache: CacheView;
  /** Shared by the handle and its transactions: local delivery of live changes (see live/changes.ts). */
  live: EventEmitter;
  /** Inside a transaction opened by withTx: callbacks to run once it commits. */
  committed?: (() => void)[];
  /**
   * Inside a SQLite transaction: writes that run last, just before the commit. The full-text index goes
   * there (see indexDoc): FTS5 flushes its pending terms at every later statement of the transaction, so
   * one flush for all of a commit's documents is much cheaper than one per statement.
   */
  beforeCommit?: (() => Promise<void>)[];
  /** Inside a transaction opened by withTx: the handle outside it, for work after the commit. */
  outside?: Kysely<DB>;
  /** SQLite: the queue that lets waiting transactions share one commit (see group-commit.ts). */
  group?: GroupCommit;
  /** PostgreSQL: the connection string, for the connection that listens to live changes. */
  url?: string;
  close(): Promise<void>;
}

// pg returns BIGINT/count(*) as strings and timestamptz as Date. Normalise both to what SQLite gives
// (numbers and ISO-8601 strings), so the repositories see one shape. Amounts stay below 2^53 hundredths.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(1082, (v) => v);

function liveEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0); // one listener per open live stream
  return emitter;
}

/** The settings of every SQLite connection of the server (and of the benchmark's raw side). */
export function applySqlitePragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // 32 MB of pages in the process; the operating system's file cache holds the rest of a large database
  sqlite.pragma('cache_size = -32768');
  // Copy the log back into the database every 10,000 pages (40 MB) rather than SQLite's 1,000. A checkpoint
  // writes each page once, however many commits changed it, and syncs both files; under a stream of writes
  // the pages every commit touches (the tails of tables and of their id-ordered indexes) are copied ten
  // times less often, and the syncs are ten times fewer (docs/decisions/0006).
  sqlite.pragma('wal_autocheckpoint = 10000');
}

export interface DbOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** SQLite file name inside dataDir; ':memory:' for a throwaway database. */
  sqliteFile?: string;
  poolSize?: number;
}

export function createDb(opts: DbOptions): Db {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server closed (a restart, an administrator ending sessions): the pool drops it
    // and opens a new one when needed. Without a listener the error would end the process.
    pool.on('error', () => {});
    const cache = new QueryCache();
    const kysely = new Kysely<DB>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CacheInvalidationPlugin(cache)],
    });
    const url = opts.databaseUrl;
    return { kysely, dialect: 'postgres', url, cache, live: liveEmitter(), close: () => kysely.destroy() };
  }
  const file = opts.sqliteFile ?? 'sevan.sqlite';
  let target = file;
  if (file !== ':memory:') {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    target = path.join(opts.dataDir, file);
  }
  const sqlite = new Database(target);
  applySqlitePragmas(sqlite);
  const cache = new QueryCache();
  const kysely = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CacheInvalidationPlugin(cache)],
  });
  const group = new GroupCommit(kysely);
  return { kysely, dialect: 'sqlite', cache, live: liveEmitter(), group, close: () => kysely.destroy() };
}
