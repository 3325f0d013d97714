import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { FieldIssue } from '../../../../shared/errors.js';
import type { Ctx } from '../../../context.js';
import { invalid } from '../../../errors.js';
import { normalizeComm } from '../../../modules/records/communications.js';
import type { FieldDef, FieldRegistry, Operator } from '../../../query/fields.js';
import { compileFilter, type FilterNode } from '../../../query/filter.js';
import { toDbValue } from '../../../query/values.js';
import type { Dictionaries } from '../dictionaries.js';
import { filterValue } from '../fields/convert.js';
import type { B24Field } from '../fields/types.js';
import { isPlainObject, listIn } from '../values.js';

/**
 * Bitrix24 list filters → WHERE conditions through our filter engine. Keys carry an operator prefix:
 * = (default) != ! > >= < <= @ !@ % =% %= !% !=% !%=. An array value with = means IN. Unknown fields are
 * ignored, as Bitrix24's legacy lists do. PHONE / EMAIL match normalised communications; a deal's
 * CONTACT_ID and a contact's COMPANY_ID match their link tables.
 */
// biome-ignore lint/suspicious/noExplicitAny: conditions apply to whichever entity table the list reads
type EB = ExpressionBuilder<any, any>;
export type Where = (eb: EB) => Expression<SqlBool>;

type Op = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'like' | 'notLike' | 'pattern';

const PREFIXES: [string, Op][] = [
  ['!=%', 'notLike'],
  ['!%=', 'notLike'],
  ['>=', 'gte'],
  ['<=', 'lte'],
  ['!=', 'ne'],
  ['!@', 'nin'],
  ['!%', 'notLike'],
  ['=%', 'pattern'],
  ['%=', 'pattern'],
  ['!', 'ne'],
  ['@', 'in'],
  ['%', 'like'],
  ['=', 'eq'],
  ['>', 'gt'],
  ['<', 'lt'],
];

export function splitKey(key: string): { op: Op; name: string } {
  for (const [prefix, op] of PREFIXES) {
    if (key.startsWith(prefix)) return { op, name: key.slice(prefix.length).toUpperCase() };
  }
  return { op: 'eq', name: key.toUpperCase() };
}

const NOTHING: Where = () => sql<boolean>`1 = 0`;

export interface FilterContext {
  ctx: Ctx;
  /** Bitrix24 fields by name. */
  byName: Map<string, B24Field>;
  /** The communications' entity type when PHONE / EMAIL filters apply (leads, contacts, companies). */
  commEntity: string | null;
  registry: FieldRegistry;
  dict: Dictionaries;
  table: string;
}

export function buildFilter(fc: FilterContext, filterParam: unknown): Where[] {
  if (filterParam === undefined || filterParam === null || filterParam === '') return [];
  if (!isPlainObject(filterParam))
    throw invalid([{ field: 'filter', message: "Parameter 'filter' must be array." }]);
  const out: Where[] = [];
  const issues: FieldIssue[] = [];
  for (const [key, raw] of Object.entries(filterParam)) {
    const { op, name } = splitKey(key);
    if ((name === 'PHONE' || name === 'EMAIL') && fc.commEntity) {
      out.push(commFilter(fc, name === 'PHONE' ? 'phone' : 'email', op, raw));
      continue;
    }
    const f = fc.byName.get(name);
    const def = f?.api ? fc.registry.get(f.api) : undefined;
    if (!f || !def) continue;
    const where = def.link ? linkFilter(fc, f, def, op, raw) : fieldFilter(fc, f, def, op, raw, key, issues);
    if (where) out.push(where);
  }
  if (issues.length) throw invalid(issues);
  return out;
}

function operands(f: B24Field, raw: unknown, dict: Dictionaries): { values: unknown[]; many: boolean } {
  const many = Array.isArray(raw) || (isPlainObject(raw) && Object.keys(raw).length > 0);
  const list = many ? listIn(raw) : [raw];
  return { values: list.map((v) => filterValue(f, v, dict)), many };
}

