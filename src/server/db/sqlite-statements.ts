import type Database from 'better-sqlite3';

/**
 * What Kysely's SQLite driver uses of a prepared statement. Readers hand back row objects, as
 * better-sqlite3 does; they are built here (see rowBuilder).
 */
interface CachedStatement {
  readonly reader: boolean;
  all(params: unknown[]): unknown[];
  run(params: unknown[]): Database.RunResult;
  iterate(params: unknown[]): IterableIterator<unknown>;
}

type RowBuilder = (values: unknown[]) => Record<string, unknown>;

/** Statements that change the schema: after one, every reader's column list is read again. */
const DDL = /^\s*(alter|create|drop)\s/i;

/**
 * A row builder for one column list: an object literal with the columns as keys, so every row of a
 * statement has one hidden class. better-sqlite3 adds each row's properties one by one, which costs more
 * than the query itself for a wide row (a page of 50 deals with every column: about 320 µs against
 * 150 µs here). Keys are written with JSON.stringify, which makes any name a plain string literal; a
 * column named `__proto__` (which a literal would treat as the prototype) gets the slow, exact path.
 */
function rowBuilder(names: string[]): RowBuilder {
  if (names.includes('__proto__'))
    return (values) => Object.fromEntries(names.map((name, i) => [name, values[i]]));
  const body = `return {${names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ')}};`;
  // keys are JSON string literals and values are taken by index: nothing of a name is run as code
  return new Function('v', body) as RowBuilder;
}

/**
 * A reader in raw mode (rows as arrays) whose rows become objects through a builder made once for its
 * column list. The list is read again after any schema change on this connection (`generation`), and
 * whenever a row's width differs from it (a change made by another connection).
 */
function readerOf(stmt: Database.Statement, generation: () => number): CachedStatement {
  stmt.raw(true);
  let shape: { generation: number; width: number; build: RowBuilder } | null = null;
  const builderFor = (width: number): RowBuilder => {
    if (!shape || shape.generation !== generation() || shape.width !== width) {
      const names = stmt.columns().map((c) => c.name);
      shape = { generation: generation(), width: names.length, build: rowBuilder(names) };
    }
    return shape.build;
  };
  return {
    reader: true,
    all(params) {
      const rows = stmt.all(params) as unknown[][];
      if (!rows.length) return rows;
      const build = builderFor((rows[0] as unknown[]).length);
      const out = new Array<unknown>(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = build(rows[i] as unknown[]);
      return out;
    },
    run: (params) => stmt.run(params),
    *iterate(params) {
      for (const values of stmt.iterate(params) as IterableIterator<unknown[]>)
        yield builderFor(values.length)(values);
    },
  };
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. Keep prepared
 * statements by SQL text (Kysely runs one query at a time on SQLite, so reuse is safe). Schema changes
 * (custom fields) make better-sqlite3 re-prepare transparently; readers then read their column lists
 * again (see readerOf).
 */
export function withStatementCache(sqlite: Database.Database, max = 500): Database.Database {
  const statements = new Map<string, CachedStatement | Database.Statement>();
  let generation = 0;
  const currentGeneration = () => generation;
  const prepare = (source: string) => {
    if (DDL.test(source)) generation += 1;
    let stmt = statements.get(source);
    if (stmt) {
      statements.delete(source);
    } else {
      const prepared = sqlite.prepare(source);
      stmt = prepared.reader ? readerOf(prepared, currentGeneration) : prepared;
      if (statements.size >= max) statements.delete(statements.keys().next().value as string);
    }
    statements.set(source, stmt);
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return prepare;
      if (prop === 'exec')
        return (source: string) => {
          generation += 1; // exec runs scripts (migrations): assume they change the schema
          return target.exec(source);
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
