import type { Permissions } from '../../shared/access.js';
import { CACHE_TTL_MS } from '../db/cache.js';
import type { Db } from '../db/connection.js';
import { loadOrg, type Org } from './org.js';

/** Who is acting: the signed-in user (session or API token) with the rights of their role. */
export interface Actor {
  userId: number;
  isAdmin: boolean;
  departmentId: number | null;
  permissions: Permissions;
  /** Loaded on first need and kept for the rest of the request. */
  org?: Promise<Org>;
}

export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  // Cached briefly (db/cache.ts); any write to users or roles drops the entries at once. Each request gets
  // an Actor of its own (it keeps the request's company structure); the parsed permissions are shared.
  const row = await db.cache.get(`actor:${userId}`, CACHE_TTL_MS, () => readActor(db, userId));
  if (!row?.active) return null;
  return {
    userId: row.id,
    isAdmin: row.isAdmin,
    departmentId: row.departmentId,
    permissions: row.permissions,
  };
}

async function readActor(db: Db, userId: number) {
  const row = await db.kysely
    .selectFrom('users')
    .leftJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.is_admin', 'users.department_id', 'users.active', 'roles.permissions'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    active: Boolean(row.active),
    isAdmin: Boolean(row.is_admin),
    departmentId: row.department_id,
    permissions: Object.freeze(row.permissions ? (JSON.parse(row.permissions) as Permissions) : {}),
  };
}

/** Company structures read inside a transaction, per run of it (a run's own object is its key). */
const orgOfRun = new WeakMap<object, Promise<Org>>();

/**
 * The company structure, cached briefly (see db/cache.ts) and kept for the rest of the request. Read first
 * inside a transaction (through the transaction's view of the cache), it is kept for that run only: the
 * transaction may be rolled back and run again (db/tx.ts), and what it read is not the request's to keep.
 */
export function actorOrg(db: Db, actor: Actor): Promise<Org> {
  if (actor.org) return actor.org;
  const read = () => db.cache.get('org', CACHE_TTL_MS, () => loadOrg(db));
  if (!db.kysely.isTransaction) {
    actor.org = read();
    return actor.org;
  }
  const run = db.committed ?? db.kysely;
  let org = orgOfRun.get(run);
  if (!org) {
    org = read();
    orgOfRun.set(run, org);
  }
  return org;
}

/** The system itself (migrations, seeding): all rights, attributed to no user. */
export function systemActor(userId = 0): Actor {
  return { userId, isAdmin: true, departmentId: null, permissions: {} };
}
