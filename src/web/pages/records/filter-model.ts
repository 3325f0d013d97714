/**
 * The filter builder's model: a flat list of conditions, all of which must hold, plus the quick search.
 * It converts to and from the API's filter JSON so saved filters and links round-trip exactly.
 */
export type Op =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'contains'
  | 'startsWith'
  | 'isNull'
  | 'notNull';

export interface Condition {
  field: string;
  op: Op;
  value: string | number | boolean | (string | number)[] | null;
}

export type ApiFilter = Record<string, unknown>;

export function conditionToApi(c: Condition): ApiFilter {
  if (c.op === 'isNull') return { [c.field]: { isNull: true } };
  if (c.op === 'notNull') return { [c.field]: { isNull: false } };
  return { [c.field]: { [c.op]: c.value } };
}

/** Conditions (+ quick search on one field) → the API filter; undefined when there is nothing to filter. */
export function toApiFilter(
  conditions: Condition[],
  quick?: { field: string; text: string },
): ApiFilter | undefined {
  const parts = conditions.filter(isComplete).map(conditionToApi);
  if (quick?.text.trim()) parts.push({ [quick.field]: { contains: quick.text.trim() } });
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return { and: parts };
}

export function isComplete(c: Condition): boolean {
  if (!c.field) return false;
  if (c.op === 'isNull' || c.op === 'notNull') return true;
  if (Array.isArray(c.value)) return c.value.length > 0;
  return c.value !== null && c.value !== '';
}

const OPS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'startsWith', 'isNull']);

/** The API filter → conditions; returns null for shapes the builder cannot show (or/not, nested). */
export function fromApiFilter(filter: ApiFilter | undefined): Condition[] | null {
  if (!filter) return [];
  const items =
    Array.isArray(filter.and) && Object.keys(filter).length === 1 ? (filter.and as ApiFilter[]) : [filter];
  const out: Condition[] = [];
  for (const item of items) {
    for (const [field, cond] of Object.entries(item)) {
      if (field === 'and' || field === 'or' || field === 'not') return null;
      if (cond === null) {
        out.push({ field, op: 'isNull', value: null });
        continue;
      }
      if (typeof cond !== 'object' || Array.isArray(cond)) {
        out.push({ field, op: 'eq', value: cond as Condition['value'] });
        continue;
      }
      for (const [op, value] of Object.entries(cond as Record<string, unknown>)) {
        if (!OPS.has(op)) return null;
        if (op === 'isNull') out.push({ field, op: value ? 'isNull' : 'notNull', value: null });
        else out.push({ field, op: op as Op, value: value as Condition['value'] });
      }
    }
  }
  return out;
}

/** The conditions as a compact URL parameter (and back). */
export const encodeConditions = (c: Condition[]) =>
  c.length ? JSON.stringify(c.map((x) => [x.field, x.op, x.value])) : null;

export function decodeConditions(text: string | null): Condition[] {
  if (!text) return [];
  try {
    const raw = JSON.parse(text) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter(
        (x): x is [string, Op, Condition['value']] =>
          Array.isArray(x) && typeof x[0] === 'string' && typeof x[1] === 'string',
      )
      .map(([field, op, value]) => ({ field, op, value }));
  } catch {
    return [];
  }
}

/** Operators offered for a kind of field. */
export function opsFor(kind: string): Op[] {
  switch (kind) {
    case 'text':
    case 'comm':
      return ['contains', 'eq', 'ne', 'startsWith', 'isNull', 'notNull'];
    case 'money':
    case 'number':
    case 'date':
    case 'datetime':
      return ['eq', 'gt', 'gte', 'lt', 'lte', 'isNull', 'notNull'];
    case 'boolean':
      return ['eq'];
    default:
      return ['eq', 'ne', 'in', 'isNull', 'notNull'];
  }
}
