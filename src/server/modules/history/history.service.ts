import type { RecordEntity } from '../../../shared/access.js';
import { assertRecordAccess } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import { insertRows } from '../../db/statements.js';
import { nowIso } from '../../db/tx.js';
import { notFound } from '../../errors.js';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

const IGNORED = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'id']);

function same(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  // lists and objects (multi-value fields, links) compare by content
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  return JSON.stringify(x) === JSON.stringify(y);
}

const empty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);

/** Field-by-field difference of two presentations of a record (either may be null: create / delete). */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const o = before?.[key] ?? null;
    const n = after?.[key] ?? null;
    if (!before && empty(n)) continue;
    if (!after && empty(o)) continue;
    if (!same(o, n)) changes.push({ field: key, old: o, new: n });
  }
  return changes;
}

export async function recordHistory(
  ctx: Ctx,
  entity: string,
  entityId: number,
  action: 'create' | 'update' | 'delete' | 'convert',
  changes: FieldChange[],
): Promise<void> {
  if (action === 'update' && changes.length === 0) return;
  await insertRows(ctx.db, 'history', [
    {
      entity_type: entity,
      entity_id: entityId,
      action,
      actor_id: ctx.actor.userId || null,
      at: nowIso(),
      changes: JSON.stringify(changes),
    },
  ]);
}

export interface HistoryEntry {
  id: number;
  action: string;
  actorId: number | null;
  at: string;
  changes: FieldChange[];
}

/** A record's history, newest first. Readable by whoever may read the record (even after it is deleted: admins). */
export async function listHistory(
  ctx: Ctx,
  entity: RecordEntity,
  table: 'leads' | 'contacts' | 'companies' | 'deals' | 'products',
  ownerColumn: string,
  label: string,
  entityId: number,
  limit: number,
  before?: number,
): Promise<HistoryEntry[]> {
  const row = (await ctx.db.kysely
    .selectFrom(table)
    .select(ownerColumn as 'id')
    .where('id', '=', entityId)
    .executeTakeFirst()) as Record<string, number | null> | undefined;
  if (row) {
    await assertRecordAccess(ctx.db, ctx.actor, entity, 'read', row[ownerColumn] ?? null, label, entityId);
  } else if (!ctx.actor.isAdmin) {
    throw notFound(label, entityId);
  }
  let q = ctx.db.kysely
    .selectFrom('history')
    .selectAll()
    .where('entity_type', '=', entity)
    .where('entity_id', '=', entityId);
  if (before) q = q.where('id', '<', before);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  if (!rows.length && !row) throw notFound(label, entityId);
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actorId: r.actor_id,
    at: r.at,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}
