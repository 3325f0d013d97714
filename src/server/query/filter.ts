import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { FieldIssue } from '../../shared/errors.js';
import { invalid } from '../errors.js';
import { scanForNul } from '../validation.js';
import { type FieldDef, type FieldRegistry, OPERATORS, type Operator, operatorsFor } from './fields.js';
import { toDbValue } from './values.js';

/**
 * Filter language of every list (GET ?filter=<json> and POST /search):
 *   { "stageId": 3, "amount": { "gte": "1000" }, "or": [ { "title": { "contains": "acme" } }, … ],
 *     "and": [ … ], "not": { … } }
 * A bare value means eq; null means isNull. Unknown fields or operators are a 400 naming the path.
 */
export type FilterNode =
  | { kind: 'and' | 'or'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode }
  | { kind: 'cmp'; field: FieldDef; op: Operator; value: unknown };

const MAX_DEPTH = 8;
const MAX_IN = 1000;

export function parseFilter(input: unknown, fields: FieldRegistry, path = 'filter'): FilterNode {
  const issues: FieldIssue[] = [];
  scanForNul(input, path, issues);
  if (issues.length) throw invalid(issues);
  const node = parseNode(input, fields, path, issues, 0);
  if (issues.length) throw invalid(issues);
  return node;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseNode(
  input: unknown,
  fields: FieldRegistry,
  path: string,
  issues: FieldIssue[],
  depth: number,
): FilterNode {
  if (depth > MAX_DEPTH) {
    issues.push({ field: path, message: `nesting deeper than ${MAX_DEPTH} levels` });
    return { kind: 'and', items: [] };
  }
  if (!isPlainObject(input)) {
    issues.push({ field: path, message: 'must be an object of field conditions' });
    return { kind: 'and', items: [] };
  }
  const items: FilterNode[] = [];
  for (const [key, value] of Object.entries(input)) {
    const at = `${path}.${key}`;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value) || value.length === 0) {
        issues.push({ field: at, message: 'must be a non-empty array of filters' });
        continue;
      }
      items.push({
        kind: key,
        items: value.map((v, i) => parseNode(v, fields, `${at}.${i}`, issues, depth + 1)),
      });
      continue;
    }
    if (key === 'not') {
      items.push({ kind: 'not', item: parseNode(value, fields, at, issues, depth + 1) });
      continue;
    }
    const field = fields.get(key);
    if (!field || field.filterable === false) {
      issues.push({ field: at, message: 'unknown field' });
      continue;
    }
    const conditions: Record<string, unknown> = isPlainObject(value)
      ? value
      : value === null
        ? { isNull: true }
        : { eq: value };
    if (Object.keys(conditions).length === 0)
      issues.push({ field: at, message: 'needs at least one operator' });
    for (const [op, operand] of Object.entries(conditions)) {
      const cmp = parseComparison(field, op, operand, `${at}.${op}`, issues);
      if (cmp) items.push(cmp);
    }
  }
  return items.length === 1 ? (items[0] as FilterNode) : { kind: 'and', items };
}

function parseComparison(
  field: FieldDef,
  op: string,
  operand: unknown,
  at: string,
  issues: FieldIssue[],
): FilterNode | null {
  if (!(OPERATORS as readonly string[]).includes(op)) {
    issues.push({ field: at, message: `unknown operator; use one of ${OPERATORS.join(', ')}` });
    return null;
  }
  const allowed = operatorsFor(field.type, field);
  if (!allowed.includes(op as Operator)) {
    issues.push({
      field: at,
      message: `operator not allowed on a ${field.type} field; use one of ${allowed.join(', ')}`,
    });
    return null;
  }
  if (op === 'isNull') {
    if (typeof operand !== 'boolean') issues.push({ field: at, message: 'must be true or false' });
    return { kind: 'cmp', field, op: 'isNull', value: operand };
  }
  if (op === 'in' || op === 'nin') {
    if (!Array.isArray(operand) || operand.length === 0 || operand.length > MAX_IN) {
      issues.push({ field: at, message: `must be an array of 1 to ${MAX_IN} values` });
      return null;
    }
    const values: unknown[] = [];
    operand.forEach((v, i) => {
      const r = toDbValue(field.type, v);
      if (r.ok) values.push(r.value);
      else issues.push({ field: `${at}.${i}`, message: r.error });
    });
    return { kind: 'cmp', field, op, value: values };
  }
  if (op === 'contains' || op === 'startsWith') {
    if (typeof operand !== 'string' && !(field.type === 'multienum' && typeof operand === 'number')) {
      issues.push({ field: at, message: 'must be a string' });
      return null;
    }
    return { kind: 'cmp', field, op, value: operand };
  }
  const r = toDbValue(field.type, operand);
  if (!r.ok) {
    issues.push({ field: at, message: r.error });
    return null;
  }
  return { kind: 'cmp', field, op: op as Operator, value: r.value };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// biome-ignore lint/suspicious/noExplicitAny: filters compile against whichever entity table the list reads
type EB = ExpressionBuilder<any, any>;

/** Compiles a parsed filter into a WHERE expression. `table` qualifies columns when the query joins. */
export function compileFilter(node: FilterNode, table: string): (eb: EB) => Expression<SqlBool> {
  return (eb) => build(eb, node, table);
}

function build(eb: EB, node: FilterNode, table: string): Expression<SqlBool> {
  switch (node.kind) {
    case 'and':
      return node.items.length ? eb.and(node.items.map((n) => build(eb, n, table))) : sql<boolean>`1 = 1`;
    case 'or':
      return eb.or(node.items.map((n) => build(eb, n, table)));
    case 'not':
      return eb.not(build(eb, node.item, table));
    case 'cmp':
      return comparison(eb, node.field, node.op, node.value, table);
  }
}

function comparison(
  eb: EB,
  field: FieldDef,
  op: Operator,
  value: unknown,
  table: string,
): Expression<SqlBool> {
  const col = eb.ref(`${table}.${field.column}`);
  switch (op) {
    case 'eq':
      return eb(col, '=', value);
    case 'ne':
      // "not equal" includes empty values, as a user expects ("stage is not Won" lists deals with no stage too).
      return field.nullable ? eb.or([eb(col, '<>', value), eb(col, 'is', null)]) : eb(col, '<>', value);
    case 'gt':
      return eb(col, '>', value);
    case 'gte':
      return eb(col, '>=', value);
    case 'lt':
      return eb(col, '<', value);
    case 'lte':
      return eb(col, '<=', value);
    case 'in':
      return eb(col, 'in', value as unknown[]);
    case 'nin':
      return field.nullable
        ? eb.or([eb(col, 'not in', value as unknown[]), eb(col, 'is', null)])
        : eb(col, 'not in', value as unknown[]);
    case 'isNull':
      return value ? eb(col, 'is', null) : eb(col, 'is not', null);
    case 'contains':
      if (field.type === 'multienum') return sql<boolean>`${col} like ${`%,${String(value)},%`}`;
      return sql<boolean>`lower(${col}) like lower(${`%${escapeLike(String(value))}%`}) escape '\\'`;
    case 'startsWith':
      return sql<boolean>`lower(${col}) like lower(${`${escapeLike(String(value))}%`}) escape '\\'`;
  }
}
