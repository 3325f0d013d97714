import { sql } from 'kysely';
import type { FieldIssue } from '../../../shared/errors.js';
import {
  type ActivityOwner,
  type ActivityUpdateInput,
  activityCreate,
  activityUpdate,
} from '../../../shared/schemas/activities.js';
import { canSee, ownerReaches } from '../../access/activities.js';
import { reachIncludes, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { nowIso, withTx } from '../../db/tx.js';
import { forbidden, invalid, notFound } from '../../errors.js';
import { activityWriteEvent } from '../../jobs/outbox.js';
import { publishChange } from '../../live/changes.js';
import { assertVersion, staleVersion } from '../../optimistic.js';
import { parseInput } from '../../validation.js';
import { notify } from '../notifications/notify.js';
import { checkCommunication, checkPeople } from './activity.checks.js';
import type { ActivityRow, ApiActivity } from './activity.fields.js';
import { loadActivity, loadOwner, presentActivities, replaceParticipants } from './activity.repository.js';
import { deriveTiming } from './activity.timing.js';
import { refreshNextActivity } from './next-activity.js';

/**
 * Activities: create, change (reschedule, complete, reopen, cancel), delete, get. Rights follow the owner
 * record: seeing it shows its activities; changing them needs the right to change the record, except that
 * the activity's responsible may complete and reschedule their own while they can see the record.
 */

/** What the activity's responsible may change without the right to change the record. */
const RESPONSIBLE_MAY_CHANGE = new Set([
  'startAt',
  'endAt',
  'deadline',
  'remindBeforeMinutes',
  'status',
  'result',
]);

async function presentOne(db: Db, row: ActivityRow): Promise<ApiActivity> {
  const [activity] = await presentActivities(db, [row]);
  return activity as ApiActivity;
}

/** The activity, if the actor may see it (otherwise 404: it does not exist for them). */
async function visibleActivity(ctx: Ctx, db: Db, id: number): Promise<ActivityRow> {
  const row = await loadActivity(db, id);
  if (!row || !canSee(await ownerReaches(db, ctx.actor), row)) throw notFound('Activity', id);
  return row;
}

async function mayChangeOwner(ctx: Ctx, db: Db, row: ActivityRow): Promise<boolean> {
  const reach = await reachOf(db, ctx.actor, row.owner_entity as ActivityOwner, 'update');
  return reachIncludes(reach, row.owner_responsible_id);
}

async function publishActivity(
  db: Db,
  action: 'created' | 'updated' | 'deleted',
  before: ActivityRow | null,
  after: ActivityRow | null,
): Promise<void> {
  const row = (after ?? before) as ActivityRow;
  const owners = [...new Set([before?.owner_responsible_id, row.owner_responsible_id])];
  const people = [...new Set([before?.responsible_id, after?.responsible_id])];
  await publishChange(db, {
    kind: 'activity',
    id: row.id,
    action,
    record: {
      entity: row.owner_entity as ActivityOwner,
      id: row.owner_id,
      ownerIds: owners.filter((o): o is number => o !== undefined),
    },
    userIds: people.filter((u): u is number => u !== undefined),
  });
  await activityWriteEvent(db, action, before, after);
}

/** "Assigned to you": the new responsible of an activity hears of it (unless they made the change). */
async function notifyAssigned(ctx: Ctx, db: Db, row: ActivityRow): Promise<void> {
  if (row.responsible_id === ctx.actor.userId) return;
  await notify(db, {
    userId: row.responsible_id,
    kind: 'assigned',
    record: { entity: row.owner_entity as ActivityOwner, id: row.owner_id },
    actorId: ctx.actor.userId,
    activityId: row.id,
    ownerId: row.owner_responsible_id,
    data: { subject: row.subject, type: row.type, dueAt: row.due_at },
  });
}

export async function getActivity(ctx: Ctx, id: number): Promise<ApiActivity> {
  return presentOne(ctx.db, await visibleActivity(ctx, ctx.db, id));
}

export async function createActivity(ctx: Ctx, body: unknown): Promise<ApiActivity> {
  const input = parseInput(activityCreate, body);
  const entity = input.ownerEntity;
  return withTx(ctx.db, async (db) => {
    const owner = await loadOwner(db, entity, input.ownerId);
    const read = await reachOf(db, ctx.actor, entity, 'read');
    if (!owner || !reachIncludes(read, owner.responsibleId))
      throw invalid([{ field: 'ownerId', message: `no ${entity} with id ${input.ownerId}` }]);
    const update = await reachOf(db, ctx.actor, entity, 'update');
    if (!reachIncludes(update, owner.responsibleId))
      throw forbidden(`You may not add activities to this ${entity}`);
    const issues: FieldIssue[] = [];
    const responsibleId = input.responsibleId ?? ctx.actor.userId;
    await checkPeople(
      db,
      entity,
      owner.responsibleId,
      { responsibleId, participantIds: input.participantIds },
      issues,
    );
    const timing = deriveTiming(input, null, issues);
    const comm = checkCommunication(input.commType ?? null, input.commValue ?? null, issues);
    if (issues.length || !timing) throw invalid(issues);
    const now = nowIso();
    const row = await db.kysely
      .insertInto('activities')
      .values({
        version: 1,
        type: input.type,
        subject: input.subject,
        description: input.description ?? null,
        ...timing,
        responsible_id: responsibleId,
        priority: input.priority ?? 'normal',
        status: 'planned',
        owner_entity: entity,
        owner_id: input.ownerId,
        owner_responsible_id: owner.responsibleId,
        ...comm,
        created_by: ctx.actor.userId || null,
        updated_by: ctx.actor.userId || null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.participantIds?.length) await replaceParticipants(db, row.id, input.participantIds);
    await refreshNextActivity(db, entity, input.ownerId);
    await publishActivity(db, 'created', null, row);
    await notifyAssigned(ctx, db, row);
    return presentOne(db, row);
  });
}

/** Column values of a change, checked against the rules; throws a 400 naming each bad field. */
async function changedValues(
  db: Db,
  existing: ActivityRow,
  input: ActivityUpdateInput,
): Promise<Record<string, unknown>> {
  const entity = existing.owner_entity as ActivityOwner;
  const issues: FieldIssue[] = [];
  const people = {
    responsibleId: input.responsibleId !== existing.responsible_id ? input.responsibleId : undefined,
    participantIds: input.participantIds,
  };
  await checkPeople(db, entity, existing.owner_responsible_id, people, issues);
  const timing = deriveTiming(input, existing, issues);
  const commType = input.commType !== undefined ? input.commType : existing.comm_type;
  const commValue =
    input.commValue !== undefined ? input.commValue : input.commType === null ? null : existing.comm_value;
  const comm = checkCommunication(commType, commValue, issues);
  if (issues.length || !timing) throw invalid(issues);
  const values: Record<string, unknown> = { ...timing, ...comm };
  for (const [key, column] of [
    ['type', 'type'],
    ['subject', 'subject'],
    ['description', 'description'],
    ['responsibleId', 'responsible_id'],
    ['priority', 'priority'],
    ['result', 'result'],
  ] as const) {
    if (input[key] !== undefined) values[column] = input[key];
  }
  if (input.status !== undefined && input.status !== existing.status) {
    values.status = input.status;
    values.completed_at = input.status === 'done' ? nowIso() : null;
  }
  // A new time means a new reminder and, once late again, a new overdue notice.
  if (timing.remind_at !== existing.remind_at) values.reminded_at = null;
  if (timing.due_at !== existing.due_at) values.overdue_notified_at = null;
  return values;
}

async function writeIfVersion(db: Db, id: number, version: number, values: Record<string, unknown>) {
  const res = await db.kysely
    .updateTable('activities')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** PATCH: any field; rescheduling is a new start (calls, meetings) or deadline (emails, tasks). */
export async function updateActivity(
  ctx: Ctx,
  id: number,
  body: unknown,
  ifMatch?: number,
): Promise<ApiActivity> {
  const input = parseInput(activityUpdate, body ?? {});
  const keys = Object.keys(input).filter((k) => k !== 'version');
  if (!keys.length) throw invalid([{ field: '(body)', message: 'names no field to change' }]);
  return changeActivity(ctx, id, input, input.version ?? ifMatch, keys);
}

async function changeActivity(
  ctx: Ctx,
  id: number,
  input: ActivityUpdateInput,
  expected: number | undefined,
  keys: string[],
): Promise<ApiActivity> {
  return withTx(ctx.db, async (db) => {
    const existing = await visibleActivity(ctx, db, id);
    const ownWork =
      existing.responsible_id === ctx.actor.userId && keys.every((k) => RESPONSIBLE_MAY_CHANGE.has(k));
    if (!ownWork && !(await mayChangeOwner(ctx, db, existing)))
      throw forbidden(`You may not change activities of this ${existing.owner_entity}`);
    assertVersion('Activity', expected, await presentOne(db, existing));
    const values = await changedValues(db, existing, input);
    Object.assign(values, { updated_by: ctx.actor.userId || null, updated_at: nowIso() });
    if (!(await writeIfVersion(db, id, existing.version, values))) {
      const current = await loadActivity(db, id);
      if (!current) throw notFound('Activity', id);
      throw staleVersion('Activity', await presentOne(db, current));
    }
    if (input.participantIds) await replaceParticipants(db, id, input.participantIds);
    const after = (await loadActivity(db, id)) as ActivityRow;
    if (after.status !== existing.status || after.due_at !== existing.due_at)
      await refreshNextActivity(db, after.owner_entity as ActivityOwner, after.owner_id);
    await publishActivity(db, 'updated', existing, after);
    if (after.responsible_id !== existing.responsible_id) await notifyAssigned(ctx, db, after);
    return presentOne(db, after);
  });
}

/** One click: done, with an optional result note. Completing a done activity keeps its completion time. */
export async function completeActivity(
  ctx: Ctx,
  id: number,
  input: { result?: string | null | undefined; version?: number | undefined },
): Promise<ApiActivity> {
  const change: ActivityUpdateInput = { status: 'done' };
  if (input.result !== undefined) change.result = input.result;
  return changeActivity(ctx, id, change, input.version, Object.keys(change));
}

/** Back to planned (a done or cancelled activity that needs doing after all). */
export async function reopenActivity(ctx: Ctx, id: number, version?: number): Promise<ApiActivity> {
  return changeActivity(ctx, id, { status: 'planned' }, version, ['status']);
}

export async function deleteActivity(ctx: Ctx, id: number, expected?: number): Promise<void> {
  await withTx(ctx.db, async (db) => {
    const existing = await visibleActivity(ctx, db, id);
    if (!(await mayChangeOwner(ctx, db, existing)))
      throw forbidden(`You may not delete activities of this ${existing.owner_entity}`);
    if (expected !== undefined) assertVersion('Activity', expected, await presentOne(db, existing));
    await db.kysely.deleteFrom('activities').where('id', '=', id).execute();
    await refreshNextActivity(db, existing.owner_entity as ActivityOwner, existing.owner_id);
    await publishActivity(db, 'deleted', existing, null);
  });
}
