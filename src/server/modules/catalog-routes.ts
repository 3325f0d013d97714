import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { boardRoutes } from './deals/deal.board.routes.js';
import { leadConvertRoutes } from './leads/lead.convert.routes.js';
import { productRowRoutes } from './products/product-row.routes.js';
import { productSectionRoutes } from './products/product-section.routes.js';

/** Routes of product sections, product rows and lead conversion. */
export async function registerCatalogRoutes(
  app: FastifyInstance,
  deps: { db: Db; config: Config },
): Promise<void> {
  const opts = { db: deps.db, phoneRegion: deps.config.DEFAULT_PHONE_REGION };
  await app.register(productSectionRoutes, opts);
  await app.register(productRowRoutes, opts);
  await app.register(leadConvertRoutes, opts);
  await app.register(boardRoutes, opts);
}
