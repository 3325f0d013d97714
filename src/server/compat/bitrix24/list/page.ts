import { sql } from 'kysely';
import type { RecordEntity } from '../../../../shared/access.js';
import { reachCondition, reachOf } from '../../../access/rights.js';
import type { Ctx } from '../../../context.js';
import type { ApiRecord, EntityDescriptor, RecordTable, Row } from '../../../modules/records/descriptor.js';
import { presentRows } from '../../../modules/records/record.present.js';
import { loadLinks, visibleIds } from '../../../modules/records/references.js';
import type { FieldDef } from '../../../query/fields.js';
import { orderTerms } from '../../../query/sort.js';
import { dictionaries } from '../dictionaries.js';
import type { EntitySchema } from '../fields/schema.js';
import type { B24Field } from '../fields/types.js';
import { intIn } from '../values.js';
import { buildFilter } from './filter.js';
import { orderKeys } from './order.js';

/** Bitrix24 pages are 50 rows, always. */
export const PAGE_SIZE = 50;

export interface ListRequest {
  filter: unknown;
  order: unknown;
  start: unknown;
  /** The fields the caller will read: only their columns, links and communications are loaded. */
  fields: B24Field[];
}

export interface ListPage {
  records: ApiRecord[];
  total: number;
  next?: number;
}

/** `start` → offset; -1 (no count, as clients paging by `>ID` send) → offset 0 without the total. */
export function startOf(value: unknown): { offset: number; count: boolean } {
  const n = intIn(value);
  if (n === -1) return { offset: 0, count: false };
  return { offset: n === null || Number.isNaN(n) || n < 0 ? 0 : n, count: true };
}

/** Our fields behind the requested Bitrix24 fields (the id always): columns to read, links to load. */
function neededFields(schema: EntitySchema, wanted: B24Field[]): { columns: FieldDef[]; links: FieldDef[] } {
  const names = new Set<string>(['id']);
  for (const f of wanted) {
    if (f.api) names.add(f.api);
    for (const u of f.uses ?? []) names.add(u);
  }
  const defs = [...names].map((n) => schema.registry.get(n)).filter((f): f is FieldDef => f !== undefined);
  return { columns: defs.filter((f) => !f.link), links: defs.filter((f) => f.link) };
}

const LINKED: Record<string, [RecordEntity, RecordTable]> = {
  contact_id: ['contact', 'contacts'],
  company_id: ['company', 'companies'],
};

/** Linked ids (a deal's contacts…) of a page, limited to the records the actor may read. */
async function fillLinks(ctx: Ctx, links: FieldDef[], records: ApiRecord[]): Promise<void> {
  const ids = records.map((r) => r.id);
  for (const f of links) {
    const link = f.link;
    const target = link ? LINKED[link.otherColumn] : undefined;
    if (!link || !target) continue;
    const own = link.ownColumn as 'deal_id' | 'contact_id' | 'company_id';
    const other = link.otherColumn as 'contact_id' | 'company_id';
    const found = await loadLinks(ctx, link.table, own, other, ids);
    const visible = await visibleIds(ctx, target[0], target[1], [...found.values()].flat());
    for (const r of records) r[f.name] = (found.get(r.id) ?? []).filter((x) => visible.has(x));
  }
}

/**
 * A page of records the actor may read, in Bitrix24's list semantics (filter, order, offset `start`),
 * through the shared filter engine, the access reach and the records' own presenter. Reads only the
 * columns the requested fields need, so a short `select` makes a lean page.
 */
export async function listRecordPage(ctx: Ctx, schema: EntitySchema, req: ListRequest): Promise<ListPage> {
  const d: EntityDescriptor = schema.map.descriptor;
  const dict = await dictionaries(ctx.db);
  const t = d.table;
  const commEntity = schema.map.multifields ? d.entity : null;
  const fc = { ctx, byName: schema.byName, commEntity, registry: schema.registry, dict, table: t };
  const wheres = buildFilter(fc, req.filter);
  const keys = orderKeys(schema.byName, schema.registry, req.order);
  const { offset, count } = startOf(req.start);
  const reach = await reachOf(ctx.db, ctx.actor, d.entity, 'read');
  let base = ctx.db.kysely
    .selectFrom(t)
    .$if(reach.kind !== 'all', (q) => q.where(reachCondition(reach, `${t}.${d.ownerColumn}`)));
  for (const w of wheres) base = base.where(w);
  const { columns, links } = neededFields(schema, req.fields);
  let page = base.select(columns.map((f) => sql.ref(`${t}.${f.column}`).as(f.column)));
  for (const term of orderTerms(keys, t)) page = page.orderBy(term);
  const rows = (await page
    .limit(PAGE_SIZE)
    .$if(offset > 0, (q) => q.offset(offset))
    .execute()) as Row[];
  let total = 0;
  if (count) {
    const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  const comms = d.hasCommunications && req.fields.some((f) => f.needs === 'comms');
  const lean = { ...d, hasCommunications: comms, expand: undefined };
  const records = await presentRows(ctx, lean, columns, schema.customs, rows);
  if (links.length) await fillLinks(ctx, links, records);
  const next = count && offset + PAGE_SIZE < total ? offset + PAGE_SIZE : undefined;
  return { records, total, ...(next === undefined ? {} : { next }) };
}
