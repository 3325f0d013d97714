import type { z } from 'zod';
import type {
  currencyCreate,
  currencyUpdate,
  sourceCreate,
  sourceUpdate,
} from '../../../shared/schemas/org.js';
import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { CurrenciesTable, SourcesTable } from '../../db/schema.js';
import { withTx } from '../../db/tx.js';
import { invalid, notFound } from '../../errors.js';
import { conflict } from '../../optimistic.js';
import { codeFromName, firstFreeCode } from './code.js';
import { listCurrencies, listSources } from './reference.repository.js';

/** Changes to currencies and sources (administrators). Reads are in reference.repository.ts. */
type CurrencyCreate = z.output<typeof currencyCreate>;
type CurrencyUpdate = z.output<typeof currencyUpdate>;
type SourceCreate = z.output<typeof sourceCreate>;
type SourceUpdate = z.output<typeof sourceUpdate>;

type CurrencyView = Awaited<ReturnType<typeof listCurrencies>>[number];
type SourceView = Awaited<ReturnType<typeof listSources>>[number];

async function currency(db: Db, code: string): Promise<CurrencyView> {
  const found = (await listCurrencies(db)).find((c) => c.code === code);
  if (!found) throw notFound('Currency', code);
  return found;
}

const nextSort = (sorts: number[]) => Math.max(-10, ...sorts) + 10;

export async function createCurrency(db: Db, actor: Actor, input: CurrencyCreate): Promise<CurrencyView> {
  assertAdmin(actor);
  try {
    return await withTx(db, async (tx) => {
      const all = await listCurrencies(tx);
      if (all.some((c) => c.code === input.code))
        throw conflict(`Currency ${input.code} already exists`, [
          { field: 'code', message: 'already exists' },
        ]);
      if (input.isBase) await tx.kysely.updateTable('currencies').set({ is_base: 0 }).execute();
      await tx.kysely
        .insertInto('currencies')
        .values({
          code: input.code,
          name: input.name,
          exponent: input.exponent,
          is_base: input.isBase || all.length === 0 ? 1 : 0,
          sort: input.sort ?? nextSort(all.map((c) => c.sort)),
        })
        .execute();
      return currency(tx, input.code);
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(`Currency ${input.code} already exists`, [{ field: 'code', message: 'already exists' }]);
    throw err;
  }
}

/** One currency is always the base (reports convert into it): it moves by making another one the base. */
export async function updateCurrency(
  db: Db,
  actor: Actor,
  code: string,
  input: CurrencyUpdate,
): Promise<CurrencyView> {
  assertAdmin(actor);
  return withTx(db, async (tx) => {
    const existing = await currency(tx, code);
    if (input.isBase === false && existing.isBase) {
      throw invalid([
        {
          field: 'isBase',
          message: 'one currency is always the base; make another currency the base instead',
        },
      ]);
    }
    if (input.isBase === true && !existing.isBase)
      await tx.kysely.updateTable('currencies').set({ is_base: 0 }).execute();
    const values: Partial<CurrenciesTable> = {};
    if (input.name !== undefined) values.name = input.name;
    if (input.exponent !== undefined) values.exponent = input.exponent;
    if (input.isBase !== undefined) values.is_base = input.isBase ? 1 : 0;
    if (input.sort !== undefined) values.sort = input.sort;
    if (Object.keys(values).length)
      await tx.kysely.updateTable('currencies').set(values).where('code', '=', code).execute();
    return currency(tx, code);
  });
}

async function source(db: Db, id: number): Promise<SourceView> {
  const found = (await listSources(db)).find((s) => s.id === id);
  if (!found) throw notFound('Source', id);
  return found;
}

const sourceCodeTaken = (code: string) =>
  conflict(`Source code ${code} is already used`, [{ field: 'code', message: 'is already used' }]);

export async function createSource(db: Db, actor: Actor, input: SourceCreate): Promise<SourceView> {
  assertAdmin(actor);
  let code = input.code ?? '';
  try {
    return await withTx(db, async (tx) => {
      const all = await listSources(tx);
      const taken = new Set(all.map((s) => s.code));
      if (input.code !== undefined && taken.has(input.code)) throw sourceCodeTaken(input.code);
      code = input.code ?? firstFreeCode(codeFromName(input.name, 'SOURCE'), taken);
      const row = await tx.kysely
        .insertInto('sources')
        .values({ code, name: input.name, sort: input.sort ?? nextSort(all.map((s) => s.sort)) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return source(tx, row.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw sourceCodeTaken(code);
    throw err;
  }
}

export async function updateSource(
  db: Db,
  actor: Actor,
  id: number,
  input: SourceUpdate,
): Promise<SourceView> {
  assertAdmin(actor);
  return withTx(db, async (tx) => {
    await source(tx, id);
    const values: Partial<Omit<SourcesTable, 'id'>> = {};
    if (input.name !== undefined) values.name = input.name;
    if (input.sort !== undefined) values.sort = input.sort;
    if (Object.keys(values).length)
      await tx.kysely.updateTable('sources').set(values).where('id', '=', id).execute();
    return source(tx, id);
  });
}

const SOURCE_TABLES = ['leads', 'contacts', 'companies', 'deals'] as const;

/** A source that records point to stays (deleting it would silently erase where those clients came from). */
export async function deleteSource(db: Db, actor: Actor, id: number): Promise<void> {
  assertAdmin(actor);
  await withTx(db, async (tx) => {
    const existing = await source(tx, id);
    for (const table of SOURCE_TABLES) {
      const used = await tx.kysely
        .selectFrom(table)
        .select('id')
        .where('source_id', '=', id)
        .limit(1)
        .executeTakeFirst();
      if (used) throw conflict(`Source "${existing.name}" is used by ${table}; it cannot be deleted`);
    }
    await tx.kysely.deleteFrom('sources').where('id', '=', id).execute();
  });
}
