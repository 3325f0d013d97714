import type { ApiRecord } from '../../../modules/records/descriptor.js';
import type { Dictionaries } from '../dictionaries.js';
import {
  boolIn,
  dateIn,
  dateOut,
  dateTimeIn,
  dateTimeOut,
  idIn,
  intIn,
  moneyIn,
  str,
  yn,
} from '../values.js';
import type { B24Field, Input } from './types.js';

/** Default conversions by Bitrix24 type, used by every field that does not bring its own. */

const ID_TYPES = new Set(['user', 'crm_company', 'crm_contact', 'crm_lead', 'employee']);

export function readValue(f: B24Field, rec: ApiRecord, dict: Dictionaries): unknown {
  if (f.read) return f.read(rec, dict);
  const v = f.api ? rec[f.api] : undefined;
  if (f.multiple && Array.isArray(v)) return v.map((x) => str(x));
  switch (f.type) {
    case 'char':
      return yn(v);
    case 'date':
      return dateOut(v);
    case 'datetime':
      return dateTimeOut(v);
    default:
      return str(v);
  }
}

/** A Bitrix24 input value → our API value; an unconvertible value is passed on so validation names it. */
export function inputValue(f: B24Field, v: unknown): unknown {
  if (f.multiple && f.type !== 'crm_multifield') {
    const list = Array.isArray(v) ? v : v === '' || v === null || v === undefined ? [] : [v];
    return list.map((x) => scalarIn(f, x)).filter((x) => x !== null);
  }
  return scalarIn(f, v);
}

function orRaw<T>(parsed: T, raw: unknown): T | unknown {
  return typeof parsed === 'number' && Number.isNaN(parsed) ? raw : parsed;
}

function scalarIn(f: B24Field, v: unknown): unknown {
  if (f.type === 'integer') return orRaw(intIn(v), v);
  if (ID_TYPES.has(f.type)) return orRaw(idIn(v), v);
  switch (f.type) {
    case 'double':
    case 'money':
      return moneyIn(v);
    case 'char':
    case 'boolean': {
      const b = boolIn(v);
      return b === undefined ? v : b;
    }
    case 'date':
      return dateIn(v);
    case 'datetime':
      return dateTimeIn(v);
    case 'string':
    case 'url':
      return v === null || v === undefined ? null : typeof v === 'string' ? v : String(v);
    default:
      return v === '' ? null : v;
  }
}

export function writeValue(
  f: B24Field,
  v: unknown,
  input: Input,
  dict: Dictionaries,
  existing: ApiRecord | null,
) {
  if (f.readOnly) return;
  if (f.write) return f.write(v, input, dict, existing);
  if (f.api) input[f.api] = inputValue(f, v);
}

/** A filter operand → our API value (numbers for ids, booleans for Y/N, ISO for dates). */
export function filterValue(f: B24Field, v: unknown, dict: Dictionaries): unknown {
  if (f.filterValue) return f.filterValue(v, dict);
  if (f.type === 'datetime') return dateTimeIn(v);
  if (f.type === 'double' || f.type === 'money') return moneyIn(v);
  if (f.type === 'integer') return intIn(v);
  if (ID_TYPES.has(f.type) || f.name === 'ID') return intIn(v);
  if (f.type === 'char' || f.type === 'boolean') return boolIn(v);
  if (f.type === 'date') return dateIn(v);
  if (f.type === 'enumeration') return intIn(v);
  return v === null || v === undefined ? v : String(v);
}
