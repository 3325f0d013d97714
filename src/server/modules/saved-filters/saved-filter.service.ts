import type { RecordEntity } from '../../../shared/access.js';
import type { Ctx } from '../../context.js';
import { nowIso } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import { registry } from '../../query/fields.js';
import { parseFilter } from '../../query/filter.js';
import { parseSort } from '../../query/sort.js';
import { ENTITIES } from '../records/entities.js';
import { recordSchemaOf } from '../records/record.service.js';

export interface SavedFilterView {
  id: number;
  entityType: RecordEntity;
  name: string;
  filter: Record<string, unknown>;
  sort: string | null;
  columns: string[] | null;
  createdAt: string;
}

type Row = {
  id: number;
  entity_type: string;
  name: string;
  filter: string;
  sort: string | null;
  columns: string | null;
  created_at: string;
};

const present = (r: Row): SavedFilterView => ({
  id: r.id,
  entityType: r.entity_type as RecordEntity,
  name: r.name,
  filter: JSON.parse(r.filter) as Record<string, unknown>,
  sort: r.sort,
  columns: r.columns ? r.columns.split(',') : null,
  createdAt: r.created_at,
});

export async function listSavedFilters(ctx: Ctx, entityType: RecordEntity): Promise<SavedFilterView[]> {
  const rows = await ctx.db.kysely
    .selectFrom('saved_filters')
    .selectAll()
    .where('user_id', '=', ctx.actor.userId)
    .where('entity_type', '=', entityType)
    .orderBy('name')
    .execute();
  return rows.map(present);
}

/** Saves a personal view after checking that its filter and sort are valid for the entity right now. */
export async function createSavedFilter(
  ctx: Ctx,
  input: {
    entityType: RecordEntity;
    name: string;
    filter: Record<string, unknown>;
    sort?: string | undefined;
    columns?: string[] | undefined;
  },
): Promise<SavedFilterView> {
  const d = ENTITIES[input.entityType];
  const { fields } = await recordSchemaOf(ctx, d);
  const reg = registry(fields);
  parseFilter(input.filter, reg);
  if (input.sort) parseSort(input.sort, reg, d.defaultSort);
  const row = await ctx.db.kysely
    .insertInto('saved_filters')
    .values({
      user_id: ctx.actor.userId,
      entity_type: input.entityType,
      name: input.name,
      filter: JSON.stringify(input.filter),
      sort: input.sort ?? null,
      columns: input.columns?.join(',') ?? null,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return present(row);
}

export async function deleteSavedFilter(ctx: Ctx, id: number): Promise<void> {
  const res = await ctx.db.kysely
    .deleteFrom('saved_filters')
    .where('id', '=', id)
    .where('user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw notFound('Saved filter', id);
}
