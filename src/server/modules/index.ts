import type { FastifyInstance } from 'fastify';
import { registerBitrix24 } from '../compat/bitrix24/register.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { activityRoutes } from './activities/activity.routes.js';
import { apiTokenRoutes } from './api-tokens/api-token.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { registerCatalogRoutes } from './catalog-routes.js';
import { commentRoutes } from './comments/comment.routes.js';
import { companyEntity } from './companies/company.entity.js';
import { contactEntity } from './contacts/contact.entity.js';
import { customFieldRoutes } from './custom-fields/custom-field.routes.js';
import { dealEntity } from './deals/deal.entity.js';
import { leadEntity } from './leads/lead.entity.js';
import { notificationRoutes } from './notifications/notification.routes.js';
import { registerOrgRoutes } from './org-routes.js';
import { productEntity } from './products/product.entity.js';
import { registerRecordRoutes } from './records/record.routes.js';
import { savedFilterRoutes } from './saved-filters/saved-filter.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { timelineRoutes } from './timeline/timeline.routes.js';
import { webhookOutRoutes } from './webhooks-out/webhook.routes.js';

/** Every module's routes, in one list, so the API surface is visible at a glance. */
export async function registerModules(app: FastifyInstance, deps: { db: Db; config: Config }): Promise<void> {
  const { db, config } = deps;
  const routeDeps = { db, phoneRegion: config.DEFAULT_PHONE_REGION };
  await app.register(authRoutes, { db, config });
  await app.register(apiTokenRoutes, { db });
  await app.register(customFieldRoutes, routeDeps);
  await app.register(searchRoutes, routeDeps);
  await app.register(savedFilterRoutes, routeDeps);
  await app.register(activityRoutes, routeDeps);
  await app.register(commentRoutes, routeDeps);
  await app.register(notificationRoutes, routeDeps);
  await app.register(timelineRoutes, routeDeps);
  await app.register(webhookOutRoutes, { db, config });
  await registerBitrix24(app, deps);
  await registerOrgRoutes(app, deps);
  await registerCatalogRoutes(app, deps);
  registerRecordRoutes(app, leadEntity, routeDeps, {
    title: 'Website request: 20 laptops',
    name: 'Anna',
    lastName: 'Petrosyan',
    companyTitle: 'Ararat Trading',
    phones: [{ value: '+374 10 123456', type: 'work' }],
    emails: [{ value: 'anna@ararat.example', type: 'work' }],
  });
  registerRecordRoutes(app, contactEntity, routeDeps, {
    name: 'Ivan',
    lastName: 'Petrov',
    post: 'Purchasing manager',
    phones: [{ value: '+7 916 123-45-67', type: 'mobile' }],
    companyIds: [1],
  });
  registerRecordRoutes(app, companyEntity, routeDeps, {
    title: 'Ararat Trading LLC',
    industry: 'IT',
    emails: [{ value: 'info@ararat.example', type: 'work' }],
  });
  registerRecordRoutes(app, dealEntity, routeDeps, {
    title: '20 laptops for Ararat Trading',
    amount: '24000.00',
    currency: 'USD',
    companyId: 1,
    contactIds: [1],
  });
  registerRecordRoutes(app, productEntity, routeDeps, {
    name: 'Laptop 14"',
    sku: 'LT-14',
    price: '1200.00',
    currency: 'USD',
    vatRate: '20',
    measure: 'pcs',
  });
}
