import type { Db } from '../db/connection.js';
import { withTx } from '../db/tx.js';
import { notify } from '../modules/notifications/notify.js';
import { type CrmEntity, isCrmEntity } from '../modules/notifications/record-ref.js';

/**
 * Reminders and overdue notices of planned activities. Each notice is claimed by one UPDATE … RETURNING
 * that stamps the activity (reminded_at / overdue_notified_at) only where the stamp is still empty, in the
 * same transaction as the notifications it causes: several server processes scanning one PostgreSQL
 * database never send the same notice twice (the loser of a race sees the stamp and claims nothing;
 * SKIP LOCKED lets it move on to other rows), and a failed notification leaves the activity unclaimed.
 */

export const SCAN_BATCH = 200;

export interface ScanResult {
  reminded: number;
  overdue: number;
}

interface Claimed {
  id: number;
  type: string;
  subject: string;
  due_at: string;
  responsible_id: number;
  owner_entity: string;
  owner_id: number;
}

const CLAIMED_COLUMNS = [
  'id',
  'type',
  'subject',
  'due_at',
  'responsible_id',
  'owner_entity',
  'owner_id',
] as const;

/** One batch of each: reminders that are due (the activity is not yet overdue), then overdue notices. */
export async function scanDueActivities(db: Db, now: Date, batch = SCAN_BATCH): Promise<ScanResult> {
  const at = now.toISOString();
  const reminded = await withTx(db, async (tx) => {
    const claimed = await tx.kysely
      .updateTable('activities')
      .set({ reminded_at: at })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('activities')
          .select('id')
          .where('status', '=', 'planned')
          .where('reminded_at', 'is', null)
          .where('remind_at', 'is not', null)
          .where('remind_at', '<=', at)
          .where('due_at', '>', at)
          .orderBy('remind_at')
          .limit(batch)
          .$if(db.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
      )
      .where('status', '=', 'planned')
      .where('reminded_at', 'is', null)
      .returning(CLAIMED_COLUMNS)
      .execute();
    for (const a of claimed) await notifyResponsible(tx, a, 'activity_due');
    return claimed.length;
  });
  const overdue = await withTx(db, async (tx) => {
    // An overdue activity needs no reminder any more: the notice stamps both.
    const claimed = await tx.kysely
      .updateTable('activities')
      .set((eb) => ({ overdue_notified_at: at, reminded_at: eb.fn.coalesce('reminded_at', eb.val(at)) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('activities')
          .select('id')
          .where('status', '=', 'planned')
          .where('overdue_notified_at', 'is', null)
          .where('due_at', '<', at)
          .orderBy('due_at')
          .limit(batch)
          .$if(db.dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
      )
      .where('status', '=', 'planned')
      .where('overdue_notified_at', 'is', null)
      .returning(CLAIMED_COLUMNS)
      .execute();
    for (const a of claimed) await notifyResponsible(tx, a, 'activity_overdue');
    return claimed.length;
  });
  return { reminded, overdue };
}

async function notifyResponsible(
  db: Db,
  a: Claimed,
  kind: 'activity_due' | 'activity_overdue',
): Promise<void> {
  const entity = a.owner_entity as CrmEntity;
  if (!isCrmEntity(entity)) return;
  // The record's title and responsible are read now: the recipient must still be able to read it.
  await notify(db, {
    userId: a.responsible_id,
    kind,
    record: { entity, id: a.owner_id },
    actorId: null,
    activityId: a.id,
    data: { subject: a.subject, activityType: a.type, dueAt: a.due_at },
  });
}

export interface ReminderScheduler {
  stop(): Promise<void>;
}

/**
 * Runs the scan every `intervalMs` (30 s) in this process, never two at once; the timer does not keep the
 * process alive. Errors are reported and the next tick tries again.
 */
export function startActivityReminders(
  db: Db,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): ReminderScheduler {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = scanDueActivities(db, new Date())
      .then(() => undefined)
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.intervalMs ?? 30_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
