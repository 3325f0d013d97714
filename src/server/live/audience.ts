import type { RecordEntity } from '../../shared/access.js';
import { loadActor } from '../access/actor.js';
import { type Reach, reachIncludes, reachOf } from '../access/rights.js';
import { CACHE_TTL_MS } from '../db/cache.js';
import type { Db } from '../db/connection.js';
import type { LiveChange } from './changes.js';

/**
 * Who may be told about a change: the users it is addressed to, and whoever may read the record it belongs
 * to (by the record's owners before and after the change); a change of shared settings (which every user
 * reads anyway) reaches everyone. Any other change reaches no one: nothing is public by default.
 */
export async function mayReceive(db: Db, userId: number, change: LiveChange): Promise<boolean> {
  if (change.everyone || change.userIds?.includes(userId)) return true;
  const record = change.record;
  if (!record) return false;
  const reach = await readReach(db, userId, record.entity);
  // A record with no owner (a product made by the system) is visible only to an unlimited reach.
  const owners = record.ownerIds.length ? record.ownerIds : [null];
  return owners.some((owner) => reachIncludes(reach, owner));
}

/**
 * The user's read reach on an entity, for every stream of theirs and every change of a burst. It lives
 * under the actor's cache key, so a write to users or roles in this process drops it at once, and a change
 * made by another process is seen within the cache's lifetime (db/cache.ts).
 */
function readReach(db: Db, userId: number, entity: RecordEntity): Promise<Reach> {
  return db.cache.get(`actor:${userId}:live-read:${entity}`, CACHE_TTL_MS, async () => {
    const actor = await loadActor(db, userId);
    return actor ? reachOf(db, actor, entity, 'read') : { kind: 'none' };
  });
}

/** What a client receives: enough to know what to refetch, never the owners or the record's content. */
export function presentChange(change: LiveChange) {
  return {
    kind: change.kind,
    id: change.id,
    action: change.action,
    ...(change.record ? { record: { entity: change.record.entity, id: change.record.id } } : {}),
  };
}