function fieldFilter(
  fc: FilterContext,
  f: B24Field,
  def: FieldDef,
  op: Op,
  raw: unknown,
  key: string,
  issues: FieldIssue[],
): Where | null {
  const table = fc.table;
  const node = (o: Operator, value: unknown): FilterNode => ({ kind: 'cmp', field: def, op: o, value });
  if (op === 'like' || op === 'notLike' || op === 'pattern') {
    const text = String(raw ?? '');
    const like = likeNode(def, op, text, node);
    if (!like) return null;
    if (op !== 'notLike') return compileFilter(like, table);
    return compileFilter({ kind: 'or', items: [node('isNull', true), { kind: 'not', item: like }] }, table);
  }
  const { values, many } = operands(f, raw, fc.dict);
  // An empty value matches an empty field: filter[NAME]="" finds records without a name.
  if (!many && (values[0] === null || values[0] === '' || raw === '')) {
    if (op === 'eq') return compileFilter(node('isNull', true), table);
    if (op === 'ne') return compileFilter(node('isNull', false), table);
  }
  const converted: unknown[] = [];
  for (const v of values) {
    if (v === undefined || v === null) continue; // a code that does not exist matches nothing
    const r = toDbValue(def.type === 'multienum' ? 'integer' : def.type, v);
    if (r.ok) converted.push(r.value);
    else issues.push({ field: `filter.${key}`, message: r.error });
  }
  const negative = op === 'ne' || op === 'nin';
  if (!converted.length) return negative ? null : NOTHING;
  if (def.type === 'multienum') {
    const any: FilterNode = { kind: 'or', items: converted.map((v) => node('contains', v)) };
    return compileFilter(negative ? { kind: 'not', item: any } : any, table);
  }
  if (op === 'in' || op === 'nin' || many) {
    return compileFilter(node(negative ? 'nin' : 'in', converted), table);
  }
  return compileFilter(node(op as Operator, converted[0]), table);
}

/** % is "contains"; =% / %= take the value's own % wildcards (prefix% → starts with). */
function likeNode(
  def: FieldDef,
  op: Op,
  text: string,
  node: (o: Operator, value: unknown) => FilterNode,
): FilterNode | null {
  if (def.type !== 'string' && def.type !== 'text') return null;
  if (op !== 'pattern') return node('contains', text.replaceAll('%', ''));
  const core = text.replace(/^%+|%+$/g, '');
  if (!text.includes('%')) return node('eq', text);
  if (text.endsWith('%') && !text.startsWith('%')) return node('startsWith', core);
  return node('contains', core);
}

function commFilter(fc: FilterContext, kind: 'phone' | 'email', op: Op, raw: unknown): Where {
  const values = listIn(raw).map((v) => normalizeComm(kind, String(v), fc.ctx.phoneRegion));
  const entity = fc.commEntity;
  const like = op === 'like' || op === 'pattern';
  return (eb) => {
    const match = values.length
      ? like
        ? sql.join(
            values.map(
              (v) => sql`c.normalized like ${`%${v.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} escape '\\'`,
            ),
            sql` or `,
          )
        : sql`c.normalized in (${sql.join(values)})`
      : sql`1 = 0`;
    const exists = sql<boolean>`exists (select 1 from communications c where c.entity_type = ${entity} and c.entity_id = ${eb.ref(`${fc.table}.id`)} and c.kind = ${kind} and (${match}))`;
    return op === 'ne' || op === 'nin' || op === 'notLike' ? eb.not(exists) : exists;
  };
}

function linkFilter(fc: FilterContext, f: B24Field, def: FieldDef, op: Op, raw: unknown): Where | null {
  const link = def.link;
  if (!link) return null;
  const ids = listIn(raw)
    .map((v) => filterValue(f, v, fc.dict))
    .filter((v): v is number => typeof v === 'number' && Number.isSafeInteger(v));
  return (eb) => {
    const exists = ids.length
      ? sql<boolean>`exists (select 1 from ${sql.table(link.table)} l where ${sql.ref(`l.${link.ownColumn}`)} = ${eb.ref(`${fc.table}.id`)} and ${sql.ref(`l.${link.otherColumn}`)} in (${sql.join(ids)}))`
      : sql<boolean>`1 = 0`;
    return op === 'ne' || op === 'nin' ? eb.not(exists) : exists;
  };
}
