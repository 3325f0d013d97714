import { type SelectQueryBuilder, sql } from 'kysely';
import type { ActivityOwner } from '../../../shared/schemas/activities.js';
import type { Db } from '../../db/connection.js';
import type { DB } from '../../db/schema.js';
import { type ActivityRow, type ApiActivity, presentActivity } from './activity.fields.js';

/** Activity rows, participants and owner records: Kysely only, no rules. */

export const OWNER_TABLE = {
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
} as const;

export async function loadActivity(db: Db, id: number): Promise<ActivityRow | null> {
  return (
    (await db.kysely.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
  );
}

/** The owner record's responsible and title; null when it does not exist. */
export async function loadOwner(
  db: Db,
  entity: ActivityOwner,
  id: number,
): Promise<{ responsibleId: number; title: string } | null> {
  const row =
    entity === 'contact'
      ? await db.kysely
          .selectFrom('contacts')
          .select(['responsible_id', contactTitle().as('title')])
          .where('id', '=', id)
          .executeTakeFirst()
      : await db.kysely
          .selectFrom(OWNER_TABLE[entity] as 'deals')
          .select(['responsible_id', 'title'])
          .where('id', '=', id)
          .executeTakeFirst();
  return row ? { responsibleId: row.responsible_id, title: String(row.title) } : null;
}

const contactTitle = () => sql<string>`trim(coalesce(name, '') || ' ' || coalesce(last_name, ''))`;

export async function loadParticipants(db: Db, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(ids.map((i) => [i, []]));
  if (!ids.length) return out;
  const rows = await db.kysely
    .selectFrom('activity_participants')
    .select(['activity_id', 'user_id'])
    .where('activity_id', 'in', ids)
    .orderBy('activity_id')
    .orderBy('user_id')
    .execute();
  for (const r of rows) out.get(r.activity_id)?.push(r.user_id);
  return out;
}

export async function replaceParticipants(db: Db, activityId: number, userIds: number[]): Promise<void> {
  await db.kysely.deleteFrom('activity_participants').where('activity_id', '=', activityId).execute();
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await db.kysely
    .insertInto('activity_participants')
    .values(unique.map((user_id) => ({ activity_id: activityId, user_id })))
    .execute();
}

type TitleQuery = SelectQueryBuilder<DB, keyof DB, { entity: string; id: number; title: string }>;

/**
 * Titles of the owner records of a page of activities, in one query (a UNION over the entity tables the
 * page refers to). The reader may see every owner: an activity is visible only when its owner is.
 */
export async function ownerTitles(db: Db, rows: ActivityRow[]): Promise<Map<string, string>> {
  const byEntity = new Map<ActivityOwner, Set<number>>();
  for (const r of rows) {
    const entity = r.owner_entity as ActivityOwner;
    if (!(entity in OWNER_TABLE)) continue;
    const set = byEntity.get(entity) ?? new Set();
    set.add(r.owner_id);
    byEntity.set(entity, set);
  }
  let query: TitleQuery | null = null;
  for (const [entity, ids] of byEntity) {
    const title = entity === 'contact' ? contactTitle() : sql<string>`title`;
    const part = db.kysely
      .selectFrom(OWNER_TABLE[entity] as 'deals')
      .select([sql.lit(entity).as('entity'), 'id', title.as('title')])
      .where('id', 'in', [...ids]) as unknown as TitleQuery;
    query = query ? query.unionAll(part) : part;
  }
  if (!query) return new Map();
  const found = await query.execute();
  return new Map(found.map((r) => [`${r.entity}:${r.id}`, r.title]));
}

/** Rows → API activities, with participants and owner titles loaded once for the page. */
export async function presentActivities(db: Db, rows: ActivityRow[]): Promise<ApiActivity[]> {
  const [participants, titles] = await Promise.all([
    loadParticipants(
      db,
      rows.map((r) => r.id),
    ),
    ownerTitles(db, rows),
  ]);
  return rows.map((r) =>
    presentActivity(r, participants.get(r.id) ?? [], titles.get(`${r.owner_entity}:${r.owner_id}`) ?? null),
  );
}
