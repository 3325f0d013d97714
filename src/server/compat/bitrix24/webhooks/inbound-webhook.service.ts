import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { requiredText } from '../../../../shared/schemas/common.js';
import type { Actor } from '../../../access/actor.js';
import { assertAdmin } from '../../../access/rights.js';
import { CACHE_TTL_MS } from '../../../db/cache.js';
import type { Db } from '../../../db/connection.js';
import { nowIso } from '../../../db/tx.js';
import { invalid, notFound } from '../../../errors.js';
import { sha256 } from '../../../modules/auth/tokens.js';
import { activeUserIds } from '../../../modules/users/active-users.js';
import { parseInput } from '../../../validation.js';

/**
 * Inbound webhooks: a secret URL `/rest/<userId>/<secret>/` that calls the Bitrix24-compatible methods as
 * one user, limited to a set of scopes. The secret is shown once; only its SHA-256 is stored.
 */
export const WEBHOOK_SCOPES = ['crm', 'user', 'user_basic', 'user_brief', 'department', 'telephony'] as const;
export type WebhookScope = (typeof WEBHOOK_SCOPES)[number];

export const webhookCreate = z.strictObject({
  title: requiredText(100),
  userId: z.number().int().positive().optional(),
  scopes: z
    .array(z.enum(WEBHOOK_SCOPES, { error: `must be one of ${WEBHOOK_SCOPES.join(', ')}` }))
    .min(1, 'name at least one scope')
    .max(WEBHOOK_SCOPES.length)
    .default(['crm', 'user', 'department']),
});

export interface InboundWebhookView {
  id: number;
  title: string;
  userId: number;
  scopes: string[];
  createdBy: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface WebhookRow {
  id: number;
  user_id: number;
  title: string;
  scopes: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const present = (r: WebhookRow): InboundWebhookView => ({
  id: r.id,
  title: r.title,
  userId: r.user_id,
  scopes: JSON.parse(r.scopes) as string[],
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** 24 lowercase letters and digits, like the codes Bitrix24 prints (which are 16). */
function newWebhookSecret(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export async function createInboundWebhook(
  db: Db,
  actor: Actor,
  body: unknown,
): Promise<InboundWebhookView & { secret: string }> {
  assertAdmin(actor);
  const input = parseInput(webhookCreate, body ?? {});
  const userId = input.userId ?? actor.userId;
  if (!(await activeUserIds(db)).has(userId))
    throw invalid([{ field: 'userId', message: `no active user with id ${userId}` }]);
  const secret = newWebhookSecret();
  const row = await db.kysely
    .insertInto('inbound_webhooks')
    .values({
      user_id: userId,
      title: input.title,
      secret_hash: sha256(secret),
      scopes: JSON.stringify([...new Set(input.scopes)]),
      created_by: actor.userId || null,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...present(row), secret };
}

export async function listInboundWebhooks(db: Db, actor: Actor): Promise<InboundWebhookView[]> {
  assertAdmin(actor);
  const rows = await db.kysely.selectFrom('inbound_webhooks').selectAll().orderBy('id', 'desc').execute();
  return rows.map(present);
}

export async function revokeInboundWebhook(db: Db, actor: Actor, id: number): Promise<void> {
  assertAdmin(actor);
  const res = await db.kysely
    .updateTable('inbound_webhooks')
    .set({ revoked_at: nowIso() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFound('Inbound webhook', id);
  db.cache.invalidate(CACHE_PREFIX);
}

const CACHE_PREFIX = 'b24-hook:';

export interface ResolvedWebhook {
  id: number;
  userId: number;
  scopes: Set<string>;
}

/**
 * The live webhook for a URL's user id and secret, or null. Cached briefly like API tokens (revoking here
 * drops the entry at once; another process sees it within the cache's lifetime). Use is recorded at most
 * once a minute so reads do not turn every call into a write.
 */
export async function findInboundWebhook(
  db: Db,
  userId: number,
  secret: string,
): Promise<ResolvedWebhook | null> {
  const hash = sha256(secret);
  const row = await db.cache.get(`${CACHE_PREFIX}${hash}`, CACHE_TTL_MS, async () => {
    const found = await db.kysely
      .selectFrom('inbound_webhooks')
      .select(['id', 'user_id', 'scopes', 'last_used_at'])
      .where('secret_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return found ? { ...found, scopeSet: new Set(JSON.parse(found.scopes) as string[]) } : undefined;
  });
  if (!row || row.user_id !== userId) return null;
  const now = nowIso();
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    row.last_used_at = now;
    await db.kysely
      .updateTable('inbound_webhooks')
      .set({ last_used_at: now })
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, userId: row.user_id, scopes: row.scopeSet };
}
