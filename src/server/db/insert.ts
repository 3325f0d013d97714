import { CompiledQuery } from 'kysely';
import { dropsCacheEntries } from './cache.js';
import type { Db } from './connection.js';

type Values = Record<string, unknown>;

/** SQL text by engine, table, columns, row count and RETURNING: the record engine writes a few shapes. */
const texts = new Map<string, string>();
const MAX_TEXTS = 500;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function textOf(db: Db, table: string, columns: string[], rowCount: number, returning: boolean): string {
  const key = `${db.dialect}|${table}|${columns.join(',')}|${rowCount}|${returning ? 'r' : ''}`;
  let text = texts.get(key);
  if (text === undefined) {
    let n = 0;
    const mark = () => (db.dialect === 'postgres' ? `$${++n}` : '?');
    const row = () => `(${columns.map(mark).join(', ')})`;
    text =
      `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ` +
      Array.from({ length: rowCount }, row).join(', ') +
      (returning ? ' returning *' : '');
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/**
 * INSERT of rows that share their columns (those of the first row that are not undefined, as Kysely
 * leaves undefined out), with the SQL text kept per shape. Kysely builds and compiles a query on every
 * call, which for a wide record row costs more than SQLite takes to insert it; the hot write path (records,
 * their links, history) goes through here. Tables whose writes drop cache entries (db/cache.ts) go
 * through Kysely, whose plugin does that.
 */
export async function insertRows<R = Values>(
  db: Db,
  table: string,
  rows: Values[],
  returning = false,
): Promise<R[]> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first).filter((c) => first[c] !== undefined);
  if (dropsCacheEntries(table)) throw new Error(`insertRows: writes to ${table} must go through Kysely`);
  const params = rows.flatMap((r) => columns.map((c) => r[c] ?? null));
  const result = await db.kysely.executeQuery<R>(
    CompiledQuery.raw(textOf(db, table, columns, rows.length, returning), params),
  );
  return result.rows;
}
