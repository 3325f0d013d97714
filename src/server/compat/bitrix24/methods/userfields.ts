import {
  type CustomFieldType,
  customFieldCreate,
  customFieldUpdate,
} from '../../../../shared/schemas/custom-fields.js';
import type { Ctx } from '../../../context.js';
import { findCustomField, listCustomFields } from '../../../modules/custom-fields/custom-field.repository.js';
import {
  createCustomField,
  deleteCustomField,
  updateCustomField,
} from '../../../modules/custom-fields/custom-field.service.js';
import type { CustomFieldDef } from '../../../modules/custom-fields/custom-field.types.js';
import { parseInput } from '../../../validation.js';
import { b24 } from '../errors.js';
import type { EntityMap } from '../fields/types.js';
import { B24_TYPE_OF } from '../fields/userfields.js';
import { splitKey } from '../list/filter.js';
import { answer, type MethodDef } from '../registry.js';
import { boolIn, idIn, intIn, isPlainObject, listIn, param, str, yn } from '../values.js';
import { requireId } from './ids.js';

/**
 * crm.<entity>.userfield.add/get/list/update/delete over our custom fields. FIELD_NAME gets the UF_CRM_
 * prefix (MANAGER_NOTE → UF_CRM_MANAGER_NOTE); USER_TYPE_ID maps onto our field types.
 */
const TYPE_IN: Record<string, CustomFieldType> = {
  string: 'string',
  integer: 'number',
  double: 'number',
  boolean: 'boolean',
  datetime: 'datetime',
  date: 'date',
  money: 'money',
  url: 'url',
  enumeration: 'enum',
  employee: 'user',
  crm: 'crm',
};

const upperKeys = (v: unknown): Record<string, unknown> =>
  isPlainObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toUpperCase(), x])) : {};

export function fieldNameIn(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const name = String(raw).trim().toUpperCase();
  if (name.startsWith('UF_CRM_')) return name;
  if (name.startsWith('UF_')) return `UF_CRM_${name.slice(3)}`;
  return `UF_CRM_${name}`;
}

