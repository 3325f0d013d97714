import { CACHE_TTL_MS } from '../../db/cache.js';
import type { Db } from '../../db/connection.js';

/**
 * Ids of the active users: every record write checks its responsible against them. Cached under the
 * 'org' prefix, which any write to the users table drops (db/cache.ts), also inside a transaction.
 * A record whose responsible slipped past a stale entry still meets the users foreign key.
 */
export function activeUserIds(db: Db): Promise<Set<number>> {
  const load = async () => {
    const rows = await db.kysely.selectFrom('users').select('id').where('active', '=', 1).execute();
    return new Set(rows.map((r) => r.id));
  };
  return db.cache.get('org:active-users', CACHE_TTL_MS, load);
}
