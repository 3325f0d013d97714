import { z } from 'zod';
import { id, isoDate, isoDateTime, money } from '../../../shared/schemas/common.js';
import type { CustomFieldType } from '../../../shared/schemas/custom-fields.js';
import type { FieldDef, FieldType } from '../../query/fields.js';

export interface EnumOption {
  id: number;
  label: string;
}

export interface CustomFieldDef {
  id: number;
  entityType: string;
  code: string;
  columnName: string;
  apiName: string;
  name: string;
  type: CustomFieldType;
  multiple: boolean;
  required: boolean;
  options: EnumOption[];
  sort: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** UF_CRM_BUDGET_2 → ufCrmBudget2: the field's key in the native API. */
export function apiNameOf(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/** Column type per field type, per engine. */
export function columnType(type: CustomFieldType, multiple: boolean, pg: boolean): string {
  if (type === 'enum' && multiple) return 'text';
  switch (type) {
    case 'number':
      return pg ? 'double precision' : 'real';
    case 'money':
      return 'bigint';
    case 'boolean':
    case 'enum':
    case 'user':
      return 'integer';
    case 'datetime':
      return pg ? 'timestamptz' : 'text';
    default:
      return 'text';
  }
}

export function filterType(def: CustomFieldDef): FieldType {
  switch (def.type) {
    case 'string':
    case 'url':
    case 'crm':
      return 'string';
    case 'text':
      return 'text';
    case 'number':
      return 'number';
    case 'money':
      return 'money';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return def.multiple ? 'multienum' : 'integer';
    case 'user':
      return 'ref';
  }
}

export function toFieldDef(def: CustomFieldDef): FieldDef {
  return {
    name: def.apiName,
    column: def.columnName,
    type: filterType(def),
    nullable: true,
    sortable: !(def.type === 'enum' && def.multiple),
    customFieldId: def.id,
  };
}

const CRM_LINK = /^(lead|contact|company|deal):[1-9]\d*$/;

/** The input schema of one custom field's value (before the required check). */
export function valueSchema(def: CustomFieldDef): z.ZodType {
  const optionIds = new Set(def.options.map((o) => o.id));
  const option = z
    .number({ error: 'must be an option id' })
    .int()
    .refine((v) => optionIds.has(v), {
      message: `must be one of the option ids ${[...optionIds].join(', ')}`,
    });
  switch (def.type) {
    case 'string':
      return z.string().max(255, 'must be at most 255 characters');
    case 'text':
      return z.string().max(65535, 'must be at most 65535 characters');
    case 'url':
      return z.url({ error: 'must be a URL', protocol: /^https?$/ }).max(2000);
    case 'number':
      return z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
    case 'money':
      return money;
    case 'date':
      return isoDate;
    case 'datetime':
      return isoDateTime.transform((v) => new Date(v).toISOString());
    case 'boolean':
      return z.boolean({ error: 'must be true or false' }).transform((v) => (v ? 1 : 0));
    case 'enum':
      return def.multiple
        ? z
            .array(option, { error: 'must be a list of option ids' })
            .max(500)
            .transform((ids) => (ids.length ? `,${[...new Set(ids)].join(',')},` : null))
        : option;
    case 'user':
      return id;
    case 'crm':
      return z.string().regex(CRM_LINK, 'must be a record reference such as "deal:12"');
  }
}

/** Stored value → API value. */
export function presentValue(def: CustomFieldDef, raw: unknown): unknown {
  if (raw === null || raw === undefined) return def.type === 'enum' && def.multiple ? [] : null;
  switch (def.type) {
    case 'boolean':
      return Boolean(raw);
    case 'enum':
      return def.multiple ? String(raw).split(',').filter(Boolean).map(Number) : Number(raw);
    case 'money':
      return null; // replaced by the presenter, which formats money in one place
    default:
      return raw;
  }
}