/** A label given as text or per language ({"en": "…", "ru": "…"}). */
function labelIn(f: Record<string, unknown>): string | undefined {
  for (const key of ['EDIT_FORM_LABEL', 'LIST_COLUMN_LABEL', 'LIST_FILTER_LABEL', 'LABEL']) {
    const v = f[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (isPlainObject(v)) {
      const text = (v.en ?? Object.values(v).find((x) => typeof x === 'string' && x.trim())) as
        | string
        | undefined;
      if (text?.trim()) return text.trim();
    }
  }
  return undefined;
}

function itemsIn(list: unknown): { label: string; sort: number }[] {
  return listIn(list)
    .map((i) => upperKeys(i))
    .filter(
      (i) => i.VALUE !== undefined && String(i.VALUE).trim() && String(i.DEL ?? '').toUpperCase() !== 'Y',
    )
    .map((i, n) => ({ label: String(i.VALUE).trim(), sort: intIn(i.SORT) ?? (n + 1) * 10 }))
    .sort((a, b) => a.sort - b.sort);
}

function present(map: EntityMap, def: CustomFieldDef, perLanguage: boolean) {
  const label = perLanguage ? { en: def.name } : def.name;
  return {
    ID: String(def.id),
    ENTITY_ID: map.ufEntity,
    FIELD_NAME: def.code,
    USER_TYPE_ID: B24_TYPE_OF[def.type],
    XML_ID: null,
    SORT: String(def.sort),
    MULTIPLE: yn(def.multiple),
    MANDATORY: yn(def.required),
    SHOW_FILTER: 'E',
    SHOW_IN_LIST: 'Y',
    EDIT_IN_LIST: 'Y',
    IS_SEARCHABLE: 'N',
    SETTINGS: def.type === 'text' ? { ROWS: 5 } : {},
    EDIT_FORM_LABEL: label,
    LIST_COLUMN_LABEL: label,
    LIST_FILTER_LABEL: label,
    ERROR_MESSAGE: null,
    HELP_MESSAGE: null,
    ...(def.type === 'enum'
      ? {
          LIST: def.options.map((o, i) => ({
            ID: String(o.id),
            SORT: String((i + 1) * 10),
            VALUE: o.label,
            DEF: 'N',
            XML_ID: null,
          })),
        }
      : {}),
  };
}

async function ownField(ctx: Ctx, map: EntityMap, id: number): Promise<CustomFieldDef> {
  const def = await findCustomField(ctx.db, id);
  if (!def || def.entityType !== map.entity) throw b24.legacy('Not found');
  return def;
}

function matches(row: Record<string, unknown>, filter: unknown): boolean {
  if (!isPlainObject(filter)) return true;
  return Object.entries(filter).every(([key, value]) => {
    const { op, name } = splitKey(key);
    if (!(name in row) || isPlainObject(row[name])) return true;
    const hit = String(row[name]).toUpperCase() === String(value).toUpperCase();
    return op === 'ne' ? !hit : hit;
  });
}

export function userFieldMethods(map: EntityMap): MethodDef[] {
  const prefix = `${map.prefix}.userfield`;
  const def = (action: string, handler: MethodDef['handler']): MethodDef => ({
    name: `${prefix}.${action}`,
    scope: 'crm',
    errors: 'legacy',
    namer: (api) =>
      ({ code: 'FIELD_NAME', type: 'USER_TYPE_ID', name: 'EDIT_FORM_LABEL', options: 'LIST' })[api],
    handler,
  });
  return [
    def('add', async ({ ctx, params }) => {
      const f = upperKeys(param(params, 'fields'));
      const userType = String(f.USER_TYPE_ID ?? '').toLowerCase();
      const settings = upperKeys(f.SETTINGS);
      let type = TYPE_IN[userType];
      if (!type) throw b24.legacy(`USER_TYPE_ID "${str(f.USER_TYPE_ID) ?? ''}" is not supported.`);
      if (type === 'string' && (intIn(settings.ROWS) ?? 1) > 1) type = 'text';
      const code = fieldNameIn(f.FIELD_NAME);
      const items = itemsIn(f.LIST);
      const input = parseInput(customFieldCreate, {
        entityType: map.entity,
        name: labelIn(f) ?? code ?? 'User field',
        type,
        required: boolIn(f.MANDATORY) === true,
        multiple: boolIn(f.MULTIPLE) === true,
        ...(type === 'enum' ? { options: items.map((i) => ({ label: i.label })) } : {}),
        ...(intIn(f.SORT) !== null ? { sort: intIn(f.SORT) } : {}),
        ...(code ? { code } : {}),
      });
      return answer((await createCustomField(ctx, input)).id);
    }),
    def('get', async ({ ctx, params }) =>
      answer(present(map, await ownField(ctx, map, requireId(params)), true)),
    ),
    def('list', async ({ ctx, params }) => {
      const rows = (await listCustomFields(ctx.db, map.entity))
        .map((d) => present(map, d, false))
        .filter((r) => matches(r, param(params, 'filter')));
      return { result: rows, total: rows.length };
    }),
    def('update', async ({ ctx, params }) => {
      const current = await ownField(ctx, map, requireId(params));
      const f = upperKeys(param(params, 'fields'));
      const label = labelIn(f);
      let options: { id?: number; label: string }[] | undefined;
      if (f.LIST !== undefined && current.type === 'enum') {
        const kept = new Map(current.options.map((o) => [o.id, o.label]));
        const added: { label: string }[] = [];
        for (const raw of listIn(f.LIST)) {
          const item = upperKeys(raw);
          const id = idIn(item.ID);
          const remove = String(item.DEL ?? '').toUpperCase() === 'Y';
          if (typeof id === 'number' && !Number.isNaN(id) && kept.has(id)) {
            if (remove) kept.delete(id);
            else if (item.VALUE !== undefined) kept.set(id, String(item.VALUE));
          } else if (!remove && item.VALUE !== undefined && String(item.VALUE).trim()) {
            added.push({ label: String(item.VALUE).trim() });
          }
        }
        options = [...[...kept].map(([id, l]) => ({ id, label: l })), ...added];
      }
      const input = parseInput(customFieldUpdate, {
        ...(label ? { name: label } : {}),
        ...(f.MANDATORY !== undefined ? { required: boolIn(f.MANDATORY) === true } : {}),
        ...(intIn(f.SORT) !== null && f.SORT !== undefined ? { sort: intIn(f.SORT) } : {}),
        ...(options ? { options } : {}),
      });
      if (Object.keys(input).length) await updateCustomField(ctx, current.id, input);
      return answer(true);
    }),
    def('delete', async ({ ctx, params }) => {
      const current = await ownField(ctx, map, requireId(params));
      await deleteCustomField(ctx, current.id);
      return answer(true);
    }),
  ];
}
