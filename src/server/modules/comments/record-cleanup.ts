import { isCrmEntity } from '../notifications/record-ref.js';
import { onRecordWrite } from '../records/write-hooks.js';
import { deleteRecordComments } from './comment.service.js';

/** A deleted record takes its comments (and their mentions) with it, in the same transaction. */
onRecordWrite('comments', async (ctx, write) => {
  const entity = write.descriptor.entity;
  if (write.action === 'deleted' && isCrmEntity(entity)) await deleteRecordComments(ctx.db, entity, write.id);
});
