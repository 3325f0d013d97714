import Database from 'better-sqlite3';
import pg from 'pg';
import { applySqlitePragmas, type Dialect } from '../src/server/db/connection.js';

/**
 * Plain SQL on the benchmark database, without Kysely or the services: prepared statements on
 * better-sqlite3, named prepared statements on one pg connection. Statements use `?` placeholders.
 */
export interface Raw {
  dialect: Dialect;
  all<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  run(text: string, params?: unknown[]): Promise<void>;
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** Opened with the pragmas of the app's connections, so raw SQL and the app see the same settings. */
export function openSqlite(file: string): Database.Database {
  const sqlite = new Database(file);
  applySqlitePragmas(sqlite);
  return sqlite;
}

export function sqliteRaw(db: Database.Database): Raw {
  const cache = new Map<string, Database.Statement>();
  const stmt = (text: string) => {
    let s = cache.get(text);
    if (!s) {
      s = db.prepare(text);
      cache.set(text, s);
    }
    return s;
  };
  return {
    dialect: 'sqlite',
    async all<T>(text: string, params: unknown[] = []) {
      return stmt(text).all(...params) as T[];
    },
    async run(text, params = []) {
      stmt(text).run(...params);
    },
    async exec(script) {
      db.exec(script);
    },
    async close() {
      cache.clear();
    },
  };
}

const toDollars = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

export async function pgRaw(url: string): Promise<Raw> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const names = new Map<string, { name: string; text: string }>();
  const named = (text: string) => {
    let q = names.get(text);
    if (!q) {
      q = { name: `bench_${names.size + 1}`, text: toDollars(text) };
      names.set(text, q);
    }
    return q;
  };
  return {
    dialect: 'postgres',
    async all<T>(text: string, params: unknown[] = []) {
      const q = named(text);
      return (await client.query({ name: q.name, text: q.text, values: params })).rows as T[];
    },
    async run(text, params = []) {
      const q = named(text);
      await client.query({ name: q.name, text: q.text, values: params });
    },
    async exec(script) {
      await client.query(script);
    },
    close: () => client.end(),
  };
}
