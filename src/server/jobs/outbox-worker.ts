import type { Db } from '../db/connection.js';
import { outboundSettings } from '../modules/webhooks-out/outbound-settings.js';
import { OUTBOX_WAKE } from './outbox.js';
import { attemptDue, DELIVERY_BATCH, type Outcome } from './outbox-delivery.js';
import { DISPATCH_BATCH, dispatchOutbox } from './outbox-dispatch.js';

/**
 * The delivery worker each server process runs. Everything it needs is in the tables (outbox,
 * webhook_deliveries), so it picks up after a restart where the last process left off. On PostgreSQL
 * several processes share the work: events and deliveries are claimed with SKIP LOCKED, a delivery also
 * with a lease. It polls every second and is woken at once after a commit in this process wrote events.
 */

export interface DeliverySummary {
  /** Events fanned out to their subscribers. */
  dispatched: number;
  /** Deliveries attempted, by outcome. */
  delivered: number;
  retrying: number;
  failed: number;
  /** Deliveries claimed in this batch (a full batch means more may be due). */
  claimed: number;
}

export interface DeliverOptions {
  timeoutMs?: number;
  batch?: number;
  signal?: AbortSignal;
  /** Jitter source (0 ≤ x < 1); Math.random unless a caller needs a fixed schedule. */
  random?: () => number;
}

/** One batch: fan out new events, then attempt the deliveries due at `now`. */
export async function deliverDue(
  db: Db,
  now = new Date(),
  opts: DeliverOptions = {},
): Promise<DeliverySummary> {
  const dispatched = await dispatchOutbox(db, now);
  const outcomes = await attemptDue(db, now, { ...opts, settings: outboundSettings(db) });
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  return {
    dispatched,
    delivered: count('delivered'),
    retrying: count('retrying'),
    failed: count('failed'),
    claimed: outcomes.length,
  };
}

export const RETENTION_DAYS = 30;

/**
 * Drops events older than RETENTION_DAYS that have nothing left to deliver, with their delivery log
 * (ON DELETE CASCADE). Returns how many events went.
 */
export async function pruneOutbox(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * 86_400_000).toISOString();
  const res = await db.kysely
    .deleteFrom('outbox')
    .where('dispatched_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_deliveries as d')
            .select('d.id')
            .whereRef('d.outbox_id', '=', 'outbox.id')
            .where('d.status', '=', 'pending'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export interface OutboxWorker {
  /** Stops polling and aborts deliveries in flight (they are handed back, due at once). */
  stop(): Promise<void>;
}

const PRUNE_EVERY_MS = 10 * 60_000;

export function startOutboxWorker(
  db: Db,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): OutboxWorker {
  const abort = new AbortController();
  let running: Promise<void> | null = null;
  let again = false;
  let lastPrune = 0;
  const run = async () => {
    for (;;) {
      again = false;
      const summary = await deliverDue(db, new Date(), { signal: abort.signal });
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneOutbox(db, new Date());
      }
      const full = summary.claimed >= DELIVERY_BATCH || summary.dispatched >= DISPATCH_BATCH;
      if (abort.signal.aborted || !(again || full)) return;
    }
  };
  const tick = () => {
    if (abort.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.intervalMs ?? 1000);
  timer.unref();
  db.live.on(OUTBOX_WAKE, tick);
  tick();
  return {
    async stop() {
      clearInterval(timer);
      db.live.off(OUTBOX_WAKE, tick);
      abort.abort();
      await running;
    },
  };
}
