import type { ActivityOwner } from '../../../shared/schemas/activities.js';
import type { Db } from '../../db/connection.js';
import { publishChange } from '../../live/changes.js';

/**
 * Leads and deals carry next_activity_at: the earliest due time of their planned activities (null: idle
 * when open). Kept current by every activity write, in its transaction, without bumping the record's
 * version (nobody edited the record). A change is published as an update of the record, so boards and
 * lists showing the next activity refresh.
 */
export async function refreshNextActivity(db: Db, entity: ActivityOwner, id: number): Promise<void> {
  if (entity !== 'deal' && entity !== 'lead') return;
  const table = entity === 'deal' ? 'deals' : 'leads';
  const [record, next] = await Promise.all([
    db.kysely
      .selectFrom(table)
      .select(['next_activity_at', 'responsible_id'])
      .where('id', '=', id)
      .executeTakeFirst(),
    db.kysely
      .selectFrom('activities')
      .select((eb) => eb.fn.min('due_at').as('due'))
      .where('owner_entity', '=', entity)
      .where('owner_id', '=', id)
      .where('status', '=', 'planned')
      .executeTakeFirst(),
  ]);
  if (!record) return;
  const due = (next?.due as string | null | undefined) ?? null;
  if (due === record.next_activity_at) return;
  await db.kysely.updateTable(table).set({ next_activity_at: due }).where('id', '=', id).execute();
  await publishChange(db, {
    kind: entity,
    id,
    action: 'updated',
    record: { entity, id, ownerIds: [record.responsible_id] },
  });
}
