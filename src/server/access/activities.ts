import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { ActivityOwner } from '../../shared/schemas/activities.js';
import { ACTIVITY_OWNERS } from '../../shared/schemas/activities.js';
import type { Db } from '../db/connection.js';
import type { Actor } from './actor.js';
import { type Reach, reachCondition, reachIncludes, reachOf } from './rights.js';

/**
 * An activity is visible exactly when its owner record is: the actor's read reach of the owner's entity,
 * applied to the owner record's responsible (kept in activities.owner_responsible_id).
 */

// biome-ignore lint/suspicious/noExplicitAny: the condition applies to any query that reads the activities table
type AnyEB = ExpressionBuilder<any, any>;
export type Where = (eb: AnyEB) => Expression<SqlBool>;

export type OwnerReaches = Record<ActivityOwner, Reach>;

export async function ownerReaches(db: Db, actor: Actor): Promise<OwnerReaches> {
  const reaches = await Promise.all(ACTIVITY_OWNERS.map((e) => reachOf(db, actor, e, 'read')));
  return Object.fromEntries(ACTIVITY_OWNERS.map((e, i) => [e, reaches[i] as Reach])) as OwnerReaches;
}

/**
 * The WHERE condition of the activities an actor may see, or null when they see all of them (no condition,
 * so counts stay index-only). Entities sharing one reach are folded into one term; when all four share it,
 * the term needs no entity test at all.
 */
export function visibleWhere(reaches: OwnerReaches, table = 'activities'): Where | null {
  const groups = new Map<string, { reach: Reach; entities: ActivityOwner[] }>();
  for (const entity of ACTIVITY_OWNERS) {
    const reach = reaches[entity];
    if (reach.kind === 'none' || (reach.kind === 'users' && reach.ids.length === 0)) continue;
    const key = JSON.stringify(reach);
    const group = groups.get(key) ?? { reach, entities: [] };
    group.entities.push(entity);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  if (all.length === 1 && all[0]?.reach.kind === 'all' && all[0].entities.length === ACTIVITY_OWNERS.length)
    return null;
  const owner = `${table}.owner_responsible_id`;
  return (eb) => {
    if (!all.length) return sql<boolean>`1 = 0`;
    const terms = all.map(({ reach, entities }) => {
      const byOwner = reachCondition(reach, owner)(eb);
      if (entities.length === ACTIVITY_OWNERS.length) return byOwner;
      const kind =
        entities.length === 1
          ? eb(eb.ref(`${table}.owner_entity`), '=', entities[0])
          : eb(eb.ref(`${table}.owner_entity`), 'in', entities);
      return reach.kind === 'all' ? kind : eb.and([kind, byOwner]);
    });
    return terms.length === 1 ? (terms[0] as Expression<SqlBool>) : eb.or(terms);
  };
}

export function canSee(
  reaches: OwnerReaches,
  row: { owner_entity: string; owner_responsible_id: number },
): boolean {
  const reach = reaches[row.owner_entity as ActivityOwner];
  return reach ? reachIncludes(reach, row.owner_responsible_id) : false;
}
