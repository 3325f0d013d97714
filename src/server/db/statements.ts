import { CompiledQuery } from 'kysely';
import { dropsCacheEntries } from './cache.js';
import type { Db } from './connection.js';

type Values = Record<string, unknown>;

/**
 * The statements of the record write path that Kysely would build and compile anew on every call (which,
 * for a wide record row, costs more than SQLite takes to run them): their SQL text is kept per shape
 * (engine, table, columns, number of rows or ids), as the write path uses few shapes over and over.
 */
const texts = new Map<string, string>();
const MAX_TEXTS = 500;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function kept(db: Db, key: string, build: (mark: () => string) => string): string {
  const full = `${db.dialect}|${key}`;
  let text = texts.get(full);
  if (text === undefined) {
    let n = 0;
    text = build(() => (db.dialect === 'postgres' ? `$${++n}` : '?'));
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(full, text);
  }
  return text;
}

/**
 * INSERT of rows that share their columns (those of the first row that are not undefined, as Kysely
 * leaves undefined out). Only for tables whose writes drop no cache entries (db/cache.ts): those go
 * through Kysely, whose plugin drops them.
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
  const text = kept(
    db,
    `insert|${table}|${columns.join(',')}|${rows.length}|${returning}`,
    (mark) =>
      `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ` +
      Array.from({ length: rows.length }, () => `(${columns.map(mark).join(', ')})`).join(', ') +
      (returning ? ' returning *' : ''),
  );
  return (await db.kysely.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

/** `select <columns> from <table> where id in (<ids>)`. */
export async function selectByIds<R = Values>(
  db: Db,
  table: string,
  columns: string[],
  ids: number[],
): Promise<R[]> {
  if (!ids.length) return [];
  const text = kept(
    db,
    `select|${table}|${columns.join(',')}|${ids.length}`,
    (mark) =>
      `select ${columns.map(quote).join(', ')} from ${quote(table)} where "id" in (${ids.map(mark).join(', ')})`,
  );
  return (await db.kysely.executeQuery<R>(CompiledQuery.raw(text, ids))).rows;
}
