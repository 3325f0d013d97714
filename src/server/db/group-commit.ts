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

/**
 * After a group had to be run again because one of its transactions failed, this many groups use a
 * savepoint per transaction: a stream of failing requests repeats at most one group's work in seventeen.
 */
const CAREFUL_GROUPS = 16;

/** A job of the group failed: the whole database transaction is rolled back (see #batch). */
class JobFailed extends Error {
  constructor(readonly reason: unknown) {
    super('a transaction of the group failed');
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Group commit for SQLite. A commit costs more than the statements of a typical write (the WAL frames of
 * every page touched are written out), and one connection runs one transaction at a time anyway. So the
 * transactions that arrive while one is running wait in a queue; when it ends, the next ones run in the
 * same database transaction, one after another, and one COMMIT makes them all durable.
 *
 * Each caller sees exactly what it would with a transaction of its own: its work is rolled back alone when
 * it fails, its promise settles only after the commit that holds its work (a failed one's, after the
 * commit of the work queued before it), and its after-commit callbacks run only then. Nothing uncommitted
 * is seen outside the group: other requests' queries wait for the connection, which the group holds until
 * it commits. If the commit itself fails, every transaction of the group fails with it.
 *
 * Transactions run without savepoints: in SQLite each savepoint copies every page a transaction first
 * touches into a statement journal, which cost a create about a tenth of its time. When one fails, the
 * whole database transaction is rolled back: the failed one gets its error, and those that ran before it
 * in the group run again, first in the queue, in groups that do use a savepoint each (CAREFUL_GROUPS).
 * So a transaction's work can run more than once; only its last run counts, and only that run's
 * after-commit callbacks run (effects outside the database belong there; see withTx).
 */
export class GroupCommit {
  readonly #queue: Job[] = [];
  #draining = false;
  /** How many of the next groups use savepoints. */
  #careful = 0;
  /** Rejections of failed jobs, made once the next group has ended. */
  #late: (() => void)[] = [];

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
    // failures held back from the group before, which this one runs again (see below)
    const late = this.#late.splice(0);
    try {
      await this.#run(db);
    } finally {
      for (const reject of late) reject();
    }
  }

  async #run(db: Db): Promise<void> {
    const careful = this.#careful > 0;
    if (careful) this.#careful--;
    const done: Done[] = [];
    /** Jobs rolled back to their savepoint: told once the jobs before them are committed (or failed). */
    const failed: (() => void)[] = [];
    let current: Job | undefined;
    try {
      await this.kysely.transaction().execute(async (trx) => {
        const tx = (committed: (() => void)[], last: (() => Promise<void>)[]): Db => ({
          ...db,
          kysely: trx,
          cache: db.cache.forTransaction(committed),
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
          if (careful && done.length) {
            await sql`savepoint group_job`.execute(trx);
            try {
              const value = await current.work(tx(committed, last));
              await sql`release group_job`.execute(trx);
              done.push({ job: current, value, last, committed });
            } catch (err) {
              // the job has failed whatever happens next; its caller hears of it after the commit
              const job = current;
              failed.push(() => job.reject(err));
              current = undefined;
              // this rolls back the one job; if SQLite already ended the transaction, this throws and the
              // whole group fails below
              await sql`rollback to group_job`.execute(trx);
              await sql`release group_job`.execute(trx);
            }
          } else {
            try {
              done.push({ job: current, value: await current.work(tx(committed, last)), last, committed });
            } catch (err) {
              throw new JobFailed(err);
            }
          }
          current = undefined;
        }
        // the jobs' deferred writes; should one fail (an I/O error), the whole group fails with it
        for (const d of done) for (const write of d.last) await write();
      });
    } catch (err) {
      if (err instanceof JobFailed) {
        const job = current;
        const tell = () => job?.reject(err.reason);
        if (!done.length) {
          tell();
          for (const other of failed) other();
          return;
        }
        // rolled back with the failed one: they run again before anything else. The failed one hears of
        // it once they have committed, as it would have had they committed first (a retry it makes then,
        // say, finds their work).
        this.#queue.unshift(...done.map((d) => d.job));
        this.#careful = CAREFUL_GROUPS;
        this.#late.push(...failed, tell);
        return;
      }
      current?.reject(err);
      for (const d of done) d.job.reject(err);
      for (const tell of failed) tell();
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
    for (const tell of failed) tell();
  }
}
