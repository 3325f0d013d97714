import { ErrorCodes } from '../../../shared/errors.js';
import { CACHE_TTL_MS } from '../../db/cache.js';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { newSecret, sha256 } from './tokens.js';

export interface Session {
  token: string;
  csrfToken: string;
  userId: number;
  expiresAt: string;
}

// A hash to verify against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

export async function login(db: Db, email: string, password: string, ttlHours: number): Promise<Session> {
  const user = await db.kysely
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  dummyHash ??= hashPassword(newSecret());
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !ok || !user.active) {
    throw new AppError(ErrorCodes.UNAUTHENTICATED, 'Wrong email or password');
  }
  const token = newSecret();
  const csrfToken = newSecret(18);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000).toISOString();
  await db.kysely
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  await db.kysely
    .updateTable('users')
    .set({ last_login_at: now.toISOString() })
    .where('id', '=', user.id)
    .execute();
  return { token, csrfToken, userId: user.id, expiresAt };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export async function findSession(db: Db, token: string) {
  const id = sha256(token);
  // Cached briefly (db/cache.ts); signing out or in writes the table, which drops the entries at once.
  const row = await db.cache.get(`session:${id}`, CACHE_TTL_MS, () =>
    db.kysely
      .selectFrom('sessions')
      .select(['user_id', 'csrf_token', 'expires_at'])
      .where('id', '=', id)
      .executeTakeFirst(),
  );
  if (!row || row.expires_at <= nowIso()) return null;
  return { userId: row.user_id, csrfToken: row.csrf_token };
}

export async function findApiToken(db: Db, token: string) {
  const hash = sha256(token);
  // Cached briefly (db/cache.ts); revoking writes the table, which drops the entries at once.
  const row = await db.cache.get(`token:${hash}`, CACHE_TTL_MS, () =>
    db.kysely
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'last_used_at'])
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
  );
  if (!row) return null;
  // Record use at most once a minute: keeps token reads from turning every request into a write.
  const now = nowIso();
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.kysely.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { userId: row.user_id };
}
