import { companyMap } from '../fields/company.js';
import { contactMap } from '../fields/contact.js';
import { dealMap } from '../fields/deal.js';
import { leadMap } from '../fields/lead.js';
import { productMap } from '../fields/product.js';
import { MethodRegistry } from '../registry.js';
import { activityMethods } from './activities.js';
import { batchMethod } from './batch.js';
import { categoryMethods } from './categories.js';
import { recordMethods } from './crm-records.js';
import { duplicateMethods } from './duplicates.js';
import { eventMethods } from './events.js';
import { linkMethodsAll } from './links.js';
import { productRowMethods } from './product-rows.js';
import { statusMethods } from './statuses.js';
import { systemMethods } from './system.js';
import { timelineMethods } from './timeline.js';
import { userFieldMethods } from './userfields.js';
import { userMethods } from './users.js';

/** Every Bitrix24-compatible method, in one registry. */
export function buildRegistry(): MethodRegistry {
  const registry = new MethodRegistry();
  for (const map of [leadMap, contactMap, companyMap, dealMap, productMap])
    registry.add(...recordMethods(map));
  for (const map of [leadMap, contactMap, companyMap, dealMap]) registry.add(...userFieldMethods(map));
  registry.add(
    ...productRowMethods,
    ...statusMethods,
    ...categoryMethods,
    ...activityMethods,
    ...timelineMethods,
    ...duplicateMethods,
    ...linkMethodsAll,
    ...userMethods,
    ...systemMethods,
    ...eventMethods,
    batchMethod,
  );
  return registry;
}
