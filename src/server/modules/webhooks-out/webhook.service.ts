import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors.js';
import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import type { OutboundWebhooksTable } from '../../db/schema.js';
import { nowIso } from '../../db/tx.js';
import { invalid, notFound } from '../../errors.js';
import { subscribersChanged } from '../../jobs/outbox.js';
import { canonicalEventName, nativeEventName } from '../../jobs/outbox-events.js';
import { parseInput } from '../../validation.js';
import { outboundSettings } from './outbound-settings.js';
import { assertHandlerAllowed } from './ssrf-guard.js';

/**
 * Outbound webhooks an administrator configures: a URL, the events it wants, a format ('native': signed
 * JSON; 'bitrix24': the form Bitrix24 posts, with the secret as auth[application_token]) and whether it is
 * active. The secret is shown once, when made (or renewed). It is kept readable because signing needs it.
 */

export const WEBHOOK_FORMATS = ['native', 'bitrix24'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface OutboundWebhookView {
  id: number;
  name: string;
  url: string;
  /** In the spelling of the format: `deal.updated` (native) or `ONCRMDEALUPDATE` (bitrix24). */
  events: string[];
  format: WebhookFormat;
  active: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

const eventsField = z
  .array(z.string().max(100), { error: 'must be a list of event names' })
  .min(1, 'must name at least one event')
  .max(50, 'must name at most 50 events');

export const webhookCreate = z.strictObject({
  name: z.string().trim().max(100, 'must be at most 100 characters').default(''),
  url: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
  events: eventsField,
  format: z.enum(WEBHOOK_FORMATS, { error: 'must be native or bitrix24' }).default('native'),
  active: z.boolean({ error: 'must be true or false' }).default(true),
});

export const webhookUpdate = z.strictObject({
  name: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  url: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters').optional(),
  events: eventsField.optional(),
  format: z.enum(WEBHOOK_FORMATS, { error: 'must be native or bitrix24' }).optional(),
  active: z.boolean({ error: 'must be true or false' }).optional(),
  rotateSecret: z.literal(true, { error: 'must be true (to make a new secret)' }).optional(),
});

type Row = Selectable<OutboundWebhooksTable>;

export function presentWebhook(r: Row): OutboundWebhookView {
  const format = r.format as WebhookFormat;
  const events = JSON.parse(r.events) as string[];
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    events: format === 'native' ? events.map(nativeEventName) : events,
    format,
    active: Boolean(r.active),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Event names in either spelling → stored names, without repeats; a 400 names each unknown one. */
function canonicalEvents(names: string[]): string[] {
  const issues: FieldIssue[] = [];
  const out = new Set<string>();
  names.forEach((name, i) => {
    const event = canonicalEventName(name);
    if (event) out.add(event);
    else issues.push({ field: `events.${i}`, message: `unknown event ${name}` });
  });
  if (issues.length) throw invalid(issues);
  return [...out];
}

const newSecret = () => randomBytes(16).toString('hex');

export async function loadWebhook(db: Db, id: number): Promise<Row> {
  const row = await db.kysely
    .selectFrom('outbound_webhooks')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Outbound webhook', id);
  return row;
}

export async function listWebhooks(db: Db, actor: Actor): Promise<OutboundWebhookView[]> {
  assertAdmin(actor);
  const rows = await db.kysely.selectFrom('outbound_webhooks').selectAll().orderBy('id').execute();
  return rows.map(presentWebhook);
}

export async function getWebhook(db: Db, actor: Actor, id: number): Promise<OutboundWebhookView> {
  assertAdmin(actor);
  return presentWebhook(await loadWebhook(db, id));
}

export async function createWebhook(
  db: Db,
  actor: Actor,
  body: unknown,
): Promise<OutboundWebhookView & { secret: string }> {
  assertAdmin(actor);
  const input = parseInput(webhookCreate, body);
  const events = canonicalEvents(input.events);
  await assertHandlerAllowed(input.url, outboundSettings(db).allow, 'url');
  const now = nowIso();
  const secret = newSecret();
  const row = await db.kysely
    .insertInto('outbound_webhooks')
    .values({
      name: input.name,
      url: input.url,
      events: JSON.stringify(events),
      format: input.format,
      active: input.active ? 1 : 0,
      secret,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  subscribersChanged(db);
  return { ...presentWebhook(row), secret };
}

/** Changes any field; `rotateSecret: true` makes a new secret, answered once (as `secret`). */
export async function updateWebhook(
  db: Db,
  actor: Actor,
  id: number,
  body: unknown,
): Promise<OutboundWebhookView & { secret?: string }> {
  assertAdmin(actor);
  const input = parseInput(webhookUpdate, body ?? {});
  if (!Object.keys(input).length) throw invalid([{ field: '(body)', message: 'names no field to change' }]);
  await loadWebhook(db, id);
  const values: Partial<Row> = { updated_at: nowIso() };
  if (input.name !== undefined) values.name = input.name;
  if (input.url !== undefined) {
    await assertHandlerAllowed(input.url, outboundSettings(db).allow, 'url');
    values.url = input.url;
  }
  if (input.events !== undefined) values.events = JSON.stringify(canonicalEvents(input.events));
  if (input.format !== undefined) values.format = input.format;
  if (input.active !== undefined) values.active = input.active ? 1 : 0;
  const secret = input.rotateSecret ? newSecret() : undefined;
  if (secret) values.secret = secret;
  const row = await db.kysely
    .updateTable('outbound_webhooks')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  subscribersChanged(db);
  return { ...presentWebhook(row), ...(secret ? { secret } : {}) };
}

/** Deletes the webhook with its delivery log (pending deliveries are dropped). */
export async function deleteWebhook(db: Db, actor: Actor, id: number): Promise<void> {
  assertAdmin(actor);
  const res = await db.kysely.deleteFrom('outbound_webhooks').where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw notFound('Outbound webhook', id);
  subscribersChanged(db);
}
