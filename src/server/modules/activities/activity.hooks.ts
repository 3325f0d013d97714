import { ACTIVITY_OWNERS, type ActivityOwner } from '../../../shared/schemas/activities.js';
import type { Ctx } from '../../context.js';
import { activityWriteEvent } from '../../jobs/outbox.js';
import { publishChange } from '../../live/changes.js';
import { onRecordWrite, type RecordWrite } from '../records/write-hooks.js';

/**
 * Activities follow their record, inside the record write's transaction: a new responsible of the record
 * becomes the activities' owner_responsible_id (rights follow), and a deleted record takes its activities.
 * The responsibles of the affected activities are told their counters may have changed.
 */
export async function activitiesFollowRecord(ctx: Ctx, write: RecordWrite): Promise<void> {
  const entity = write.descriptor.entity;
  // a new record has no activities yet
  if (write.action === 'created' || !(ACTIVITY_OWNERS as readonly string[]).includes(entity)) return;
  const owner = entity as ActivityOwner;
  const k = ctx.db.kysely;
  const mine = () =>
    k.selectFrom('activities').where('owner_entity', '=', owner).where('owner_id', '=', write.id);
  if (write.action === 'deleted') {
    const gone = await mine()
      .select(['id', 'owner_entity', 'owner_id', 'owner_responsible_id', 'responsible_id'])
      .execute();
    if (!gone.length) return;
    await k
      .deleteFrom('activities')
      .where('owner_entity', '=', owner)
      .where('owner_id', '=', write.id)
      .execute();
    // integrations hear of each activity that went with its record (ONCRMACTIVITYDELETE, activity.deleted)
    for (const a of gone)
      await activityWriteEvent(ctx.db, 'deleted', { ...a, updated_by: ctx.actor.userId }, null);
    await tellResponsibles(ctx, write.id, gone);
    return;
  }
  const before = write.before?.responsibleId;
  const after = write.after?.responsibleId;
  if (write.action !== 'updated' || typeof after !== 'number' || before === after) return;
  const affected = await mine().select('responsible_id').distinct().execute();
  if (!affected.length) return;
  await k
    .updateTable('activities')
    .set({ owner_responsible_id: after })
    .where('owner_entity', '=', owner)
    .where('owner_id', '=', write.id)
    .execute();
  await tellResponsibles(ctx, write.id, affected);
}

async function tellResponsibles(
  ctx: Ctx,
  recordId: number,
  rows: { responsible_id: number }[],
): Promise<void> {
  await publishChange(ctx.db, {
    kind: 'counters',
    id: recordId,
    action: 'updated',
    userIds: [...new Set(rows.map((r) => r.responsible_id))],
  });
}

export function registerActivityHooks(): void {
  onRecordWrite('activities', activitiesFollowRecord);
}
