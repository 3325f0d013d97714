import { sql } from 'kysely';
import type { z } from 'zod';
import { ErrorCodes } from '../../../shared/errors.js';
import type { customFieldCreate, customFieldUpdate } from '../../../shared/schemas/custom-fields.js';
import { assertAdmin } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import { isUniqueViolation } from '../../db/errors.js';
import { nowIso, withTx } from '../../db/tx.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { findCustomField } from './custom-field.repository.js';
import { type CustomFieldDef, columnType, type EnumOption } from './custom-field.types.js';

/**
 * Custom fields are real columns (ALTER TABLE ADD COLUMN is O(1) on both engines) with their own index,
 * so they filter and sort exactly like standard fields. A user gives a name and a type; nothing else.
 */
const TABLES = {
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  product: 'products',
} as const;

type CreateInput = z.output<typeof customFieldCreate>;
type UpdateInput = z.output<typeof customFieldUpdate>;

function numberOptions(
  options: { id?: number | undefined; label: string }[],
  existing: EnumOption[] = [],
): EnumOption[] {
  let next = Math.max(0, ...existing.map((o) => o.id), ...options.map((o) => o.id ?? 0)) + 1;
  const known = new Set(existing.map((o) => o.id));
  const seen = new Set<number>();
  return options.map((o, i) => {
    if (o.id !== undefined && !known.has(o.id) && existing.length) {
      throw invalid([
        { field: `options.${i}.id`, message: `no option with id ${o.id}; omit the id to add an option` },
      ]);
    }
    const id = o.id ?? next++;
    if (seen.has(id)) throw invalid([{ field: `options.${i}.id`, message: 'is used twice' }]);
    seen.add(id);
    return { id, label: o.label };
  });
}

export async function createCustomField(ctx: Ctx, input: CreateInput): Promise<CustomFieldDef> {
  assertAdmin(ctx.actor);
  if (input.type === 'enum' && !input.options?.length) {
    throw invalid([{ field: 'options', message: 'a list field needs at least one option' }]);
  }
  if (input.multiple && input.type !== 'enum') {
    throw invalid([{ field: 'multiple', message: 'only list (enum) fields can hold several values' }]);
  }
  const table = TABLES[input.entityType];
  const pg = ctx.db.dialect === 'postgres';
  try {
    const created = await withTx(ctx.db, async (db) => {
      const now = nowIso();
      const row = await db.kysely
        .insertInto('custom_fields')
        .values({
          entity_type: input.entityType,
          code: input.code ?? `UF_PENDING_${now}`,
          column_name: '',
          name: input.name,
          type: input.type,
          multiple: input.multiple ? 1 : 0,
          required: input.required ? 1 : 0,
          options: JSON.stringify({
            options: input.type === 'enum' ? numberOptions(input.options ?? []) : [],
          }),
          sort: input.sort ?? 500,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const code = input.code ?? `UF_CRM_${row.id}`;
      const column = code.toLowerCase();
      await db.kysely
        .updateTable('custom_fields')
        .set({ code, column_name: column })
        .where('id', '=', row.id)
        .execute();
      const type = columnType(input.type, input.multiple, pg);
      await sql`alter table ${sql.table(table)} add column ${sql.ref(column)} ${sql.raw(type)}`.execute(
        db.kysely,
      );
      // (value, owner, id): a filter on the field, limited to the reader's users, is answered from the index.
      const owner = input.entityType === 'product' ? 'created_by' : 'responsible_id';
      await sql`create index ${sql.ref(`ix_${table}_${column}`)} on ${sql.table(table)} (${sql.ref(column)}, ${sql.ref(owner)}, id)`.execute(
        db.kysely,
      );
      return (await findCustomField(db, row.id)) as CustomFieldDef;
    });
    return created;
  } catch (err) {
    if (isUniqueViolation(err) || /duplicate column|already exists/i.test(String((err as Error).message))) {
      throw new AppError(
        ErrorCodes.CONFLICT,
        `A field with code ${input.code} already exists on ${input.entityType}`,
        [{ field: 'code', message: 'is already used' }],
      );
    }
    throw err;
  }
}

export async function updateCustomField(ctx: Ctx, id: number, input: UpdateInput): Promise<CustomFieldDef> {
  assertAdmin(ctx.actor);
  const updated = await withTx(ctx.db, async (db) => {
    const current = await findCustomField(db, id);
    if (!current) throw notFound('Custom field', id);
    if (input.version !== undefined && input.version !== current.version) {
      throw new AppError(
        ErrorCodes.VERSION_CONFLICT,
        'The field was changed by someone else; reload and retry',
        { current },
      );
    }
    if (input.options && current.type !== 'enum') {
      throw invalid([{ field: 'options', message: 'only list (enum) fields have options' }]);
    }
    const options = input.options ? numberOptions(input.options, current.options) : current.options;
    await db.kysely
      .updateTable('custom_fields')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.required !== undefined ? { required: input.required ? 1 : 0 } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        options: JSON.stringify({ options }),
        version: current.version + 1,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    return (await findCustomField(db, id)) as CustomFieldDef;
  });
  return updated;
}

/** Removes the field and its column: its values are gone for good, which the UI confirms first. */
export async function deleteCustomField(ctx: Ctx, id: number): Promise<void> {
  assertAdmin(ctx.actor);
  await withTx(ctx.db, async (db) => {
    const current = await findCustomField(db, id);
    if (!current) throw notFound('Custom field', id);
    const table = TABLES[current.entityType as keyof typeof TABLES];
    await sql`drop index if exists ${sql.ref(`ix_${table}_${current.columnName}`)}`.execute(db.kysely);
    await sql`alter table ${sql.table(table)} drop column ${sql.ref(current.columnName)}`.execute(db.kysely);
    await db.kysely.deleteFrom('custom_fields').where('id', '=', id).execute();
  });
}
