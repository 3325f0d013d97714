import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';

/** Routes of product sections, product rows and lead conversion. */
export async function registerCatalogRoutes(
  _app: FastifyInstance,
  _deps: { db: Db; config: Config },
): Promise<void> {}
