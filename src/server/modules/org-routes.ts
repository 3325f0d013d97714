import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';

/** Routes of users, departments, roles, pipelines and reference data. */
export async function registerOrgRoutes(
  _app: FastifyInstance,
  _deps: { db: Db; config: Config },
): Promise<void> {}
