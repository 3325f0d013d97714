import { BITRIX_EVENT_CONTENT_TYPE, bitrixEventBody } from '../compat/bitrix24/events/event-payload.js';
import type { Db } from '../db/connection.js';
import { nativeEventRequest } from '../modules/webhooks-out/native-payload.js';
import { memberIdOf, type OutboundSettings } from '../modules/webhooks-out/outbound-settings.js';
import { type PostResult, postOnce } from './outbox-http.js';

/**
 * Delivery: claims due deliveries, posts each to its subscriber and records the outcome. A claim moves
 * the delivery's next attempt a lease ahead, so a process that dies mid-delivery leaves it to be tried
 * again once the lease runs out (at least once, never lost). Success is any 2xx answer; anything else is
 * retried with exponential back-off and jitter (the first wait WEBHOOK_RETRY_MIN_SECONDS, doubling up to
 * an hour) until the delivery is a day old, then it is failed.
 */

export const DELIVERY_BATCH = 50;
const LEASE_MS = 60_000;
const MAX_DELAY_MS = 3_600_000;
export const RETRY_WINDOW_MS = 24 * 3_600_000;
const PARALLEL = 4;

/** The wait before attempt `attempts + 1`, after `attempts` failures: min·2^(n-1), ±20 %, at most an hour. */
export function retryDelayMs(
  attempts: number,
  minSeconds: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(minSeconds * 1000 * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.min(Math.round(base * (0.8 + 0.4 * random())), MAX_DELAY_MS);
}

async function claimDue(db: Db, now: Date, batch: number): Promise<number[]> {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const rows = await db.kysely
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: lease })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        // a paused (inactive) webhook keeps its deliveries pending until it is active again
        .where((w) =>
          w.or([
            w('webhook_id', 'is', null),
            w('webhook_id', 'in', w.selectFrom('outbound_webhooks').select('id').where('active', '=', 1)),
          ]),
        )
        .orderBy('next_attempt_at')
        .limit(batch)
        .$if(db.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

function loadClaimed(db: Db, ids: number[]) {
  return db.kysely
    .selectFrom('webhook_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .leftJoin('outbound_webhooks as w', 'w.id', 'd.webhook_id')
    .leftJoin('event_bindings as b', 'b.id', 'd.binding_id')
    .select([
      'd.id',
      'd.attempts',
      'd.created_at',
      'd.webhook_id',
      'd.binding_id',
      'o.uid',
      'o.event',
      'o.entity',
      'o.entity_id',
      'o.created_at as occurred_at',
      'w.url',
      'w.format',
      'w.secret',
      'b.handler',
      'b.application_token',
    ])
    .where('d.id', 'in', ids)
    .execute();
}

type Claimed = Awaited<ReturnType<typeof loadClaimed>>[number];

/** The request of one delivery, in its subscriber's format. */
function requestOf(c: Claimed, settings: OutboundSettings, now: Date) {
  const target = (c.binding_id !== null ? c.handler : c.url) as string;
  if (c.binding_id === null && c.format === 'native') {
    const native = nativeEventRequest(
      {
        uid: c.uid,
        event: c.event,
        entity: c.entity,
        entityId: c.entity_id,
        occurredAt: c.occurred_at,
        secret: c.secret as string,
      },
      now,
    );
    return { target, ...native };
  }
  const body = bitrixEventBody({
    event: c.event,
    handlerId: (c.binding_id ?? c.webhook_id) as number,
    entityId: c.entity_id,
    occurredAt: c.occurred_at,
    applicationToken: (c.binding_id !== null ? c.application_token : c.secret) as string,
    publicUrl: settings.publicUrl,
    memberId: memberIdOf(settings.publicUrl),
  });
  return { target, body, headers: { 'content-type': BITRIX_EVENT_CONTENT_TYPE } };
}

export type Outcome = 'delivered' | 'retrying' | 'failed' | 'released';

const describeFailure = (res: PostResult) => {
  const snippet = res.body.replace(/\s+/g, ' ').trim().slice(0, 300);
  const redirect = res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : '';
  return `HTTP ${res.status}${redirect}${snippet ? `: ${snippet}` : ''}`;
};

const describeError = (err: unknown) => {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
};

export interface AttemptOptions {
  settings: OutboundSettings;
  timeoutMs?: number;
  signal?: AbortSignal;
  random?: () => number;
}

async function attempt(db: Db, c: Claimed, now: Date, opts: AttemptOptions): Promise<Outcome> {
  const { target, body, headers } = requestOf(c, opts.settings, now);
  let status: number | null = null;
  let error: string;
  try {
    const res = await postOnce(target, body, headers, {
      allow: opts.settings.allow,
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    status = res.status;
    if (res.status >= 200 && res.status < 300) {
      await db.kysely
        .updateTable('webhook_deliveries')
        .set({
          status: 'delivered',
          attempts: c.attempts + 1,
          last_status_code: res.status,
          last_error: null,
          delivered_at: new Date().toISOString(),
        })
        .where('id', '=', c.id)
        .where('status', '=', 'pending')
        .execute();
      return 'delivered';
    }
    error = describeFailure(res);
  } catch (err) {
    if (opts.signal?.aborted) {
      // shutting down: not the receiver's fault; hand the delivery back as it was
      await db.kysely
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: now.toISOString() })
        .where('id', '=', c.id)
        .execute();
      return 'released';
    }
    error = describeError(err);
  }
  const attempts = c.attempts + 1;
  const giveUp = now.getTime() - Date.parse(c.created_at) >= RETRY_WINDOW_MS;
  const next = new Date(now.getTime() + retryDelayMs(attempts, opts.settings.retryMinSeconds, opts.random));
  await db.kysely
    .updateTable('webhook_deliveries')
    .set({
      status: giveUp ? 'failed' : 'pending',
      attempts,
      last_status_code: status,
      last_error: error.slice(0, 1000),
      next_attempt_at: giveUp ? now.toISOString() : next.toISOString(),
    })
    .where('id', '=', c.id)
    .where('status', '=', 'pending')
    .execute();
  return giveUp ? 'failed' : 'retrying';
}

/** Claims one batch of due deliveries and attempts them, a few at a time. */
export async function attemptDue(
  db: Db,
  now: Date,
  opts: AttemptOptions & { batch?: number },
): Promise<Outcome[]> {
  const ids = await claimDue(db, now, opts.batch ?? DELIVERY_BATCH);
  if (!ids.length) return [];
  const queue = await loadClaimed(db, ids);
  const outcomes: Outcome[] = [];
  const work = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) outcomes.push(await attempt(db, c, now, opts));
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, work));
  return outcomes;
}
