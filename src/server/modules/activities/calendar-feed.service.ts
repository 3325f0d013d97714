import { loadActor } from '../../access/actor.js';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import { newSecret, sha256 } from '../auth/tokens.js';
import { ownerTitles } from './activity.repository.js';
import { activitiesOf } from './calendar.service.js';
import { type FeedEvent, renderFeed } from './ical.js';

/**
 * Each user's secret iCal subscription: a random token in the URL, stored hashed like API tokens, shown
 * once, rotated by creating it again, revoked by deleting it. The feed is read with the rights the user
 * has when a calendar app fetches it.
 */
export interface CalendarFeedState {
  exists: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** How far back done and cancelled activities stay in the feed; planned ones always do. */
export const FEED_RECENT_DAYS = 30;
const FEED_MAX_EVENTS = 5000;

export async function feedState(db: Db, userId: number): Promise<CalendarFeedState> {
  const row = await db.kysely
    .selectFrom('calendar_feeds')
    .select(['created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { exists: Boolean(row), createdAt: row?.created_at ?? null, lastUsedAt: row?.last_used_at ?? null };
}

/** Creates the user's feed token, replacing (and so revoking) any earlier one; returns the token once. */
export async function rotateFeed(db: Db, userId: number): Promise<{ token: string; createdAt: string }> {
  const token = newSecret(24);
  const createdAt = nowIso();
  await db.kysely.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await db.kysely
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: sha256(token), created_at: createdAt, last_used_at: null })
    .execute();
  return { token, createdAt };
}

export async function revokeFeed(db: Db, userId: number): Promise<void> {
  const res = await db.kysely.deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('Calendar feed');
}

/**
 * The feed of a token: the user's planned activities and their done or cancelled ones of the last
 * FEED_RECENT_DAYS days (their own and those they take part in), as an iCalendar document. An unknown or
 * revoked token, or a deactivated user, answers 404.
 */
export async function feedCalendar(
  db: Db,
  token: string,
  opts: { baseUrl: string; now?: Date },
): Promise<string> {
  const feed = await db.kysely
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['calendar_feeds.id', 'calendar_feeds.user_id', 'users.locale', 'users.name'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  const actor = feed ? await loadActor(db, feed.user_id) : null;
  if (!feed || !actor) throw notFound('Calendar feed');
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - FEED_RECENT_DAYS * 86_400_000).toISOString();
  const options = { participants: true, limit: FEED_MAX_EVENTS };
  const [planned, recent] = await Promise.all([
    activitiesOf(db, actor, [feed.user_id], { status: 'planned' }, options),
    activitiesOf(db, actor, [feed.user_id], { from: since, notStatus: 'planned' }, options),
  ]);
  await db.kysely
    .updateTable('calendar_feeds')
    .set({ last_used_at: now.toISOString() })
    .where('id', '=', feed.id)
    .execute();
  const titles = await ownerTitles(db, [...planned, ...recent]);
  const events: FeedEvent[] = [...planned, ...recent].map((row) => ({
    row,
    ownerTitle: titles.get(`${row.owner_entity}:${row.owner_id}`) ?? null,
  }));
  return renderFeed(events, { locale: feed.locale, baseUrl: opts.baseUrl, userName: feed.name, now });
}
