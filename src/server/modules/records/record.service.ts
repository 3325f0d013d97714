import { ErrorCodes } from '../../../shared/errors.js';
import { actorOrg } from '../../access/actor.js';
import { assertCanAssign, assertRecordAccess, reachCondition, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { insertRows } from '../../db/statements.js';
import { nowIso, withTx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import { staleVersion, writeIfVersion } from '../../optimistic.js';
import { type FieldDef, registry } from '../../query/fields.js';
import { compileFilter, parseFilter } from '../../query/filter.js';
import { afterCursor, decodeCursor, encodeCursor, orderTerms, parseSort } from '../../query/sort.js';
import { listCustomFields } from '../custom-fields/custom-field.repository.js';
import { type CustomFieldDef, toFieldDef } from '../custom-fields/custom-field.types.js';
import { diff, recordHistory } from '../history/history.service.js';
import { indexDoc, removeDoc } from '../search/search.repository.js';
import { activeUserIds } from '../users/active-users.js';
import { COMM_KEYS, type CommKey, deleteCommunications, saveCommunications } from './communications.js';
import type { ApiRecord, EntityDescriptor, Row } from './descriptor.js';
import { KnownRefs } from './known-refs.js';
import { presentRows, selectFields } from './record.present.js';
import { validateRecordInput } from './record.schema.js';
import { runWriteHooks } from './write-hooks.js';

/** The generic CRUD and list path every CRM record type shares. Entity rules live in the descriptor hooks. */

export interface Schema {
  customs: CustomFieldDef[];
  fields: FieldDef[];
}

/** The entity's fields right now: standard ones plus its custom fields. */
export async function recordSchemaOf(ctx: Ctx, d: EntityDescriptor): Promise<Schema> {
  const customs = await listCustomFields(ctx.db, d.entity);
  return { customs, fields: [...d.fields, ...customs.map(toFieldDef)] };
}

async function loadRow(ctx: Ctx, d: EntityDescriptor, id: number): Promise<Row | null> {
  const row = await ctx.db.kysely.selectFrom(d.table).selectAll().where('id', '=', id).executeTakeFirst();
  return (row as Row | undefined) ?? null;
}

const ownerOf = (d: EntityDescriptor, row: Row) => (row[d.ownerColumn] as number | null) ?? null;

async function presentOne(ctx: Ctx, d: EntityDescriptor, schema: Schema, row: Row): Promise<ApiRecord> {
  const [record] = await presentRows(ctx, d, schema.fields, schema.customs, [row]);
  return record as ApiRecord;
}

export async function getRecord(ctx: Ctx, d: EntityDescriptor, id: number): Promise<ApiRecord> {
  const row = await loadRow(ctx, d, id);
  if (!row) throw notFound(d.label, id);
  await assertRecordAccess(ctx.db, ctx.actor, d.entity, 'read', ownerOf(d, row), d.label, id);
  return presentOne(ctx, d, await recordSchemaOf(ctx, d), row);
}

/** Input (API names, validated) → column values for the fields present in it. */
function toColumns(fields: FieldDef[], input: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f.name in input) || input[f.name] === undefined) continue;
    const v = input[f.name];
    values[f.column] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  return values;
}

function writableFields(d: EntityDescriptor, schema: Schema): FieldDef[] {
  const writable = new Set(Object.keys(d.inputShape));
  return schema.fields.filter((f) => !f.link && (writable.has(f.name) || f.customFieldId !== undefined));
}

/** Presents the written row and indexes it for search; `inserted` is the row a create just returned. */
async function afterChange(
  ctx: Ctx,
  d: EntityDescriptor,
  schema: Schema,
  id: number,
  inserted?: Row,
): Promise<ApiRecord> {
  const row = inserted ?? ((await loadRow(ctx, d, id)) as Row);
  const record = await presentOne(ctx, d, schema, row);
  if (d.searchDoc) {
    const doc = d.searchDoc(record, ctx.phoneRegion);
    await indexDoc(ctx.db, d.entity, id, ownerOf(d, row) ?? 0, doc, inserted !== undefined);
  }
  return record;
}

