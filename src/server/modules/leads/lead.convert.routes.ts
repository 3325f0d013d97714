import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { convertBody } from '../../../shared/schemas/products.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { convertLead } from './lead.convert.js';

const example = {
  version: 2,
  contact: { create: true, post: 'Purchasing manager' },
  company: { create: true, title: 'Ararat Trading LLC' },
  deal: { create: true, title: '20 laptops for Ararat Trading' },
};

/** POST /api/v1/leads/:id/convert. */
export async function leadConvertRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/leads/:id/convert',
    {
      schema: {
        tags: ['leads'],
        summary: 'Convert a lead into a contact, a company and/or a deal, all at once or not at all',
        description:
          'Each of contact and company is either { "id": <existing> } or { "create": true, ...fields that override ' +
          'the ones copied from the lead }; deal is { "create": true, pipelineId?, stageId?, title? } and receives ' +
          "the lead's product rows. Answers { lead, contact?, company?, deal? }; an already converted lead answers 409.",
        params: idParam,
        body: convertBody.meta({ examples: [example] }),
      },
    },
    async (req) =>
      convertLead(
        { db: opts.db, actor: actorOf(req), phoneRegion: opts.phoneRegion },
        req.params.id,
        req.body,
      ),
  );
}
