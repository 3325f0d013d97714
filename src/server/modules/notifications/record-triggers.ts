import type { Ctx } from '../../context.js';
import type { RecordWrite } from '../records/write-hooks.js';
import { onRecordWrite } from '../records/write-hooks.js';
import { deleteRecordNotifications, notify } from './notify.js';
import { isCrmEntity, titleOfRecord } from './record-ref.js';

/**
 * Notifications caused by record writes: "assigned to you" when a record is created for, or handed to,
 * someone other than the actor; "stage changed" when someone else moves a deal of yours. A deleted record
 * takes its notifications with it.
 */
export async function notifyOnRecordWrite(ctx: Ctx, write: RecordWrite): Promise<void> {
  const entity = write.descriptor.entity;
  if (!isCrmEntity(entity)) return;
  if (write.action === 'deleted') {
    await deleteRecordNotifications(ctx.db, entity, write.id);
    return;
  }
  const { before, after } = write;
  if (!after) return;
  const responsible = after.responsibleId as number;
  const actorId = ctx.actor.userId;
  if (responsible === actorId) return;
  const base = {
    userId: responsible,
    record: { entity, id: write.id },
    actorId,
    title: titleOfRecord(entity, after),
    ownerId: responsible,
  };
  if (!before || before.responsibleId !== responsible) {
    const data = before ? { previousResponsibleId: before.responsibleId as number } : null;
    await notify(ctx.db, { ...base, kind: 'assigned', data });
    return;
  }
  if (entity === 'deal' && before.stageId !== after.stageId) {
    const stage = await ctx.db.kysely
      .selectFrom('stages')
      .select(['name', 'semantics'])
      .where('id', '=', after.stageId as number)
      .executeTakeFirst();
    await notify(ctx.db, {
      ...base,
      kind: 'stage_changed',
      data: {
        fromStageId: before.stageId as number,
        toStageId: after.stageId as number,
        stageName: stage?.name ?? null,
        stageSemantics: stage?.semantics ?? null,
      },
    });
  }
}

onRecordWrite('notifications', notifyOnRecordWrite);
