import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { invalid } from '../../errors.js';

/** Currencies, sources and lead statuses: small reference tables every record form uses. */
export async function baseCurrency(db: Db): Promise<string> {
  const row = await db.kysely
    .selectFrom('currencies')
    .select('code')
    .orderBy('is_base', 'desc')
    .orderBy('sort')
    .executeTakeFirst();
  return row?.code ?? 'USD';
}

export async function assertCurrency(ctx: Ctx, code: string, field = 'currency'): Promise<void> {
  const row = await ctx.db.kysely
    .selectFrom('currencies')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw invalid([{ field, message: `unknown currency ${code}; add it under currencies first` }]);
}

export async function assertSource(ctx: Ctx, id: number): Promise<void> {
  const row = await ctx.db.kysely.selectFrom('sources').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw invalid([{ field: 'sourceId', message: `no source with id ${id}` }]);
}

export async function listCurrencies(db: Db) {
  const rows = await db.kysely.selectFrom('currencies').selectAll().orderBy('sort').orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    exponent: r.exponent,
    isBase: Boolean(r.is_base),
    sort: r.sort,
  }));
}

export async function listSources(db: Db) {
  const rows = await db.kysely.selectFrom('sources').selectAll().orderBy('sort').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, sort: r.sort }));
}

export async function listLeadStatuses(db: Db) {
  const rows = await db.kysely
    .selectFrom('lead_statuses')
    .selectAll()
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    sort: r.sort,
    semantics: r.semantics,
    color: r.color,
  }));
}
