import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/connection.js';
import { afterCommit, withTx } from '../../src/server/db/tx.js';
import { createTestDb, engine } from '../support/test-db.js';

/**
 * Transactions as every service sees them, whatever the engine does underneath (on SQLite, transactions
 * that queue up share one commit): each one commits or rolls back alone, and its caller hears back only
 * once its work is durable.
 */
let db: Db;
let drop: () => Promise<void>;
let file: string | undefined;

beforeAll(async () => {
  const made = await createTestDb();
  db = made.db;
  drop = made.drop;
  await sql`create table tx_probe (${probeId()}, label text not null unique)`.execute(db.kysely);
  if (engine === 'sqlite') {
    const row = await sql<{
      file: string;
    }>`select file from pragma_database_list where name = 'main'`.execute(db.kysely);
    file = row.rows[0]?.file;
  }
});
afterAll(async () => drop());

const probeId = () => (engine === 'postgres' ? sql`id serial primary key` : sql`id integer primary key`);
const insert = (tx: Db, label: string) =>
  sql`insert into tx_probe (label) values (${label})`.execute(tx.kysely);
const labels = async (prefix: string, on: Db = db) =>
  (
    await sql<{
      label: string;
    }>`select label from tx_probe where label like ${`${prefix}%`} order by label`.execute(on.kysely)
  ).rows.map((r) => r.label);

describe('transactions under concurrent writes', () => {
  it('rolls back only the transaction that failed; the others that ran beside it commit', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        withTx(db, async (tx) => {
          await insert(tx, `a-${String(i).padStart(2, '0')}`);
          await insert(tx, `a-${String(i).padStart(2, '0')}-second`);
          if (i % 5 === 3) throw new Error(`job ${i} fails after writing`);
          return i;
        }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([3, 8, 13, 18]);
    const expected = Array.from({ length: 20 }, (_, i) => i)
      .filter((i) => i % 5 !== 3)
      .flatMap((i) => [`a-${String(i).padStart(2, '0')}`, `a-${String(i).padStart(2, '0')}-second`]);
    expect(await labels('a-')).toEqual(expected);
  });

  it('survives a failing first transaction: those queued behind it still commit', async () => {
    const results = await Promise.allSettled([
      withTx(db, async (tx) => {
        await insert(tx, 'b-first');
        throw new Error('first fails');
      }),
      ...Array.from({ length: 5 }, (_, i) => withTx(db, async (tx) => insert(tx, `b-${i}`))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', ...Array(5).fill('fulfilled')]);
    expect(await labels('b-')).toEqual(['b-0', 'b-1', 'b-2', 'b-3', 'b-4']);
  });

  it('reports a constraint violation to the transaction that caused it, and to no other', async () => {
    await withTx(db, (tx) => insert(tx, 'c-taken'));
    const results = await Promise.allSettled([
      withTx(db, (tx) => insert(tx, 'c-1')),
      withTx(db, (tx) => insert(tx, 'c-taken')),
      withTx(db, (tx) => insert(tx, 'c-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await labels('c-')).toEqual(['c-1', 'c-2', 'c-taken']);
  });

  it('answers a caller only when its work is committed, and runs after-commit callbacks then', async () => {
    // another connection to the same file sees only committed data
    const other = file ? new Database(file, { readonly: true }) : undefined;
    const seenByOther = (label: string) =>
      other ? other.prepare('select count(*) as n from tx_probe where label = ?').get(label) : { n: 1 };
    try {
      const callbacks: string[] = [];
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          withTx(db, async (tx) => {
            await insert(tx, `d-${i}`);
            afterCommit(tx, () => callbacks.push(`d-${i}`));
            return i;
          }).then(() => {
            expect(callbacks).toContain(`d-${i}`);
            expect(seenByOther(`d-${i}`)).toEqual({ n: 1 });
          }),
        ),
      );
      expect(callbacks.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `d-${i}`).sort());
    } finally {
      other?.close();
    }
  });

  it('never runs the after-commit callbacks of a transaction that rolled back', async () => {
    const callbacks: string[] = [];
    await Promise.allSettled([
      withTx(db, async (tx) => {
        await insert(tx, 'e-ok');
        afterCommit(tx, () => callbacks.push('ok'));
      }),
      withTx(db, async (tx) => {
        afterCommit(tx, () => callbacks.push('failed'));
        throw new Error('rolled back');
      }),
    ]);
    expect(callbacks).toEqual(['ok']);
  });

  it('keeps only the last run of work that had to run again, with its result and callbacks, once', async () => {
    // a database of its own: how SQLite groups run depends on the failures the queue has seen before
    const own = await createTestDb();
    await sql`create table tx_probe (${probeId()}, label text not null unique)`.execute(own.db.kysely);
    try {
      await lastRunCounts(own.db);
    } finally {
      await own.drop();
    }
  });

  async function lastRunCounts(db: Db) {
    const runs = new Map<number, number>();
    const callbacks: string[] = [];
    const settled: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        withTx(db, async (tx) => {
          const run = (runs.get(i) ?? 0) + 1;
          runs.set(i, run);
          await insert(tx, `g-${String(i).padStart(2, '0')}`);
          if (i % 7 === 6) throw new Error(`job ${i} fails`);
          afterCommit(tx, () => callbacks.push(`g-${i}`));
          return run;
        }).finally(() => settled.push(i)),
      ),
    );
    const ok = Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 7 !== 6);
    expect(results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []))).toEqual(
      Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 7 === 6),
    );
    // each caller gets the value of the run that was committed: its last
    for (const i of ok) expect(results[i]).toEqual({ status: 'fulfilled', value: runs.get(i) });
    expect(await labels('g-', db)).toEqual(ok.map((i) => `g-${String(i).padStart(2, '0')}`));
    expect(callbacks.sort()).toEqual(ok.map((i) => `g-${i}`).sort());
    if (engine === 'sqlite') {
      // SQLite runs them in a queue: a failed one hears of it only once the work queued before it committed
      for (const i of ok) {
        const failedAfter = (f: number) => f > i && f % 7 === 6;
        expect(settled.slice(0, settled.indexOf(i)).filter(failedAfter)).toEqual([]);
      }
      // the work before the first failure shared its commit, so it was rolled back and ran again
      expect(Math.max(...runs.values())).toBeGreaterThan(1);
    }
  }

  it('runs a nested withTx inside its outer transaction', async () => {
    await expect(
      withTx(db, async (tx) => {
        await insert(tx, 'f-outer');
        await withTx(tx, (inner) => insert(inner, 'f-inner'));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await labels('f-')).toEqual([]);
  });
});

