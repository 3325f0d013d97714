import type { RecordEntity } from '../../../shared/access.js';
import { companyEntity } from '../companies/company.entity.js';
import { contactEntity } from '../contacts/contact.entity.js';
import { dealEntity } from '../deals/deal.entity.js';
import { leadEntity } from '../leads/lead.entity.js';
import { productEntity } from '../products/product.entity.js';
import type { EntityDescriptor } from './descriptor.js';

/** Every record type by its entity name. */
export const ENTITIES: Record<RecordEntity, EntityDescriptor> = {
  lead: leadEntity,
  contact: contactEntity,
  company: companyEntity,
  deal: dealEntity,
  product: productEntity,
};
