import type { Raw } from './raw.js';

/** Fast loading: multi-row INSERTs of a few hundred rows, secondary indexes dropped and rebuilt around the load. */
export class BulkInsert {
  private rows: unknown[][] = [];
  private readonly perStatement: number;
  private readonly head: string;
  inserted = 0;

  constructor(
    private readonly raw: Raw,
    table: string,
    private readonly columns: string[],
  ) {
    // stay below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement
    this.perStatement = Math.min(raw.dialect === 'sqlite' ? 500 : 1000, Math.floor(30_000 / columns.length));
    this.head = `insert into ${table} (${columns.join(', ')}) values `;
  }

  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.perStatement) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.rows.length) return;
    const tuple = `(${this.columns.map(() => '?').join(', ')})`;
    const text = this.head + Array.from({ length: this.rows.length }, () => tuple).join(', ');
    await this.raw.run(text, this.rows.flat());
    this.inserted += this.rows.length;
    this.rows = [];
  }
}

/** Drops the non-constraint indexes of the tables and returns the statements that recreate them. */
export async function dropIndexes(raw: Raw, tables: string[]): Promise<string[]> {
  const list = tables.map((t) => `'${t}'`).join(', ');
  const rows =
    raw.dialect === 'sqlite'
      ? await raw.all<{ name: string; sql: string }>(
          `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${list})`,
        )
      : await raw.all<{ name: string; sql: string }>(
          `select i.indexname as name, i.indexdef as sql from pg_indexes i
           where i.schemaname = 'public' and i.tablename in (${list})
             and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
        );
  for (const r of rows) await raw.exec(`drop index ${r.name}`);
  return rows.map((r) => r.sql);
}

/** Runs `fn` in one transaction (large transactions make loading fast on both engines). */
export async function inTransaction(raw: Raw, fn: () => Promise<void>): Promise<void> {
  await raw.exec('begin');
  try {
    await fn();
    await raw.exec('commit');
  } catch (err) {
    await raw.exec('rollback');
    throw err;
  }
}
