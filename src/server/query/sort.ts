import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { ErrorCodes } from '../../shared/errors.js';
import { AppError, invalid } from '../errors.js';
import type { FieldDef, FieldRegistry } from './fields.js';

export interface SortKey {
  field: FieldDef;
  desc: boolean;
}

/**
 * Parses `sort=-amount,title`. The id is always appended as the final tie-breaker (in the direction of the
 * last key) so the order is total and a keyset cursor can resume exactly where a page ended.
 */
export function parseSort(input: string | undefined, fields: FieldRegistry, fallback = '-id'): SortKey[] {
  const text = input?.trim() || fallback;
  const keys: SortKey[] = [];
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const token = part.trim();
    const desc = token.startsWith('-');
    const name = desc || token.startsWith('+') ? token.slice(1) : token;
    const field = fields.get(name);
    if (!field || field.sortable === false)
      throw invalid([{ field: 'sort', message: `cannot sort by "${name}"` }]);
    if (seen.has(name)) continue;
    seen.add(name);
    keys.push({ field, desc });
    if (name === 'id') break;
  }
  const idField = fields.get('id');
  if (!seen.has('id') && idField) keys.push({ field: idField, desc: keys[keys.length - 1]?.desc ?? true });
  return keys;
}

/** ORDER BY terms. NULL sorts as the smallest value on both engines (first ascending, last descending). */
export function orderTerms(keys: SortKey[], table: string): RawBuilder<unknown>[] {
  return keys.map(({ field, desc }) => {
    const col = sql.ref(`${table}.${field.column}`);
    if (!field.nullable) return desc ? sql`${col} desc` : sql`${col} asc`;
    return desc ? sql`${col} desc nulls last` : sql`${col} asc nulls first`;
  });
}

type Cursor = (string | number | null)[];

export function encodeCursor(keys: SortKey[], row: Record<string, unknown>): string {
  const values = keys.map((k) => row[k.field.column] ?? null);
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(keys: SortKey[], cursor: string): Cursor {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const fits =
    Array.isArray(values) &&
    values.length === keys.length &&
    values.every((v, i) => {
      const k = keys[i] as SortKey;
      if (v === null) return k.field.nullable;
      return typeof v === 'string' || typeof v === 'number';
    });
  if (!fits) {
    throw new AppError(ErrorCodes.VALIDATION_FAILED, 'cursor: invalid, or made for another sort order', [
      { field: 'cursor', message: 'invalid, or made for another sort order' },
    ]);
  }
  return values as Cursor;
}

// biome-ignore lint/suspicious/noExplicitAny: keyset conditions apply to whichever entity table the list reads
type EB = ExpressionBuilder<any, any>;

/** "Rows after the cursor" for the given order; a row-value comparison when the index can seek on it. */
export function afterCursor(keys: SortKey[], cursor: Cursor, table: string): (eb: EB) => Expression<SqlBool> {
  return (eb) => {
    const refs = keys.map((k) => sql.ref(`${table}.${k.field.column}`));
    const sameDirection = keys.every((k) => k.desc === keys[0]?.desc);
    const noNulls = keys.every((k, i) => !k.field.nullable && cursor[i] !== null);
    if (sameDirection && noNulls) {
      const op = sql.raw(keys[0]?.desc ? '<' : '>');
      return sql<boolean>`(${sql.join(refs)}) ${op} (${sql.join(cursor)})`;
    }
    const branches = keys.map((key, i) => {
      const eqs = keys.slice(0, i).map((_k, j) => equalTo(eb, refs[j] as Ref, cursor[j] ?? null));
      return eb.and([...eqs, strictlyAfter(eb, refs[i] as Ref, key, cursor[i] ?? null)]);
    });
    return eb.or(branches);
  };
}

type Ref = RawBuilder<unknown>;

function equalTo(eb: EB, ref: Ref, v: string | number | null): Expression<SqlBool> {
  return v === null ? eb(ref, 'is', null) : eb(ref, '=', v);
}

function strictlyAfter(eb: EB, ref: Ref, key: SortKey, v: string | number | null): Expression<SqlBool> {
  if (!key.desc) {
    // ascending, nulls first: after NULL come all non-nulls; after v come greater values
    return v === null ? eb(ref, 'is not', null) : eb(ref, '>', v);
  }
  // descending, nulls last: after v come smaller values and then the NULLs; nothing comes after NULL
  if (v === null) return sql<boolean>`1 = 0`;
  return key.field.nullable ? eb.or([eb(ref, '<', v), eb(ref, 'is', null)]) : eb(ref, '<', v);
}
