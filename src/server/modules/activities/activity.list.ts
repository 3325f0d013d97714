import { ownerReaches, visibleWhere } from '../../access/activities.js';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { registry } from '../../query/fields.js';
import { compileFilter, parseFilter } from '../../query/filter.js';
import { afterCursor, decodeCursor, encodeCursor, orderTerms, parseSort } from '../../query/sort.js';
import type { ListParams } from '../records/record.service.js';
import { ACTIVITY_FIELDS, type ActivityRow, type ApiActivity } from './activity.fields.js';
import { presentActivities } from './activity.repository.js';

/**
 * Activity lists through the shared list engine: the same filter language, sort and keyset cursor as
 * record lists, limited to the activities whose records the actor may see. A record's activities are
 * the filter {"ownerEntity":"deal","ownerId":42}; "my activities" is {"responsibleId":<me>, …}.
 */
const FIELDS = registry(ACTIVITY_FIELDS);
export const ACTIVITY_DEFAULT_SORT = 'dueAt';

export interface ActivityList {
  items: ApiActivity[];
  nextCursor: string | null;
  total: number | null;
}

export async function listActivities(ctx: Ctx, params: ListParams): Promise<ActivityList> {
  const filter = params.filter === undefined ? null : parseFilter(params.filter, FIELDS);
  const keys = parseSort(params.sort, FIELDS, ACTIVITY_DEFAULT_SORT);
  const limit = params.limit ?? 50;
  const known = new Set([...FIELDS.keys(), 'participantIds', 'deadline', 'ownerTitle']);
  const unknown = (params.fields ?? []).filter((f) => !known.has(f));
  if (unknown.length)
    throw invalid(unknown.map((f) => ({ field: 'fields', message: `unknown field "${f}"` })));
  const visible = visibleWhere(await ownerReaches(ctx.db, ctx.actor));
  let base = ctx.db.kysely.selectFrom('activities');
  if (visible) base = base.where(visible);
  if (filter) base = base.where(compileFilter(filter, 'activities'));
  let page = base.selectAll();
  if (params.cursor) page = page.where(afterCursor(keys, decodeCursor(keys, params.cursor), 'activities'));
  for (const term of orderTerms(keys, 'activities')) page = page.orderBy(term);
  const rows = (await page.limit(limit + 1).execute()) as ActivityRow[];
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  let total: number | null = null;
  if (params.withTotal !== false) {
    const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    total = Number(counted.n);
  }
  const items = selectFields(await presentActivities(ctx.db, pageRows), params.fields ?? null);
  return { items, nextCursor: more && last ? encodeCursor(keys, last) : null, total };
}

/** Keeps only the requested fields (`?fields=id,subject`); id and version always stay. */
function selectFields(items: ApiActivity[], wanted: string[] | null): ApiActivity[] {
  if (!wanted) return items;
  const keep = new Set(['id', 'version', ...wanted]);
  return items.map(
    (r) => Object.fromEntries(Object.entries(r).filter(([k]) => keep.has(k))) as unknown as ApiActivity,
  );
}
