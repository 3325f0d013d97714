import type { Db } from './connection.js';

/**
 * Runs `fn` in a transaction; inside one already, it simply runs (the outer transaction owns the commit).
 * Callbacks queued with `afterCommit` run once the outermost transaction has committed, never on rollback.
 * On SQLite, transactions that queue up behind each other share one commit (group-commit.ts), and `fn`
 * may run more than once: when a transaction sharing its commit fails, the work before it is rolled back
 * and run again. Only the last run counts, so `fn` keeps effects outside the database to `afterCommit`.
 */
export async function withTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db.kysely.isTransaction) return fn(db);
  if (db.group) return db.group.run(db, fn);
  const committed: (() => void)[] = [];
  const result = await db.kysely
    .transaction()
    .execute((trx) =>
      fn({ ...db, kysely: trx, cache: db.cache.forTransaction(committed), committed, outside: db.kysely }),
    );
  for (const run of committed) run();
  return result;
}

/** Runs `run` after the surrounding transaction commits, or now when there is none. */
export function afterCommit(db: Db, run: () => void): void {
  if (db.committed) db.committed.push(run);
  else run();
}

export const nowIso = () => new Date().toISOString();
