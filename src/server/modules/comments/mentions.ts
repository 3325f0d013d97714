import type { Db } from '../../db/connection.js';
import { invalid } from '../../errors.js';

/**
 * A mention inside a comment body: `@[Anna Petrosyan](user:12)`. The label is what the author saw when
 * picking the user; the id is what counts. Labels cannot hold "]" or a line break, so a mention is never
 * ambiguous; anything else that looks similar is plain text.
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,200})\]\(user:(\d{1,10})\)/g;

export const MAX_MENTIONS = 50;

/** The distinct user ids a body mentions, in order of first appearance. */
export function mentionedUserIds(body: string): number[] {
  const ids = new Set<number>();
  for (const m of body.matchAll(MENTION_PATTERN)) ids.add(Number(m[2]));
  return [...ids];
}

/** Every mentioned user must exist and be active; 400 on the body otherwise. */
export async function assertMentionable(db: Db, ids: number[]): Promise<void> {
  if (ids.length > MAX_MENTIONS) {
    throw invalid([{ field: 'body', message: `mentions at most ${MAX_MENTIONS} users` }]);
  }
  if (!ids.length) return;
  const rows = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute();
  const known = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    throw invalid(
      missing.map((id) => ({ field: 'body', message: `mentions user ${id}, who is not an active user` })),
    );
  }
}
