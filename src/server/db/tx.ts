import type { Db } from './connection.js';

/** Runs `fn` in a transaction; inside one already, it simply runs (the outer transaction owns the commit). */
export async function withTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db.kysely.isTransaction) return fn(db);
  return db.kysely.transaction().execute((trx) => fn({ ...db, kysely: trx }));
}

export const nowIso = () => new Date().toISOString();
