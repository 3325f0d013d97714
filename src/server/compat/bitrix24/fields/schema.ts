import type { Ctx } from '../../../context.js';
import { listCustomFields } from '../../../modules/custom-fields/custom-field.repository.js';
import { type CustomFieldDef, toFieldDef } from '../../../modules/custom-fields/custom-field.types.js';
import type { ApiRecord } from '../../../modules/records/descriptor.js';
import { type FieldDef, type FieldRegistry, registry } from '../../../query/fields.js';
import type { Dictionaries } from '../dictionaries.js';
import type { FieldNamer } from '../errors.js';
import { isPlainObject, listIn } from '../values.js';
import { readValue, writeValue } from './convert.js';
import type { B24Field, EntityMap, Input } from './types.js';
import { userFieldDef } from './userfields.js';

/** An entity's Bitrix24 fields right now: the standard ones plus its user fields (our custom fields). */
export interface EntitySchema {
  map: EntityMap;
  fields: B24Field[];
  byName: Map<string, B24Field>;
  customs: CustomFieldDef[];
  /** Our fields of the entity (standard and custom), as the record engine knows them, by API name. */
  recordFields: FieldDef[];
  registry: FieldRegistry;
}

// The custom-field list is a cached array: a new list (after a change) builds a new schema.
const built = new WeakMap<EntityMap, WeakMap<CustomFieldDef[], EntitySchema>>();

export async function entitySchema(ctx: Ctx, map: EntityMap): Promise<EntitySchema> {
  const customs = map.ufEntity ? await listCustomFields(ctx.db, map.entity) : [];
  let byCustoms = built.get(map);
  if (!byCustoms) {
    byCustoms = new WeakMap();
    built.set(map, byCustoms);
  }
  let schema = byCustoms.get(customs);
  if (!schema) {
    const fields = [...map.fields, ...customs.map(userFieldDef)];
    const recordFields = [...map.descriptor.fields, ...customs.map(toFieldDef)];
    schema = {
      map,
      fields,
      byName: new Map(fields.map((f) => [f.name, f])),
      customs,
      recordFields,
      registry: registry(recordFields),
    };
    byCustoms.set(customs, schema);
  }
  return schema;
}

/** The fields a list returns: `*` = standard fields, `UF_*` = user fields, or names; ID always. */
export function resolveSelect(schema: EntitySchema, select: unknown): B24Field[] {
  const names = listIn(select).map((s) => String(s).toUpperCase());
  const wanted = names.length ? names : ['*', 'UF_*'];
  const keep = new Set<B24Field>();
  for (const name of wanted) {
    if (name === '*') {
      for (const f of schema.map.fields) if (f.inStar !== false) keep.add(f);
    } else if (name === 'UF_*') {
      for (const f of schema.fields) if (f.name.startsWith('UF_')) keep.add(f);
    } else {
      const f = schema.byName.get(name);
      if (f) keep.add(f);
    }
  }
  const id = schema.byName.get('ID');
  if (id) keep.add(id);
  return schema.fields.filter((f) => keep.has(f));
}

/** Every field, as crm.<entity>.get returns them. */
export const allFields = (schema: EntitySchema) => schema.fields;

export function present(rec: ApiRecord, fields: B24Field[], dict: Dictionaries): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f.name] = readValue(f, rec, dict);
  return out;
}

/** `fields` of an add or update → our API input; unknown and read-only fields are ignored (as Bitrix24 does). */
export function buildInput(
  schema: EntitySchema,
  fieldsParam: unknown,
  dict: Dictionaries,
  existing: ApiRecord | null,
): Input {
  const input: Input = {};
  if (!isPlainObject(fieldsParam)) return input;
  const given = new Map(Object.entries(fieldsParam).map(([k, v]) => [k.toUpperCase(), v]));
  for (const f of schema.fields) {
    if (!given.has(f.name)) continue;
    writeValue(f, given.get(f.name), input, dict, existing);
  }
  return input;
}

/** The crm.<entity>.fields description. */
export function describeFields(schema: EntitySchema): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const f of schema.fields) {
    out[f.name] = {
      type: f.type,
      isRequired: Boolean(f.required),
      isReadOnly: Boolean(f.readOnly),
      isImmutable: Boolean(f.immutable),
      isMultiple: Boolean(f.multiple),
      isDynamic: false,
      title: f.title,
      ...(f.statusType ? { statusType: f.statusType } : {}),
      ...(f.extra ?? {}),
    };
  }
  return out;
}

/** Our API field → its Bitrix24 name, for validation messages. */
export function namerOf(map: EntityMap): FieldNamer {
  const names = new Map<string, string>();
  for (const f of map.fields) if (f.api && !f.readOnly && !names.has(f.api)) names.set(f.api, f.name);
  for (const m of ['phones', 'emails', 'websites', 'messengers'])
    names.set(m, { phones: 'PHONE', emails: 'EMAIL', websites: 'WEB', messengers: 'IM' }[m] as string);
  // ufCrmBudget → UF_CRM_BUDGET (a code with digits after an underscore reads back without it)
  const ufName = (api: string) =>
    api.startsWith('ufCrm') ? api.replace(/([A-Z])/g, '_$1').toUpperCase() : undefined;
  return (api) => names.get(api) ?? ufName(api);
}
