import { sql } from 'kysely';
import type { RecordEntity } from '../../../shared/access.js';
import { reachCondition, reachIncludes, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import { insertRows, selectByIds } from '../../db/statements.js';
import { invalid } from '../../errors.js';
import type { RecordTable } from './descriptor.js';
import { knownRefs } from './known-refs.js';

/**
 * Checks that linked records exist and that the actor may read them. A record outside the actor's reach
 * is reported exactly like a missing one, so links cannot be used to probe for records.
 */
export async function assertReadableRefs(
  ctx: Ctx,
  entity: RecordEntity,
  table: RecordTable,
  ids: number[],
  field: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const reach = await reachOf(ctx.db, ctx.actor, entity, 'read');
  const owner = table === 'products' ? 'created_by' : 'responsible_id';
  const columns = table === 'companies' ? ['id', owner, 'title'] : ['id', owner];
  const rows = await selectByIds<{ id: number; title?: string } & Record<string, unknown>>(
    ctx.db,
    table,
    columns,
    unique,
  );
  const found = rows.filter((r) => reachIncludes(reach, (r[owner] as number | null) ?? null));
  knownRefs(ctx)?.readable(entity, found);
  const have = new Set(found.map((r) => r.id));
  const missing = unique.filter((i) => !have.has(i));
  if (missing.length) {
    throw invalid(missing.map((m) => ({ field, message: `no ${entity} with id ${m}` })));
  }
}

/** Replaces the rows of a many-to-many link table for one side; a record just `created` has none yet. */
export async function replaceLinks(
  ctx: Ctx,
  table: 'deal_contacts' | 'contact_companies',
  ownColumn: 'deal_id' | 'contact_id' | 'company_id',
  otherColumn: 'contact_id' | 'company_id',
  ownId: number,
  otherIds: number[],
  created = false,
): Promise<void> {
  if (!created) await ctx.db.kysely.deleteFrom(table).where(ownColumn, '=', ownId).execute();
  const unique = [...new Set(otherIds)];
  knownRefs(ctx)?.linked(table, ownColumn, ownId, unique);
  if (!unique.length) return;
  await insertRows(
    ctx.db,
    table,
    unique.map((other, sort) => ({ [ownColumn]: ownId, [otherColumn]: other, sort })),
  );
}

/** Loads one side of a link table for a page of records: id → linked ids in their order. */
export async function loadLinks(
  ctx: Ctx,
  table: 'deal_contacts' | 'contact_companies',
  ownColumn: 'deal_id' | 'contact_id' | 'company_id',
  otherColumn: 'contact_id' | 'company_id',
  ownIds: number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(ownIds.map((i) => [i, []]));
  if (!ownIds.length) return out;
  const known = knownRefs(ctx);
  const written = known && ownIds.map((i) => known.linksOf(table, ownColumn, i));
  if (written?.every((w) => w !== undefined)) {
    for (const [k, i] of ownIds.entries()) out.set(i, [...(written[k] ?? [])]);
    return out;
  }
  const rows = (await ctx.db.kysely
    .selectFrom(table)
    .select([sql.ref<number>(ownColumn).as('own'), sql.ref<number>(otherColumn).as('other')])
    .where(sql.ref(ownColumn), 'in', ownIds)
    .orderBy('sort')
    .execute()) as { own: number; other: number }[];
  for (const r of rows) out.get(r.own)?.push(r.other);
  if (known) for (const [own, others] of out) known.linked(table, ownColumn, own, [...others]);
  return out;
}

/** The subset of `ids` the actor may read: expansions never reveal records outside the actor's reach. */
export async function visibleIds(
  ctx: Ctx,
  entity: RecordEntity,
  table: RecordTable,
  ids: number[],
): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const known = knownRefs(ctx);
  if (known && unique.every((id) => known.isReadable(entity, id))) return new Set(unique);
  const reach = await reachOf(ctx.db, ctx.actor, entity, 'read');
  if (reach.kind === 'all') return new Set(unique);
  const owner = table === 'products' ? 'created_by' : 'responsible_id';
  const rows = await ctx.db.kysely
    .selectFrom(table)
    .select('id')
    .where('id', 'in', unique)
    .where(reachCondition(reach, owner))
    .execute();
  known?.readable(entity, rows);
  return new Set(rows.map((r) => r.id));
}

/** Titles of linked companies the actor may read (others stay unnamed), for lists and cards. */
export async function visibleCompanyTitles(ctx: Ctx, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const known = knownRefs(ctx);
  const titles = known && unique.map((id) => known.titleOf('company', id));
  if (titles?.every((t) => t !== undefined)) return new Map(unique.map((id, k) => [id, titles[k] as string]));
  const reach = await reachOf(ctx.db, ctx.actor, 'company', 'read');
  if (reach.kind === 'none') return new Map();
  const rows = await ctx.db.kysely
    .selectFrom('companies')
    .select(['id', 'title'])
    .where('id', 'in', unique)
    .$if(reach.kind !== 'all', (q) => q.where(reachCondition(reach, 'responsible_id')))
    .execute();
  known?.readable('company', rows);
  return new Map(rows.map((r) => [r.id, r.title]));
}
