import { parseMoney, parseRate } from '../../shared/money.js';
import type { FieldType } from './fields.js';

/** Turns a filter or cursor value from the API into what the column stores; returns an error text when it can't. */
export function toDbValue(
  type: FieldType,
  value: unknown,
): { ok: true; value: string | number } | { ok: false; error: string } {
  switch (type) {
    case 'id':
    case 'integer':
    case 'ref': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      return Number.isSafeInteger(n)
        ? { ok: true, value: n as number }
        : { ok: false, error: 'must be an integer' };
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, error: 'must be a number' };
    }
    case 'money': {
      const m = typeof value === 'string' || typeof value === 'number' ? parseMoney(value) : null;
      return m === null
        ? { ok: false, error: 'must be an amount such as "1234.50"' }
        : { ok: true, value: Number(m) };
    }
    case 'rate': {
      const r = typeof value === 'string' || typeof value === 'number' ? parseRate(value) : null;
      return r === null ? { ok: false, error: 'must be a percentage such as "20"' } : { ok: true, value: r };
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? { ok: true, value: value ? 1 : 0 }
        : { ok: false, error: 'must be true or false' };
    case 'date':
      return typeof value === 'string' && isIsoDate(value)
        ? { ok: true, value }
        : { ok: false, error: 'must be a date YYYY-MM-DD' };
    case 'datetime': {
      if (
        typeof value !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)
      ) {
        return { ok: false, error: 'must be an ISO-8601 date-time' };
      }
      const d = new Date(value);
      return Number.isNaN(d.getTime())
        ? { ok: false, error: 'must be a valid date-time' }
        : { ok: true, value: d.toISOString() };
    }
    case 'enum':
    case 'multienum':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return { ok: true, value };
      return typeof value === 'string' ? { ok: true, value } : { ok: false, error: 'must be a string' };
    case 'string':
    case 'text':
      return typeof value === 'string' ? { ok: true, value } : { ok: false, error: 'must be a string' };
  }
}

export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}
