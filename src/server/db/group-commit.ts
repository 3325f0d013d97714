import { type Kysely, sql } from 'kysely';
import type { Db } from './connection.js';
import type { DB } from './schema.js';

type Work = (tx: Db) => Promise<unknown>;

interface Job {
  work: Work;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

interface Done {
  job: Job;
  value: unknown;
  /** What the job left for the end of the transaction (tx.beforeCommit) and for after the commit. */
  last: (() => Promise<void>)[];
  committed: (() => void)[];
}

/** The most transactions one commit carries, so a steady stream of writes still commits often. */
const MAX_JOBS = 64;

/** A job failed and the first of its batch; the whole transaction is rolled back (nothing else is in it). */
class FirstJobFailed extends Error {
  constructor(readonly reason: unknown) {
    super('the first transaction of a group failed');
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Group commit for SQLite. A commit costs more than the statements of a typical write (the WAL frames of
 * every page touched are written out), and one connection runs one transaction at a time anyway. So the
 * transactions that arrive while one is running wait in a queue; when it ends, the next ones run in the
 * same database transaction, each inside its own savepoint, and one COMMIT makes them all durable.
 *
 * Each caller sees exactly what it would with a transaction of its own: its work is rolled back alone when
 * it fails (back to its savepoint), its promise settles only after the commit that holds its work, and its
 * after-commit callbacks run only then. Nothing uncommitted is seen outside the group: other requests'
 * queries wait for the connection, which the group holds until it commits. If the commit itself fails,
 * every transaction of the group fails with it.
 */
export class GroupCommit {
  readonly #queue: Job[] = [];
  #draining = false;

  constructor(private readonly kysely: Kysely<DB>) {}

  run<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain(db);
    });
  }

  async #drain(db: Db): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length) await this.#batch(db);
    } finally {
      this.#draining = false;
    }
  }

  /** One database transaction: as many queued jobs as arrive before the queue runs dry, then one commit. */
  async #batch(db: Db): Promise<void> {
    const done: Done[] = [];
    let current: Job | undefined;
    try {
      await this.kysely.transaction().execute(async (trx) => {
        const tx = (committed: (() => void)[], last: (() => Promise<void>)[]): Db => ({
          ...db,
          kysely: trx,
          committed,
          beforeCommit: last,
          outside: this.kysely,
        });
        while (done.length < MAX_JOBS) {
          current = this.#queue.shift();
          if (!current) {
            // let requests that are on their way join this commit
            await turn();
            if (!this.#queue.length) break;
            continue;
          }
          const committed: (() => void)[] = [];
          const last: (() => Promise<void>)[] = [];
          if (!done.length) {
            // the first job needs no savepoint: on failure the whole transaction goes
            try {
              done.push({ job: current, value: await current.work(tx(committed, last)), last, committed });
            } catch (err) {
              throw new FirstJobFailed(err);
            }
          } else {
            await sql`savepoint group_job`.execute(trx);
            try {
              const value = await current.work(tx(committed, last));
              await sql`release group_job`.execute(trx);
              done.push({ job: current, value, last, committed });
            } catch (err) {
              // the job has failed whatever happens next
              current.reject(err);
              current = undefined;
              // this rolls back the one job; if SQLite already ended the transaction, this throws and the
              // whole group fails below
              await sql`rollback to group_job`.execute(trx);
              await sql`release group_job`.execute(trx);
            }
          }
          current = undefined;
        }
        // the jobs' deferred writes; should one fail (an I/O error), the whole group fails with it
        for (const d of done) for (const write of d.last) await write();
      });
    } catch (err) {
      if (err instanceof FirstJobFailed) {
        current?.reject(err.reason);
        return;
      }
      current?.reject(err);
      for (const d of done) d.job.reject(err);
      return;
    }
    for (const d of done) {
      try {
        for (const run of d.committed) run();
        d.job.resolve(d.value);
      } catch (err) {
        d.job.reject(err);
      }
    }
  }
}
