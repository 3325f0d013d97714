import { z } from 'zod';
import { ErrorCodes } from '../../shared/errors.js';
import { AppError } from '../errors.js';
import type { ListParams } from '../modules/records/record.service.js';

/** Query string of every list: GET /api/v1/<entity>?filter=<json>&sort=-amount,id&limit=50&cursor=…&fields=… */
export const listQuery = z.strictObject({
  filter: z.string().optional().meta({
    description: 'JSON filter, e.g. {"stageId":3,"amount":{"gte":"1000"}}',
    example: '{"amount":{"gte":"1000"}}',
  }),
  sort: z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'Comma-separated fields, "-" for descending', example: '-amount,id' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(4000).optional().meta({ description: 'nextCursor of the previous page' }),
  fields: z
    .string()
    .max(2000)
    .optional()
    .meta({ description: 'Comma-separated fields to return', example: 'id,title,amount' }),
  total: z.enum(['true', 'false']).default('true').meta({ description: 'false skips counting the total' }),
});

/** Body of POST /api/v1/<entity>/search: the same as the list query, with the filter as JSON. */
export const searchBody = z.strictObject({
  filter: z.record(z.string(), z.unknown()).optional(),
  sort: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  cursor: z.string().max(4000).optional(),
  fields: z.array(z.string().max(100)).max(200).optional(),
  total: z.boolean().default(true),
});

export function listParamsFromQuery(q: z.output<typeof listQuery>): ListParams {
  let filter: unknown;
  if (q.filter !== undefined) {
    try {
      filter = JSON.parse(q.filter);
    } catch {
      throw new AppError(ErrorCodes.VALIDATION_FAILED, 'filter: is not valid JSON', [
        { field: 'filter', message: 'is not valid JSON' },
      ]);
    }
  }
  return {
    filter,
    sort: q.sort,
    limit: q.limit,
    cursor: q.cursor,
    fields: q.fields
      ? q.fields
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : undefined,
    withTotal: q.total === 'true',
  };
}

export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
