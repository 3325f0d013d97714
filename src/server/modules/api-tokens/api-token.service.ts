import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import { newSecret, sha256 } from '../auth/tokens.js';

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const present = (r: {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiTokenView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** Creates a token for the user; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  userId: number,
  name: string,
): Promise<ApiTokenView & { token: string }> {
  const token = `sevan_${newSecret(30)}`;
  const row = await db.kysely
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name,
      token_hash: sha256(token),
      prefix: token.slice(0, 12),
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...present(row), token };
}

export async function listApiTokens(db: Db, userId: number): Promise<ApiTokenView[]> {
  const rows = await db.kysely
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(present);
}

export async function revokeApiToken(db: Db, userId: number, id: number): Promise<void> {
  const res = await db.kysely
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFound('API token', id);
}
