import { formatMoney } from '../../../shared/money.js';
import type { ReplaceRowsBody } from '../../../shared/schemas/products.js';
import { assertRecordAccess } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { nowIso, withTx } from '../../db/tx.js';
import { invalid, notFound } from '../../errors.js';
import { publishRecordChange } from '../../live/record-changes.js';
import { writeIfVersion } from '../../optimistic.js';
import { dealEntity } from '../deals/deal.entity.js';
import { type FieldChange, recordHistory } from '../history/history.service.js';
import { leadEntity } from '../leads/lead.entity.js';
import { getRecord, versionConflict } from '../records/record.service.js';
import { resolveRows } from './product-row.input.js';
import {
  type PresentedRow,
  presentRow,
  presentTotals,
  type StoredRow,
  totalsOf,
  withComputedDiscount,
} from './product-row.math.js';

/** Product rows of leads and deals: read with figures, replace all at once, copy on lead conversion. */

export type RowOwner = 'lead' | 'deal';

export interface ProductRowsView {
  ownerType: RowOwner;
  ownerId: number;
  /** The record's version: send it back with PUT to detect concurrent changes. */
  version: number;
  currency: string;
  rows: PresentedRow[];
  totals: ReturnType<typeof presentTotals>;
}

const descriptorOf = (owner: RowOwner) => (owner === 'lead' ? leadEntity : dealEntity);
const tableOf = (owner: RowOwner) => (owner === 'lead' ? 'leads' : 'deals');

interface OwnerRow {
  id: number;
  version: number;
  responsible_id: number;
  amount: number;
  currency: string;
}

async function loadOwner(ctx: Ctx, owner: RowOwner, id: number): Promise<OwnerRow> {
  const row = await ctx.db.kysely
    .selectFrom(tableOf(owner))
    .select(['id', 'version', 'responsible_id', 'amount', 'currency'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(descriptorOf(owner).label, id);
  return row;
}

async function loadRows(db: Db, owner: RowOwner, id: number): Promise<(StoredRow & { id: number })[]> {
  return db.kysely
    .selectFrom('product_rows')
    .select([
      'id',
      'product_id',
      'name',
      'price',
      'quantity',
      'discount_type',
      'discount_rate',
      'discount_sum',
      'tax_rate',
      'tax_included',
      'measure',
      'sort',
    ])
    .where('owner_type', '=', owner)
    .where('owner_id', '=', id)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

function view(owner: RowOwner, record: OwnerRow, rows: (StoredRow & { id?: number })[]): ProductRowsView {
  return {
    ownerType: owner,
    ownerId: record.id,
    version: record.version,
    currency: record.currency,
    rows: rows.map((r) => presentRow(r, withComputedDiscount(r).figures)),
    totals: presentTotals(totalsOf(rows)),
  };
}

export async function getProductRows(ctx: Ctx, owner: RowOwner, id: number): Promise<ProductRowsView> {
  const record = await loadOwner(ctx, owner, id);
  const d = descriptorOf(owner);
  await assertRecordAccess(ctx.db, ctx.actor, d.entity, 'read', record.responsible_id, d.label, id);
  return view(owner, record, await loadRows(ctx.db, owner, id));
}

/** Replaces the stored rows; returns them with their new ids. */
async function writeRows(db: Db, owner: RowOwner, id: number, rows: StoredRow[]) {
  await db.kysely
    .deleteFrom('product_rows')
    .where('owner_type', '=', owner)
    .where('owner_id', '=', id)
    .execute();
  if (rows.length) {
    const values = rows.map((r) => ({ ...withComputedDiscount(r).row, owner_type: owner, owner_id: id }));
    await db.kysely.insertInto('product_rows').values(values).execute();
  }
  return loadRows(db, owner, id);
}

/** The record's amount is the rows' total; it must stay an exact integer of hundredths. */
function amountOfRows(rows: StoredRow[]): number {
  const totals = totalsOf(rows);
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (totals.total > max || totals.subtotal > max)
    throw invalid([{ field: 'rows', message: 'the total is too large' }]);
  return Number(totals.total);
}

const historyRows = (rows: PresentedRow[]) => rows.map(({ id: _id, ...rest }) => rest);

/** PUT: replaces every row of the record in one transaction, recomputes its amount, bumps its version. */
export async function replaceProductRows(
  ctx: Ctx,
  owner: RowOwner,
  id: number,
  body: ReplaceRowsBody,
): Promise<ProductRowsView> {
  const d = descriptorOf(owner);
  return withTx(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const record = await loadOwner(tx, owner, id);
    await assertRecordAccess(db, ctx.actor, d.entity, 'update', record.responsible_id, d.label, id);
    if (body.version !== undefined && body.version !== record.version)
      throw versionConflict(d, await getRecord(tx, d, id));
    const before = view(owner, record, await loadRows(db, owner, id));
    const rows = await resolveRows(tx, body.rows, record.currency);
    const amount = amountOfRows(rows);
    const written = await writeIfVersion(db, tableOf(owner), id, record.version, {
      amount,
      ...(owner === 'deal' ? { has_product_rows: rows.length ? 1 : 0 } : {}),
      updated_by: ctx.actor.userId || null,
      updated_at: nowIso(),
    });
    if (!written) throw versionConflict(d, await getRecord(tx, d, id));
    const after = view(
      owner,
      { ...record, amount, version: record.version + 1 },
      await writeRows(db, owner, id, rows),
    );
    const changes: FieldChange[] = [
      { field: 'productRows', old: historyRows(before.rows), new: historyRows(after.rows) },
    ];
    if (amount !== record.amount)
      changes.push({ field: 'amount', old: formatMoney(record.amount), new: formatMoney(amount) });
    await recordHistory(tx, d.entity, id, 'update', changes);
    await publishRecordChange(db, d.entity, id, 'updated', [record.responsible_id]);
    return after;
  });
}

/**
 * Copies one record's rows onto another created in the same transaction (lead → deal on conversion) and sets
 * the target's amount from them. The target is new, so its version stays as created.
 */
export async function copyProductRows(ctx: Ctx, from: RowOwner, fromId: number, to: RowOwner, toId: number) {
  const source = await loadRows(ctx.db, from, fromId);
  if (!source.length) return 0;
  const rows = source.map(({ id: _id, ...r }) => r);
  await writeRows(ctx.db, to, toId, rows);
  const amount = amountOfRows(rows);
  await ctx.db.kysely
    .updateTable(tableOf(to))
    .set({ amount, ...(to === 'deal' ? { has_product_rows: 1 } : {}) } as never)
    .where('id', '=', toId)
    .execute();
  return rows.length;
}
