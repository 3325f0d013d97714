import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { invalid } from '../../errors.js';
import { actorOf } from '../../http/auth.js';
import { dealBoard, leadBoard } from './deal.board.js';

const filterParam = z.string().max(20_000).optional().meta({
  description: 'The same JSON filter as the list, e.g. {"title":{"contains":"laptop"}}',
  example: '{"responsibleId":1}',
});

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalid([{ field: 'filter', message: 'is not valid JSON' }]);
  }
}

const dealExample = {
  pipelineId: 1,
  stages: [
    { stageId: 1, count: 12, sums: [{ currency: 'USD', amount: '48200.00' }] },
    { stageId: 2, count: 0, sums: [] },
  ],
};

/** GET /api/v1/deals/board and /api/v1/leads/board: kanban column totals. */
export async function boardRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({
    db: opts.db,
    actor: actorOf(req),
    phoneRegion: opts.phoneRegion,
  });

  r.get(
    '/api/v1/deals/board',
    {
      schema: {
        tags: ['deals'],
        summary: 'Kanban totals of a pipeline: deal count and sum per currency of every stage',
        description:
          'Counts only the deals the caller may read and that match `filter`. Without pipelineId the default ' +
          `pipeline is used. Example answer: ${JSON.stringify(dealExample)}`,
        querystring: z.strictObject({
          pipelineId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
          filter: filterParam,
        }),
      },
    },
    async (req) => dealBoard(ctx(req), req.query.pipelineId, parseJson(req.query.filter)),
  );

  r.get(
    '/api/v1/leads/board',
    {
      schema: {
        tags: ['leads'],
        summary: 'Kanban totals of leads: count and sum per currency of every status',
        description:
          'Counts only the leads the caller may read and that match `filter`. Example answer: ' +
          '{"statuses":[{"statusId":1,"count":3,"sums":[{"currency":"USD","amount":"900.00"}]}]}',
        querystring: z.strictObject({ filter: filterParam }),
      },
    },
    async (req) => leadBoard(ctx(req), parseJson(req.query.filter)),
  );
}
