import type { EventEmitter } from 'node:events';
import pg from 'pg';
import { z } from 'zod';
import { RECORD_ENTITIES } from '../../shared/access.js';
import type { Db } from '../db/connection.js';
import { LIVE_CHANNEL, LIVE_EVENT, LIVE_RESYNC, type LiveChange } from './changes.js';

/**
 * On PostgreSQL, one dedicated connection per database handle LISTENs to the live channel and re-emits each
 * change on `db.live`, so every server process sharing the database delivers changes made by any of them.
 * A dropped connection is re-established with back-off; since notifications sent meanwhile are lost,
 * LIVE_RESYNC tells the streams to have their clients refresh everything.
 */

const MIN_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;

// The kind stays open: modules add kinds of their own, and the stream never trusts it for rights.
const changeSchema = z.object({
  kind: z.string().min(1).max(40),
  id: z.number().int(),
  action: z.enum(['created', 'updated', 'deleted']),
  record: z
    .object({ entity: z.enum(RECORD_ENTITIES), id: z.number().int(), ownerIds: z.array(z.number().int()) })
    .optional(),
  userIds: z.array(z.number().int()).optional(),
  everyone: z.boolean().optional(),
});

export type LogError = (message: string, err: unknown) => void;

interface Running {
  users: number;
  stop: () => Promise<void>;
}

/** Handles with a listening connection, by their shared emitter (transactions share it too). */
const running = new WeakMap<EventEmitter, Running>();

/**
 * Starts listening for the handle (once, however many apps use it) and resolves after the first attempt to
 * connect, so changes made right after start are heard. Returns the function that stops it. SQLite: nothing
 * to do, changes are emitted in-process.
 */
export async function listenForChanges(db: Db, logError: LogError): Promise<() => Promise<void>> {
  const url = db.url;
  if (db.dialect !== 'postgres' || !url) return async () => {};
  let entry = running.get(db.live);
  if (!entry) {
    const listener = connectListener(url, db.live, logError);
    entry = { users: 0, stop: listener.stop };
    running.set(db.live, entry);
    await listener.firstAttempt;
  }
  const held = entry;
  held.users += 1;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    held.users -= 1;
    if (held.users > 0) return;
    running.delete(db.live);
    await held.stop();
  };
}

function emitPayload(live: EventEmitter, payload: string | undefined, logError: LogError): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload ?? '');
  } catch (err) {
    logError('live: a notification that is not JSON was ignored', err);
    return;
  }
  const change = changeSchema.safeParse(parsed);
  if (!change.success) {
    logError('live: a notification of an unknown shape was ignored', change.error);
    return;
  }
  live.emit(LIVE_EVENT, change.data as LiveChange);
}

function connectListener(url: string, live: EventEmitter, logError: LogError) {
  let client: pg.Client | null = null;
  let stopped = false;
  let attempts = 0;
  let delay = MIN_DELAY_MS;
  let timer: NodeJS.Timeout | undefined;
  let connecting: Promise<void> = Promise.resolve();
  let attempted: () => void = () => {};
  const firstAttempt = new Promise<void>((resolve) => {
    attempted = resolve;
  });

  const retryLater = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      connecting = connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  };

  const dropped = (c: pg.Client, err?: unknown) => {
    if (client !== c) return;
    client = null;
    if (stopped) return;
    logError('live: the listening connection dropped; reconnecting', err);
    c.end().catch(() => {});
    retryLater();
  };

  const connect = async () => {
    attempts += 1;
    // keep-alive probes notice a connection that died without a word (a network partition)
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    c.on('notification', (msg) => {
      if (msg.channel === LIVE_CHANNEL) emitPayload(live, msg.payload, logError);
    });
    c.on('error', (err) => dropped(c, err));
    c.on('end', () => dropped(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      logError('live: cannot listen for changes; retrying', err);
      c.end().catch(() => {});
      attempted();
      retryLater();
      return;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    delay = MIN_DELAY_MS;
    // any attempt before this one means a time without listening, when changes may have been missed
    if (attempts > 1) live.emit(LIVE_RESYNC);
    attempted();
  };

  connecting = connect();
  return {
    firstAttempt,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await connecting;
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
