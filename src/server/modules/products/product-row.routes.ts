import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replaceRowsBody } from '../../../shared/schemas/products.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/list-query.js';
import { getProductRows, type RowOwner, replaceProductRows } from './product-row.service.js';

const example = {
  version: 3,
  rows: [
    { productId: 1, quantity: '3', discountType: 'percent', discountRate: '10' },
    {
      name: 'Installation',
      price: '150.00',
      quantity: '1.5',
      measure: 'h',
      taxRate: '20',
      taxIncluded: true,
    },
  ],
};

/** GET and PUT /api/v1/{leads|deals}/:id/product-rows. */
export async function productRowRoutes(app: FastifyInstance, opts: { db: Db; phoneRegion: string }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof actorOf>[0]): Ctx => ({
    db: opts.db,
    actor: actorOf(req),
    phoneRegion: opts.phoneRegion,
  });
  const owners: [RowOwner, string][] = [
    ['lead', 'leads'],
    ['deal', 'deals'],
  ];
  for (const [owner, path] of owners) {
    const url = `/api/v1/${path}/:id/product-rows`;
    r.get(
      url,
      {
        schema: {
          tags: [path],
          summary: `Product rows of a ${owner} with exact per-row figures and totals`,
          description: `Example: GET /api/v1/${path}/1/product-rows → { ownerType, ownerId, version, currency, rows: [{ name, price, quantity, priceAfterDiscount, sum, taxSum, total, … }], totals: { subtotal, discountTotal, taxTotal, total } }`,
          params: idParam,
        },
      },
      async (req) => getProductRows(ctx(req), owner, req.params.id),
    );
    r.put(
      url,
      {
        schema: {
          tags: [path],
          summary: `Replace all product rows of a ${owner}; its amount becomes their total`,
          description:
            'Rows with a productId take name, price, measure and tax from the product unless given. Money as "1234.50", ' +
            'quantities with up to 3 decimals, rates in percent. An empty list removes the rows and makes the amount ' +
            'editable again. Send the version you read; a stale one answers 409.',
          params: idParam,
          body: replaceRowsBody.meta({ example }),
        },
      },
      async (req) => replaceProductRows(ctx(req), owner, req.params.id, req.body),
    );
  }
}
