import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { type CommentView, presentComments } from '../comments/comment.service.js';
import type { FieldChange } from '../history/history.service.js';
import {
  type CrmEntity,
  type PersonRef,
  personOf,
  readableRecord,
  userNames,
} from '../notifications/record-ref.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import {
  type ActivityRow,
  activityRows,
  type ChangeRow,
  changeRows,
  commentRows,
  type SourceQuery,
  type SourceRow,
  type TimelineCursor,
  type TimelineKey,
} from './timeline.sources.js';

export const TIMELINE_TYPES = ['activity', 'comment', 'change'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

interface Base {
  id: number;
  at: string;
  actor: PersonRef | null;
}
export type TimelineItem =
  | (Base & { type: 'comment'; comment: CommentView })
  | (Base & { type: 'change'; action: string; changes: FieldChange[] })
  | (Base & {
      type: 'activity';
      event: 'created' | 'completed';
      activity: ActivityRow['activity'] & { responsible: PersonRef | null };
    });

const KEYS: TimelineKey[] = ['activity_completed', 'activity_created', 'change', 'comment'];

/** `types=activity,comment` → the set asked for (all when absent); 400 naming an unknown type. */
export function parseTypes(types: string | undefined): Set<TimelineType> {
  if (types === undefined || types.trim() === '') return new Set(TIMELINE_TYPES);
  const out = new Set<TimelineType>();
  for (const raw of types.split(',')) {
    const t = raw.trim();
    if (!(TIMELINE_TYPES as readonly string[]).includes(t)) {
      throw invalid([{ field: 'types', message: `unknown type "${t}" (use ${TIMELINE_TYPES.join(', ')})` }]);
    }
    out.add(t as TimelineType);
  }
  return out;
}

function parseCursor(cursor: string | undefined): TimelineCursor | null {
  if (!cursor) return null;
  const [at, key, id] = decodeCursor<[string, string, number]>(cursor, ['string', 'string', 'number']);
  if (!KEYS.includes(key as TimelineKey)) throw invalid([{ field: 'cursor', message: 'invalid' }]);
  return { at, key: key as TimelineKey, id };
}

/** Newest first; events of the same instant by key, then id (the keyset order of every source). */
const newestFirst = (a: SourceRow, b: SourceRow) =>
  a.at === b.at ? (a.key === b.key ? b.id - a.id : a.key < b.key ? 1 : -1) : a.at < b.at ? 1 : -1;

/**
 * A record's timeline: its activities (planned and completed), comments and field changes, newest first,
 * keyset-paged. Only for those who may read the record (404 otherwise).
 */
export async function recordTimeline(
  ctx: Ctx,
  entity: CrmEntity,
  recordId: number,
  input: { types?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
  const types = parseTypes(input.types);
  const cursor = parseCursor(input.cursor);
  await readableRecord(ctx.db, ctx.actor, entity, recordId);
  const q: SourceQuery = { db: ctx.db, entity, recordId, cursor, limit: input.limit + 1 };
  const none = Promise.resolve([]);
  const [comments, changes, created, completed] = await Promise.all([
    types.has('comment') ? commentRows(q) : none,
    types.has('change') ? changeRows(q) : none,
    types.has('activity') ? activityRows(q, 'created') : none,
    types.has('activity') ? activityRows(q, 'completed') : none,
  ]);
  const merged: SourceRow[] = [...comments, ...changes, ...created, ...completed].sort(newestFirst);
  const page = merged.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor = merged.length > input.limit && last ? encodeCursor([last.at, last.key, last.id]) : null;
  return { items: await presentItems(ctx, page), nextCursor };
}

async function presentItems(ctx: Ctx, page: SourceRow[]): Promise<TimelineItem[]> {
  const commentIds = page.filter((r) => r.key === 'comment').map((r) => r.id);
  const commentViews = new Map<number, CommentView>();
  if (commentIds.length) {
    const rows = await ctx.db.kysely
      .selectFrom('comments')
      .selectAll()
      .where('id', 'in', commentIds)
      .execute();
    for (const view of await presentComments(ctx.db, rows)) commentViews.set(view.id, view);
  }
  const names = await userNames(ctx.db, [
    ...page.map((r) => r.actorId),
    ...page.map((r) => ('activity' in r ? (r as ActivityRow).activity.responsibleId : null)),
  ]);
  return page.map((r): TimelineItem => {
    const base = { id: r.id, at: r.at, actor: personOf(names, r.actorId) };
    if (r.key === 'comment')
      return { ...base, type: 'comment', comment: commentViews.get(r.id) as CommentView };
    if (r.key === 'change') {
      const c = r as ChangeRow;
      return { ...base, type: 'change', action: c.action, changes: c.changes };
    }
    const a = (r as ActivityRow).activity;
    return {
      ...base,
      type: 'activity',
      event: r.key === 'activity_created' ? 'created' : 'completed',
      activity: { ...a, responsible: personOf(names, a.responsibleId) },
    };
  });
}