export async function createRecord(ctx: Ctx, d: EntityDescriptor, body: unknown): Promise<ApiRecord> {
  const schema = await recordSchemaOf(ctx, d);
  const input = validateRecordInput(d, schema.customs, body, 'create');
  const validated = toColumns(writableFields(d, schema), input);
  if (d.ownerColumn === 'responsible_id') {
    validated.responsible_id ??= ctx.actor.userId;
    await assertCanAssign(ctx.db, ctx.actor, d.entity, 'create', validated.responsible_id as number);
  } else {
    const reach = await reachOf(ctx.db, ctx.actor, d.entity, 'create');
    if (reach.kind === 'none') throw new AppError(ErrorCodes.FORBIDDEN, `You may not create ${d.path}`);
  }
  return recordTx(ctx, async (db) => {
    // a copy: the transaction may run again (tx.ts), and each run starts from the validated input
    const values = { ...validated };
    const tx: Ctx = { ...ctx, db, known: new KnownRefs(ctx.actor) };
    if (values.responsible_id !== undefined)
      await assertUserExists(tx, values.responsible_id as number, 'responsibleId');
    await d.prepare?.(tx, values, null, input);
    const now = nowIso();
    Object.assign(values, {
      version: 1,
      created_by: ctx.actor.userId || null,
      updated_by: ctx.actor.userId || null,
      created_at: now,
      updated_at: now,
    });
    const [inserted] = await insertRows<Row>(db, d.table, [values], true);
    if (!inserted) throw new Error(`insert into ${d.table} returned no row`);
    const id = Number(inserted.id);
    if (d.hasCommunications) await saveCommunications(tx, d.entity, id, pickComms(input), true);
    await d.afterWrite?.(tx, id, input, null);
    const record = await afterChange(tx, d, schema, id, inserted);
    await recordHistory(tx, d.entity, id, 'create', diff(null, record));
    await runWriteHooks(tx, { descriptor: d, action: 'created', id, before: null, after: record });
    return record;
  });
}

/**
 * A record write's transaction. The company structure is fetched first, from the cache as a rule: the
 * rights checks inside need it, and what a transaction reads it keeps for itself (see actorOrg).
 */
async function recordTx<T>(ctx: Ctx, fn: (db: Db) => Promise<T>): Promise<T> {
  if (!ctx.actor.isAdmin && !ctx.db.kysely.isTransaction) await actorOrg(ctx.db, ctx.actor);
  return withTx(ctx.db, fn);
}

function pickComms(input: Record<string, unknown>) {
  return Object.fromEntries(COMM_KEYS.filter((k) => k in input).map((k) => [k, input[k]])) as Partial<
    Record<CommKey, { value: string; type: string }[]>
  >;
}

export async function assertUserExists(ctx: Ctx, userId: number, field: string): Promise<void> {
  if (!(await activeUserIds(ctx.db)).has(userId)) {
    throw new AppError(ErrorCodes.VALIDATION_FAILED, `${field}: no active user ${userId}`, [
      { field, message: `no active user with id ${userId}` },
    ]);
  }
}

export function versionConflict(d: EntityDescriptor, current: ApiRecord): AppError {
  return staleVersion(d.label, current);
}

export async function updateRecord(
  ctx: Ctx,
  d: EntityDescriptor,
  id: number,
  body: unknown,
  ifMatch?: number,
): Promise<ApiRecord> {
  const schema = await recordSchemaOf(ctx, d);
  const input = validateRecordInput(d, schema.customs, body, 'update');
  const expected = (input.version as number | undefined) ?? ifMatch;
  return recordTx(ctx, async (db) => {
    const tx: Ctx = { ...ctx, db, known: new KnownRefs(ctx.actor) };
    const existing = await loadRow(tx, d, id);
    if (!existing) throw notFound(d.label, id);
    await assertRecordAccess(db, ctx.actor, d.entity, 'update', ownerOf(d, existing), d.label, id);
    const before = await presentOne(tx, d, schema, existing);
    if (expected !== undefined && expected !== existing.version) throw versionConflict(d, before);
    const values = toColumns(writableFields(d, schema), input);
    if (
      d.ownerColumn === 'responsible_id' &&
      values.responsible_id !== undefined &&
      values.responsible_id !== existing.responsible_id
    ) {
      await assertUserExists(tx, values.responsible_id as number, 'responsibleId');
      await assertCanAssign(db, ctx.actor, d.entity, 'update', values.responsible_id as number);
    }
    await d.prepare?.(tx, values, existing, input);
    Object.assign(values, { updated_by: ctx.actor.userId || null, updated_at: nowIso() });
    if (!(await writeIfVersion(db, d.table, id, existing.version, values))) {
      const current = await loadRow(tx, d, id);
      if (!current) throw notFound(d.label, id);
      throw versionConflict(d, await presentOne(tx, d, schema, current));
    }
    if (d.hasCommunications) await saveCommunications(tx, d.entity, id, pickComms(input));
    await d.afterWrite?.(tx, id, input, existing);
    const record = await afterChange(tx, d, schema, id);
    await recordHistory(tx, d.entity, id, 'update', diff(before, record));
    await runWriteHooks(tx, { descriptor: d, action: 'updated', id, before, after: record });
    return record;
  });
}

