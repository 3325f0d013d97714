import type { RecordEntity } from '../../../shared/access.js';
import { type Actor, loadActor } from '../../access/actor.js';
import { assertRecordAccess, reachIncludes, reachOf } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { notFound } from '../../errors.js';
import type { ApiRecord, EntityDescriptor } from '../records/descriptor.js';
import { ENTITIES } from '../records/entities.js';
import { joinText } from '../records/search-text.js';

/** The CRM records that carry comments, activities, a timeline and notifications (not products). */
export const CRM_ENTITIES = ['lead', 'contact', 'company', 'deal'] as const;
export type CrmEntity = (typeof CRM_ENTITIES)[number];

export const isCrmEntity = (entity: RecordEntity): entity is CrmEntity =>
  (CRM_ENTITIES as readonly string[]).includes(entity);

export const crmDescriptors = (): [CrmEntity, EntityDescriptor][] =>
  CRM_ENTITIES.map((e) => [e, ENTITIES[e]]);

/** What comments and notifications need to know of a record: whose it is and what to call it. */
export interface RecordRef {
  entity: CrmEntity;
  id: number;
  ownerId: number;
  title: string;
}

/** A short human title of a record as the API shows it (deal title, contact's name). */
export function titleOfRecord(entity: CrmEntity, record: ApiRecord): string {
  if (entity === 'contact') return joinText(record.name, record.secondName, record.lastName);
  return String(record.title ?? '');
}

export async function loadRecordRef(db: Db, entity: CrmEntity, id: number): Promise<RecordRef | null> {
  const k = db.kysely;
  if (entity === 'contact') {
    const r = await k
      .selectFrom('contacts')
      .select(['responsible_id', 'name', 'second_name', 'last_name'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r
      ? { entity, id, ownerId: r.responsible_id, title: joinText(r.name, r.second_name, r.last_name) }
      : null;
  }
  const table = ENTITIES[entity].table as 'leads' | 'companies' | 'deals';
  const r = await k
    .selectFrom(table)
    .select(['responsible_id', 'title'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { entity, id, ownerId: r.responsible_id, title: r.title } : null;
}

/** The record, if the actor may read it; otherwise 404 (a record out of reach does not exist for them). */
export async function readableRecord(
  db: Db,
  actor: Actor,
  entity: CrmEntity,
  id: number,
): Promise<RecordRef> {
  const d = ENTITIES[entity];
  const ref = await loadRecordRef(db, entity, id);
  if (!ref) throw notFound(d.label, id);
  await assertRecordAccess(db, actor, entity, 'read', ref.ownerId, d.label, id);
  return ref;
}

/** Whether an (active) user may read a record owned by `ownerId`. */
export async function userCanRead(
  db: Db,
  userId: number,
  entity: CrmEntity,
  ownerId: number,
): Promise<boolean> {
  const actor = await loadActor(db, userId);
  if (!actor) return false;
  return reachIncludes(await reachOf(db, actor, entity, 'read'), ownerId);
}

/** Display names of users by id ("Anna Petrosyan"). */
export async function userNames(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null && id > 0))];
  if (!wanted.length) return new Map();
  const rows = await db.kysely
    .selectFrom('users')
    .select(['id', 'name', 'last_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((u) => [u.id, joinText(u.name, u.last_name)]));
}

export interface PersonRef {
  id: number;
  name: string;
}

export const personOf = (names: Map<number, string>, id: number | null): PersonRef | null =>
  id === null || id <= 0 ? null : { id, name: names.get(id) ?? '' };
