import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Action, RecordEntity, Scope } from '../../shared/access.js';
import type { Db } from '../db/connection.js';
import { forbidden, notFound } from '../errors.js';
import { type Actor, actorOrg } from './actor.js';
import { subtree } from './org.js';

/**
 * THE place that turns (actor, entity, action) into a yes/no or a query condition. Every list, get,
 * search, update, delete, conversion (and later report and export) goes through these functions.
 */

export type Reach = { kind: 'all' } | { kind: 'none' } | { kind: 'users'; ids: number[] };

export function scopeOf(actor: Actor, entity: RecordEntity, action: Action): Scope {
  if (actor.isAdmin) return 'all';
  return actor.permissions[entity]?.[action] ?? 'none';
}

/** Whose records the actor may touch for this action, as a set of responsible users. */
export async function reachOf(db: Db, actor: Actor, entity: RecordEntity, action: Action): Promise<Reach> {
  const scope = scopeOf(actor, entity, action);
  switch (scope) {
    case 'all':
      return { kind: 'all' };
    case 'none':
      return { kind: 'none' };
    case 'own':
      return { kind: 'users', ids: [actor.userId] };
    case 'department':
    case 'subdepartments': {
      if (actor.departmentId === null) return { kind: 'users', ids: [actor.userId] };
      const org = await actorOrg(db, actor);
      const departments = scope === 'department' ? [actor.departmentId] : subtree(org, actor.departmentId);
      const ids = new Set<number>([actor.userId]);
      for (const d of departments) for (const u of org.usersByDepartment.get(d) ?? []) ids.add(u);
      return { kind: 'users', ids: [...ids].sort((a, b) => a - b) };
    }
  }
}

/** A WHERE condition limiting rows to the reach; `column` is the owner column (responsible or creator). */
// biome-ignore lint/suspicious/noExplicitAny: the condition applies to any table that has the owner column
type AnyEB = ExpressionBuilder<any, any>;

export function reachCondition(reach: Reach, column: string): (eb: AnyEB) => Expression<SqlBool> {
  return (eb) => {
    if (reach.kind === 'all') return sql<boolean>`1 = 1`;
    if (reach.kind === 'none' || reach.ids.length === 0) return sql<boolean>`1 = 0`;
    if (reach.ids.length === 1) return eb(eb.ref(column), '=', reach.ids[0]);
    return eb(eb.ref(column), 'in', reach.ids);
  };
}

export function reachIncludes(reach: Reach, ownerId: number | null): boolean {
  if (reach.kind === 'all') return true;
  if (reach.kind === 'none' || ownerId === null) return false;
  return reach.ids.includes(ownerId);
}

/**
 * Checks an action on one existing record. A record the actor cannot even read answers 404 (its existence
 * does not leak); one they can read but not change answers 403.
 */
export async function assertRecordAccess(
  db: Db,
  actor: Actor,
  entity: RecordEntity,
  action: Action,
  ownerId: number | null,
  label: string,
  id: number,
): Promise<void> {
  const read = await reachOf(db, actor, entity, 'read');
  if (!reachIncludes(read, ownerId)) throw notFound(label, id);
  if (action === 'read') return;
  const reach = await reachOf(db, actor, entity, action);
  if (!reachIncludes(reach, ownerId)) throw forbidden(`You may not ${action} this ${label.toLowerCase()}`);
}

/** Creating (or re-assigning) a record for `ownerId` needs the create/update scope to cover that user. */
export async function assertCanAssign(
  db: Db,
  actor: Actor,
  entity: RecordEntity,
  action: 'create' | 'update',
  ownerId: number,
): Promise<void> {
  const reach = await reachOf(db, actor, entity, action);
  if (reach.kind === 'none') throw forbidden(`You may not ${action} records of this type`);
  if (!reachIncludes(reach, ownerId)) {
    throw forbidden('You may not assign a record to a user outside your access scope');
  }
}

export function assertAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw forbidden('Only administrators can do this');
}
