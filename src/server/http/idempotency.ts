import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/connection.js';
import { isUniqueViolation } from '../db/errors.js';
import { nowIso, withTx } from '../db/tx.js';
import { AppError } from '../errors.js';
import { sha256 } from '../modules/auth/tokens.js';

const HEADER = 'idempotency-key';

/**
 * Runs a create under the request's Idempotency-Key: the key is claimed in the same transaction as the
 * create, so a retried request (even a concurrent one) returns the first result and creates nothing new.
 */
export async function idempotentCreate(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  create: (db: Db) => Promise<unknown>,
): Promise<unknown> {
  const raw = req.headers[HEADER];
  if (raw === undefined) {
    const result = await create(db);
    return reply.status(201).send(result);
  }
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > 255) {
    throw new AppError(ErrorCodes.VALIDATION_FAILED, 'Idempotency-Key must be 1 to 255 characters', [
      { field: 'Idempotency-Key', message: 'must be 1 to 255 characters' },
    ]);
  }
  const fingerprint = sha256(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`);
  const replay = await findReplay(db, actor.userId, key, fingerprint);
  if (replay) return reply.status(replay.status).header('idempotent-replayed', 'true').send(replay.body);
  try {
    const result = await withTx(db, async (tx) => {
      const claimed = await tx.kysely
        .insertInto('idempotency_keys')
        .values({ user_id: actor.userId, key, fingerprint, created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = await create(tx);
      await tx.kysely
        .updateTable('idempotency_keys')
        .set({ status_code: 201, response: JSON.stringify(created) })
        .where('id', '=', claimed.id)
        .execute();
      return created;
    });
    return reply.status(201).send(result);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const again = await findReplay(db, actor.userId, key, fingerprint);
    if (again) return reply.status(again.status).header('idempotent-replayed', 'true').send(again.body);
    throw new AppError(ErrorCodes.CONFLICT, 'A request with this Idempotency-Key is still being processed');
  }
}

async function findReplay(db: Db, userId: number, key: string, fingerprint: string) {
  const row = await db.kysely
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status_code', 'response'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.fingerprint !== fingerprint) {
    throw new AppError(
      ErrorCodes.IDEMPOTENCY_MISMATCH,
      'This Idempotency-Key was already used for a different request',
    );
  }
  if (row.status_code === null || row.response === null) {
    throw new AppError(ErrorCodes.CONFLICT, 'A request with this Idempotency-Key is still being processed');
  }
  return { status: row.status_code, body: JSON.parse(row.response) as unknown };
}
