import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ErrorCodes } from '../../../../shared/errors.js';
import type { Actor } from '../../../access/actor.js';
import type { Db } from '../../../db/connection.js';
import { nowIso } from '../../../db/tx.js';
import { AppError, forbidden, invalid } from '../../../errors.js';
import { subscribersChanged } from '../../../jobs/outbox.js';
import { canonicalEventName, EVENT_NAMES } from '../../../jobs/outbox-events.js';
import { outboundSettings } from '../../../modules/webhooks-out/outbound-settings.js';
import { assertHandlerAllowed } from '../../../modules/webhooks-out/ssrf-guard.js';
import { parseInput } from '../../../validation.js';

/**
 * event.bind / event.unbind / event.get: a webhook or application user subscribes a handler URL to an
 * event. Each binding gets its own application token, sent as auth[application_token] with every event
 * so the handler can tell the call is genuine. A binding receives only events of records its user (or
 * the user named by auth_type) may read. Errors, for the Bitrix24 adapter to map:
 * - unknown event → VALIDATION_FAILED on field `event` (Bitrix24: ERROR_EVENT_NOT_FOUND);
 * - handler not http(s) or refused by the SSRF guard → VALIDATION_FAILED on field `handler`;
 * - the same event and handler bound again → CONFLICT (Bitrix24: ERROR_HANDLER_ALREADY_EXIST);
 * - auth_type naming another user, by a non-administrator → FORBIDDEN (Bitrix24: ACCESS_DENIED).
 */

/** The events Sevan emits, in Bitrix24's spelling (ONCRMLEADADD … ONCRMACTIVITYDELETE). */
export { EVENT_NAMES };

export interface EventBindingView {
  id: number;
  event: string;
  handler: string;
  /** The user whose read rights filter the events (null: the binding's user). */
  authType: number | null;
  eventType: 'online';
  /** Sent with every event as auth[application_token]. */
  applicationToken: string;
  createdAt: string;
}

const eventField = z.string().trim().min(1, 'is required').max(100);
const handlerField = z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters');
const authTypeField = z.coerce.number().int('must be a user id').min(0, 'must be a user id').optional();
const eventTypeField = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === 'online' || v === 'offline', 'must be online or offline')
  .optional();

const bindInput = z.strictObject({
  event: eventField,
  handler: handlerField,
  authType: authTypeField,
  eventType: eventTypeField,
});
const unbindInput = z.strictObject({
  event: eventField,
  handler: handlerField,
  authType: authTypeField,
  eventType: eventTypeField,
});

function knownEvent(name: string): string {
  const event = canonicalEventName(name);
  if (!event) throw invalid([{ field: 'event', message: `Sevan emits no event named ${name}` }]);
  return event;
}

const present = (r: {
  id: number;
  event: string;
  handler: string;
  auth_type: number | null;
  application_token: string;
  created_at: string;
}): EventBindingView => ({
  id: r.id,
  event: r.event,
  handler: r.handler,
  authType: r.auth_type,
  eventType: 'online',
  applicationToken: r.application_token,
  createdAt: r.created_at,
});

export async function bindEvent(
  db: Db,
  actor: Actor,
  body: { event: string; handler: string; authType?: number | string; eventType?: string },
): Promise<EventBindingView> {
  const input = parseInput(bindInput, body);
  const event = knownEvent(input.event);
  if (input.eventType === 'offline')
    throw invalid([
      { field: 'eventType', message: 'offline events are not supported; bind an online handler' },
    ]);
  const authType = input.authType ? input.authType : null;
  if (authType !== null && authType !== actor.userId && !actor.isAdmin)
    throw forbidden('Only an administrator may bind a handler on behalf of another user (auth_type)');
  if (authType !== null) {
    const user = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('id', '=', authType)
      .executeTakeFirst();
    if (!user) throw invalid([{ field: 'authType', message: `no user with id ${authType}` }]);
  }
  await assertHandlerAllowed(input.handler, outboundSettings(db).allow, 'handler');
  const existing = await db.kysely
    .selectFrom('event_bindings')
    .select('id')
    .where('user_id', '=', actor.userId)
    .where('event', '=', event)
    .where('handler', '=', input.handler)
    .executeTakeFirst();
  if (existing) throw new AppError(ErrorCodes.CONFLICT, 'Handler already exists!');
  const row = await db.kysely
    .insertInto('event_bindings')
    .values({
      user_id: actor.userId,
      event,
      handler: input.handler,
      auth_type: authType,
      event_type: 'online',
      application_token: randomBytes(16).toString('hex'),
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  subscribersChanged(db);
  return present(row);
}

/** Removes the actor's bindings of the event to the handler; `count` says how many there were. */
export async function unbindEvent(
  db: Db,
  actor: Actor,
  body: { event: string; handler: string; authType?: number | string; eventType?: string },
): Promise<{ count: number }> {
  const input = parseInput(unbindInput, body);
  const event = knownEvent(input.event);
  let q = db.kysely
    .deleteFrom('event_bindings')
    .where('user_id', '=', actor.userId)
    .where('event', '=', event)
    .where('handler', '=', input.handler);
  if (input.authType) q = q.where('auth_type', '=', input.authType);
  else if (input.authType === 0) q = q.where('auth_type', 'is', null);
  const res = await q.executeTakeFirst();
  subscribersChanged(db);
  return { count: Number(res.numDeletedRows) };
}

/** The actor's own bindings, oldest first. */
export async function listBindings(db: Db, actor: Actor): Promise<EventBindingView[]> {
  const rows = await db.kysely
    .selectFrom('event_bindings')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .orderBy('id')
    .execute();
  return rows.map(present);
}
