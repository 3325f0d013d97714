import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requiredText } from '../../../shared/schemas/common.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { crmDescriptors } from '../notifications/record-ref.js';
import { createComment, deleteComment, listComments, updateComment } from './comment.service.js';
import './record-cleanup.js';

const commentBody = z
  .strictObject({ body: requiredText(10_000) })
  .meta({ example: { body: 'Called back, @[Anna Petrosyan](user:12) please send the quote today.' } });

const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional().meta({ description: 'nextCursor of the previous page' }),
});

/**
 * Comments on leads, contacts, companies and deals. Mentions are written `@[Name](user:12)` in the body.
 * Reading a record is enough to comment on it; authors change or delete their own comments, admins any.
 */
export async function commentRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof actorOf>[0]): Ctx => ({
    db: opts.db,
    actor: actorOf(req),
    phoneRegion: opts.phoneRegion,
  });
  for (const [entity, d] of crmDescriptors()) {
    const base = `/api/v1/${d.path}/:id/comments`;
    const tags = [d.path];
    r.get(
      base,
      {
        schema: {
          tags,
          summary: `Comments on a ${d.label.toLowerCase()}, newest first`,
          params: idParam,
          querystring: pageQuery,
        },
      },
      async (req) => listComments(ctx(req), entity, req.params.id, req.query),
    );
    r.post(
      base,
      {
        schema: {
          tags,
          summary: `Comment on a ${d.label.toLowerCase()}; mentioned readers are notified`,
          description:
            'Mention a user with `@[Their name](user:<id>)`. Mentioned users must be active; those who cannot ' +
            'read the record are not notified.',
          params: idParam,
          body: commentBody,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createComment(ctx(req), entity, req.params.id, req.body)),
    );
  }
  const tags = ['comments'];
  r.patch(
    '/api/v1/comments/:id',
    {
      schema: {
        tags,
        summary: 'Edit a comment (its author or an administrator); newly mentioned users are notified',
        params: idParam,
        body: commentBody,
      },
    },
    async (req) => updateComment(ctx(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/comments/:id',
    { schema: { tags, summary: 'Delete a comment (its author or an administrator)', params: idParam } },
    async (req, reply) => {
      await deleteComment(ctx(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
