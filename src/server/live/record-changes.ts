import type { RecordEntity } from '../../shared/access.js';
import type { Db } from '../db/connection.js';
import type { ApiRecord, EntityDescriptor } from '../modules/records/descriptor.js';
import { onRecordWrite } from '../modules/records/write-hooks.js';
import { type LiveChange, publishChange } from './changes.js';

/** Publishes a change of one CRM record, addressed to whoever may read it by its owners. */
export function publishRecordChange(
  db: Db,
  entity: RecordEntity,
  id: number,
  action: LiveChange['action'],
  ownerIds: (number | null | undefined)[],
): Promise<void> {
  const owners = [...new Set(ownerIds.filter((o): o is number => typeof o === 'number'))];
  return publishChange(db, { kind: entity, id, action, record: { entity, id, ownerIds: owners } });
}

/** The API field that holds the record's owner (responsibleId, or createdBy for products). */
function ownerField(d: EntityDescriptor): string | undefined {
  return d.fields.find((f) => f.column === d.ownerColumn)?.name;
}

const ownerOf = (record: ApiRecord | null, field: string | undefined) =>
  record && field ? (record[field] as number | null | undefined) : null;

/**
 * Every create, update and delete of the record engine publishes a change, addressed to the owners before
 * and after: a user who has just lost sight of a reassigned record is told, so their screens drop it.
 */
export function publishRecordWrites(): void {
  onRecordWrite('live', async (ctx, write) => {
    const field = ownerField(write.descriptor);
    await publishRecordChange(ctx.db, write.descriptor.entity, write.id, write.action, [
      ownerOf(write.before, field),
      ownerOf(write.after, field),
    ]);
  });
}
