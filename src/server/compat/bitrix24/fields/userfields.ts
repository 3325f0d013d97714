import type { CustomFieldType } from '../../../../shared/schemas/custom-fields.js';
import type { CustomFieldDef } from '../../../modules/custom-fields/custom-field.types.js';
import {
  boolIn,
  dateIn,
  dateOut,
  dateTimeIn,
  dateTimeOut,
  idIn,
  intIn,
  listIn,
  moneyIn,
  numberIn,
  str,
} from '../values.js';
import type { B24Field, B24Type } from './types.js';

/** Our custom fields (named UF_CRM_…) as Bitrix24 user fields, with values as Bitrix24 writes them. */

export const B24_TYPE_OF: Record<CustomFieldType, B24Type> = {
  string: 'string',
  text: 'string',
  number: 'double',
  money: 'money',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  enum: 'enumeration',
  url: 'url',
  user: 'employee',
  crm: 'crm',
};

/** Record reference of a `crm` user field: our "deal:12" ↔ Bitrix24's "D_12". */
const CRM_PREFIX: Record<string, string> = { lead: 'L', contact: 'C', company: 'CO', deal: 'D' };
const CRM_ENTITY = Object.fromEntries(Object.entries(CRM_PREFIX).map(([k, v]) => [v, k]));

function crmOut(v: unknown): string | null {
  const m = typeof v === 'string' ? /^(\w+):(\d+)$/.exec(v) : null;
  return m ? `${CRM_PREFIX[m[1] as string] ?? m[1]}_${m[2]}` : str(v);
}

function crmIn(v: unknown): unknown {
  if (v === '' || v === null || v === undefined) return null;
  const m = /^([A-Z]+)_(\d+)$/i.exec(String(v));
  const entity = m ? CRM_ENTITY[(m[1] as string).toUpperCase()] : undefined;
  return m && entity ? `${entity}:${m[2]}` : v;
}

function valueOut(def: CustomFieldDef, v: unknown, currency: unknown): unknown {
  if (def.type === 'enum' && def.multiple) return ((v as unknown[] | null) ?? []).map((x) => String(x));
  if (v === null || v === undefined) return def.type === 'boolean' ? '0' : null;
  switch (def.type) {
    case 'boolean':
      return v ? '1' : '0';
    case 'money':
      return `${String(v)}|${typeof currency === 'string' ? currency : ''}`;
    case 'date':
      return dateOut(v);
    case 'datetime':
      return dateTimeOut(v);
    case 'crm':
      return crmOut(v);
    default:
      return str(v);
  }
}

function scalarIn(def: CustomFieldDef, v: unknown): unknown {
  const keep = (parsed: unknown) => (typeof parsed === 'number' && Number.isNaN(parsed) ? v : parsed);
  switch (def.type) {
    case 'boolean': {
      const b = boolIn(v);
      return b === undefined ? v : b;
    }
    case 'enum':
      return keep(intIn(v));
    case 'number':
      return keep(numberIn(v));
    case 'money':
      return moneyIn(v);
    case 'date':
      return dateIn(v);
    case 'datetime':
      return dateTimeIn(v);
    case 'user':
      return keep(idIn(v));
    case 'crm':
      return crmIn(v);
    default:
      return v === '' || v === null || v === undefined ? null : String(v);
  }
}

export function userFieldValueIn(def: CustomFieldDef, v: unknown): unknown {
  if (def.type === 'enum' && def.multiple)
    return listIn(v)
      .map((x) => scalarIn(def, x))
      .filter((x) => x !== null);
  const one = Array.isArray(v) ? v[0] : v;
  return scalarIn(def, one);
}

export function userFieldDef(def: CustomFieldDef): B24Field {
  return {
    name: def.code,
    type: B24_TYPE_OF[def.type],
    title: def.code,
    api: def.apiName,
    required: def.required,
    multiple: def.multiple,
    inStar: false,
    ...(def.type === 'money' ? { uses: ['currency'] } : {}),
    extra: {
      isDynamic: true,
      listLabel: def.name,
      formLabel: def.name,
      filterLabel: def.name,
      ...(def.type === 'enum'
        ? { items: def.options.map((o) => ({ ID: String(o.id), VALUE: o.label })) }
        : {}),
      settings: {},
    },
    read: (rec) => valueOut(def, rec[def.apiName], rec.currency),
    write: (value, input) => {
      input[def.apiName] = userFieldValueIn(def, value);
    },
    filterValue: (value) => (def.type === 'enum' && def.multiple ? intIn(value) : scalarIn(def, value)),
  };
}
