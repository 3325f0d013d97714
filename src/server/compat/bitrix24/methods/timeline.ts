import { z } from 'zod';
import { requiredText } from '../../../../shared/schemas/common.js';
import { createComment, listComments } from '../../../modules/comments/comment.service.js';
import { type CrmEntity, isCrmEntity } from '../../../modules/notifications/record-ref.js';
import { parseInput } from '../../../validation.js';
import { b24 } from '../errors.js';
import { PAGE_SIZE, startOf } from '../list/page.js';
import { answer, type MethodDef } from '../registry.js';
import { dateTimeOut, idIn, isPlainObject, param } from '../values.js';

/** crm.timeline.comment.add / list: comments on a lead, contact, company or deal (ENTITY_TYPE lower-case). */
const commentInput = z.object({ body: requiredText(10_000) });

function target(raw: unknown): { entity: CrmEntity; id: number } {
  const f = isPlainObject(raw)
    ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toUpperCase(), v]))
    : {};
  const entity = String(f.ENTITY_TYPE ?? '').toLowerCase();
  const id = idIn(f.ENTITY_ID);
  if (!isCrmEntity(entity as CrmEntity)) throw b24.legacy('The field ENTITY_TYPE is not defined or invalid.');
  if (id === null || Number.isNaN(id)) throw b24.legacy('The field ENTITY_ID is not defined or invalid.');
  return { entity: entity as CrmEntity, id };
}

export const timelineMethods: MethodDef[] = [
  {
    name: 'crm.timeline.comment.add',
    scope: 'crm',
    errors: 'legacy',
    namer: (api) => (api === 'body' ? 'COMMENT' : undefined),
    handler: async ({ ctx, params }) => {
      const fields = param(params, 'fields');
      const { entity, id } = target(fields);
      const comment = isPlainObject(fields) ? (fields.COMMENT ?? fields.comment) : undefined;
      if (typeof comment !== 'string' || !comment.trim())
        throw b24.legacy('The field COMMENT is not defined or empty.');
      const input = parseInput(commentInput, { body: comment });
      return answer((await createComment(ctx, entity, id, input)).id);
    },
  },
  {
    name: 'crm.timeline.comment.list',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx, params }) => {
      const { entity, id } = target(param(params, 'filter'));
      const { offset, count } = startOf(param(params, 'start'));
      const page = await listComments(ctx, entity, id, { limit: offset + PAGE_SIZE });
      const rows = page.items.slice(offset).map((c) => ({
        ID: String(c.id),
        ENTITY_ID: String(c.recordId),
        ENTITY_TYPE: c.entity,
        CREATED: dateTimeOut(c.createdAt),
        COMMENT: c.body,
        AUTHOR_ID: c.author ? String(c.author.id) : null,
        FILES: [],
      }));
      if (!count) return { result: rows, total: 0 };
      const total = Number(
        (
          await ctx.db.kysely
            .selectFrom('comments')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('owner_entity', '=', entity)
            .where('owner_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
      const next = offset + PAGE_SIZE < total ? offset + PAGE_SIZE : undefined;
      return { result: rows, total, ...(next === undefined ? {} : { next }) };
    },
  },
];