describe('the cache inside transactions', () => {
  const load = (value: string, calls: string[]) => () => {
    calls.push(value);
    return Promise.resolve(value);
  };

  it('serves others what a transaction loaded only once it has committed', async () => {
    const calls: string[] = [];
    await expect(
      withTx(db, async (tx) => {
        expect(await tx.cache.get('probe:a', 60_000, load('in a rolled-back transaction', calls))).toBe(
          'in a rolled-back transaction',
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.cache.get('probe:a', 60_000, load('fresh', calls))).toBe('fresh');

    await withTx(db, async (tx) => {
      await tx.cache.get('probe:b', 60_000, load('committed', calls));
    });
    expect(await db.cache.get('probe:b', 60_000, load('loaded again', calls))).toBe('committed');
    expect(calls).toEqual(['in a rolled-back transaction', 'fresh', 'committed']);
  });

  it('drops what a transaction loaded when something was invalidated after the load', async () => {
    const calls: string[] = [];
    await withTx(db, async (tx) => {
      await tx.cache.get('probe:c', 60_000, load('before a change', calls));
      tx.cache.invalidate('probe:unrelated-but-a-change');
    });
    expect(await db.cache.get('probe:c', 60_000, load('after', calls))).toBe('after');
  });

  it('reads what is cached from inside a transaction', async () => {
    const calls: string[] = [];
    await db.cache.get('probe:d', 60_000, load('cached', calls));
    await withTx(db, async (tx) => {
      expect(await tx.cache.get('probe:d', 60_000, load('not needed', calls))).toBe('cached');
    });
    expect(calls).toEqual(['cached']);
  });
});