export async function deleteRecord(
  ctx: Ctx,
  d: EntityDescriptor,
  id: number,
  expectedVersion?: number,
): Promise<void> {
  const schema = await recordSchemaOf(ctx, d);
  await recordTx(ctx, async (db) => {
    const tx: Ctx = { ...ctx, db, known: new KnownRefs(ctx.actor) };
    const existing = await loadRow(tx, d, id);
    if (!existing) throw notFound(d.label, id);
    await assertRecordAccess(db, ctx.actor, d.entity, 'delete', ownerOf(d, existing), d.label, id);
    const before = await presentOne(tx, d, schema, existing);
    if (expectedVersion !== undefined && expectedVersion !== existing.version)
      throw versionConflict(d, before);
    await d.beforeDelete?.(tx, existing);
    if (d.hasCommunications) await deleteCommunications(tx, d.entity, id);
    if (d.searchDoc) await removeDoc(db, d.entity, id);
    await db.kysely.deleteFrom(d.table).where('id', '=', id).execute();
    await recordHistory(tx, d.entity, id, 'delete', diff(before, null));
    await runWriteHooks(tx, { descriptor: d, action: 'deleted', id, before, after: null });
  });
}

export interface ListParams {
  filter?: unknown;
  sort?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
  fields?: string[] | undefined;
  withTotal?: boolean | undefined;
}

export interface ListResult {
  items: ApiRecord[];
  nextCursor: string | null;
  total: number | null;
}

export async function listRecords(ctx: Ctx, d: EntityDescriptor, params: ListParams): Promise<ListResult> {
  const schema = await recordSchemaOf(ctx, d);
  const reg = registry(schema.fields);
  const filter = params.filter === undefined ? null : parseFilter(params.filter, reg);
  const keys = parseSort(params.sort, reg, d.defaultSort);
  const limit = params.limit ?? 50;
  const wanted = params.fields ?? null;
  if (wanted) {
    const known = new Set([...schema.fields.map((f) => f.name), ...(d.virtualInputs ?? []), ...COMM_KEYS]);
    const unknown = wanted.filter((f) => !known.has(f));
    if (unknown.length) {
      throw new AppError(
        ErrorCodes.VALIDATION_FAILED,
        `fields: unknown field(s) ${unknown.join(', ')}`,
        unknown.map((f) => ({ field: 'fields', message: `unknown field "${f}"` })),
      );
    }
  }
  const reach = await reachOf(ctx.db, ctx.actor, d.entity, 'read');
  const t = d.table;
  // Unlimited reach adds no condition at all: `where 1 = 1` would cost SQLite its fast count(*).
  let base = ctx.db.kysely
    .selectFrom(t)
    .$if(reach.kind !== 'all', (q) => q.where(reachCondition(reach, `${t}.${d.ownerColumn}`)));
  if (filter) base = base.where(compileFilter(filter, t));
  let page = base.selectAll();
  if (params.cursor) page = page.where(afterCursor(keys, decodeCursor(keys, params.cursor), t));
  for (const term of orderTerms(keys, t)) page = page.orderBy(term);
  const rows = (await page.limit(limit + 1).execute()) as Row[];
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  let total: number | null = null;
  if (params.withTotal !== false) {
    const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  const items = selectFields(await presentRows(ctx, d, schema.fields, schema.customs, pageRows), wanted);
  return { items, nextCursor: more && last ? encodeCursor(keys, last) : null, total };
}
