import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { departmentRoutes } from './departments/department.routes.js';
import { pipelineRoutes } from './pipelines/pipeline.routes.js';
import { referenceRoutes } from './reference/reference.routes.js';
import { roleRoutes } from './roles/role.routes.js';
import { userRoutes } from './users/user.routes.js';

/** Routes of users, departments, roles, pipelines and reference data. */
export async function registerOrgRoutes(
  app: FastifyInstance,
  deps: { db: Db; config: Config },
): Promise<void> {
  const { db } = deps;
  await app.register(userRoutes, { db });
  await app.register(departmentRoutes, { db });
  await app.register(roleRoutes, { db });
  await app.register(pipelineRoutes, { db });
  await app.register(referenceRoutes, { db });
}
