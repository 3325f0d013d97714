import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statements.js';

type Rows = Record<string, unknown>[];
const dirs: string[] = [];

function open() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sevan-stmt-'));
  dirs.push(dir);
  const file = path.join(dir, 'db.sqlite');
  const plain = new Database(file);
  plain.pragma('journal_mode = WAL');
  plain.exec("create table t (id integer primary key, name text); insert into t values (1, 'a'), (2, 'b');");
  return { file, plain, cached: withStatementCache(plain) };
}
const all = (db: Database.Database, sql: string, params: unknown[] = []) =>
  db.prepare(sql).all(params) as Rows;

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('cached SQLite statements', () => {
  it('answer the same rows as better-sqlite3 itself', () => {
    const { plain, cached } = open();
    const sql = 'select id, name, id * 2 as twice, null as empty from t where id >= ? order by id';
    const expected = plain.prepare(sql).all(1);
    expect(all(cached, sql, [1])).toEqual(expected);
    expect(all(cached, sql, [2])).toEqual([{ id: 2, name: 'b', twice: 4, empty: null }]);
    expect(all(cached, sql, [3])).toEqual([]);
  });

  it('keep the last of two columns with one name, as better-sqlite3 does', () => {
    const { plain, cached } = open();
    const sql = 'select id as x, name as x from t where id = 1';
    expect(all(cached, sql)).toEqual(plain.prepare(sql).all());
    expect(all(cached, sql)).toEqual([{ x: 'a' }]);
  });

  it('make a column named __proto__ a plain property, never the prototype', () => {
    const { cached } = open();
    const [row] = all(cached, "select 1 as id, 'x' as __proto__");
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row ?? {})).toEqual(['id', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('x');
  });

  it('see a column added on the same connection', () => {
    const { cached } = open();
    const sql = 'select * from t order by id';
    expect(all(cached, sql)[0]).toEqual({ id: 1, name: 'a' });
    cached.prepare('alter table t add column region integer').run([]);
    cached.prepare('update t set region = 7').run([]);
    expect(all(cached, sql)[0]).toEqual({ id: 1, name: 'a', region: 7 });
  });

  it('see a column dropped and another added in its place on the same connection', () => {
    const { cached } = open();
    const sql = 'select * from t order by id';
    expect(all(cached, sql)[0]).toEqual({ id: 1, name: 'a' });
    cached.exec("alter table t drop column name; alter table t add column title text default 'z';");
    expect(all(cached, sql)[0]).toEqual({ id: 1, title: 'z' });
  });

  it('see a column another connection added', () => {
    const { file, cached } = open();
    const sql = 'select * from t order by id';
    expect(all(cached, sql)[1]).toEqual({ id: 2, name: 'b' });
    const other = new Database(file);
    other.exec('alter table t add column score integer default 5');
    other.close();
    expect(all(cached, sql)[1]).toEqual({ id: 2, name: 'b', score: 5 });
  });

  it('build rows when iterating and leave writes as they were', () => {
    const { cached } = open();
    const insert = cached.prepare('insert into t (name) values (?)').run(['c']);
    expect(insert.changes).toBe(1);
    expect(insert.lastInsertRowid).toBe(3);
    const returned = all(cached, 'insert into t (name) values (?) returning id, name', ['d']);
    expect(returned).toEqual([{ id: 4, name: 'd' }]);
    const iterated = [...(cached.prepare('select id from t order by id').iterate([]) as Iterable<unknown>)];
    expect(iterated).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
  });
});
