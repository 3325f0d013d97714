import { productFields } from '../../../shared/schemas/records.js';
import { invalid } from '../../errors.js';
import { auditFields, type EntityDescriptor } from '../records/descriptor.js';
import { assertCurrency, baseCurrency } from '../reference/reference.repository.js';

/** The product catalog. Products belong to the company, not to a manager: rights use the creator. */
export const productEntity: EntityDescriptor = {
  entity: 'product',
  table: 'products',
  label: 'Product',
  path: 'products',
  ownerColumn: 'created_by',
  hasCommunications: false,
  defaultSort: 'sort,name',
  inputShape: productFields,
  fields: [
    ...auditFields,
    { name: 'name', column: 'name', type: 'string', nullable: false },
    { name: 'sku', column: 'sku', type: 'string', nullable: true },
    { name: 'sectionId', column: 'section_id', type: 'ref', nullable: true },
    { name: 'description', column: 'description', type: 'text', nullable: true, sortable: false },
    { name: 'price', column: 'price', type: 'money', nullable: false },
    { name: 'currency', column: 'currency', type: 'enum', nullable: false },
    { name: 'vatRate', column: 'vat_rate', type: 'rate', nullable: true },
    { name: 'vatIncluded', column: 'vat_included', type: 'boolean', nullable: false },
    { name: 'measure', column: 'measure', type: 'enum', nullable: false },
    { name: 'active', column: 'active', type: 'boolean', nullable: false },
    { name: 'sort', column: 'sort', type: 'integer', nullable: false },
  ],
  async prepare(ctx, values, existing) {
    if (values.currency !== undefined) await assertCurrency(ctx, values.currency as string);
    else if (!existing) values.currency = await baseCurrency(ctx.db);
    if (values.section_id) {
      const section = await ctx.db.kysely
        .selectFrom('product_sections')
        .select('id')
        .where('id', '=', values.section_id as number)
        .executeTakeFirst();
      if (!section)
        throw invalid([{ field: 'sectionId', message: `no product section with id ${values.section_id}` }]);
    }
  },
};
