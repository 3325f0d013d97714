import { CACHE_TTL_MS } from '../../db/cache.js';
import type { Db } from '../../db/connection.js';
import type { CustomFieldsTable } from '../../db/schema.js';
import { apiNameOf, type CustomFieldDef, type EnumOption } from './custom-field.types.js';

type Stored = Omit<CustomFieldsTable, 'id'> & { id: number };

export function fromRow(r: Stored): CustomFieldDef {
  const options = JSON.parse(r.options) as { options?: EnumOption[] };
  return {
    id: r.id,
    entityType: r.entity_type,
    code: r.code,
    columnName: r.column_name,
    apiName: apiNameOf(r.code),
    name: r.name,
    type: r.type as CustomFieldDef['type'],
    multiple: Boolean(r.multiple),
    required: Boolean(r.required),
    options: options.options ?? [],
    sort: r.sort,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Custom fields, optionally of one entity type; read through the handle's cache (see db/cache.ts). */
export function listCustomFields(db: Db, entityType?: string): Promise<CustomFieldDef[]> {
  // Inside a transaction read the table itself: the transaction may have just changed it.
  if (db.kysely.isTransaction) return readCustomFields(db, entityType);
  return db.cache.get(`custom-fields:${entityType ?? '*'}`, CACHE_TTL_MS, () =>
    readCustomFields(db, entityType),
  );
}

async function readCustomFields(db: Db, entityType?: string): Promise<CustomFieldDef[]> {
  let q = db.kysely.selectFrom('custom_fields').selectAll();
  if (entityType) q = q.where('entity_type', '=', entityType);
  const rows = await q.orderBy('entity_type').orderBy('sort').orderBy('id').execute();
  return rows.map(fromRow);
}

export async function findCustomField(db: Db, id: number): Promise<CustomFieldDef | null> {
  const row = await db.kysely.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}
