import { z } from 'zod';
import { ErrorCodes } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import type { EntityDescriptor } from './descriptor.js';
import { deleteRecord, updateRecord } from './record.service.js';

export const bulkBody = z
  .strictObject({
    ids: z.array(z.number().int().positive()).min(1).max(500),
    action: z.enum(['assign', 'stage', 'status', 'delete']),
    value: z.number().int().positive().optional(),
  })
  .meta({ example: { ids: [12, 15, 19], action: 'assign', value: 4 } });

export interface BulkResult {
  done: number[];
  failed: { id: number; code: string; message: string }[];
}

const FIELD = { assign: 'responsibleId', stage: 'stageId', status: 'statusId' } as const;

/**
 * Applies one change to many records. Each record goes through the same service path (rights, rules,
 * history) in its own transaction, so records the user may not touch are reported and the rest proceed.
 */
export async function bulkChange(
  ctx: Ctx,
  d: EntityDescriptor,
  input: z.output<typeof bulkBody>,
): Promise<BulkResult> {
  if (input.action === 'stage' && d.entity !== 'deal')
    throw invalid([{ field: 'action', message: 'only deals have stages' }]);
  if (input.action === 'status' && d.entity !== 'lead')
    throw invalid([{ field: 'action', message: 'only leads have statuses' }]);
  if (input.action !== 'delete' && input.value === undefined)
    throw invalid([{ field: 'value', message: 'is required for this action' }]);
  const result: BulkResult = { done: [], failed: [] };
  for (const id of [...new Set(input.ids)]) {
    try {
      if (input.action === 'delete') await deleteRecord(ctx, d, id);
      else await updateRecord(ctx, d, id, { [FIELD[input.action]]: input.value });
      result.done.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // A bad value (e.g. an unknown stage) fails every record the same way: report it once as a 400.
      if (err.code === ErrorCodes.VALIDATION_FAILED && result.done.length === 0 && result.failed.length === 0)
        throw err;
      result.failed.push({ id, code: err.code, message: err.message });
    }
  }
  return result;
}
