import { companyFields } from '../../../shared/schemas/records.js';
import { auditFields, type EntityDescriptor, ownedFields } from '../records/descriptor.js';
import { assertReadableRefs, loadLinks, replaceLinks, visibleIds } from '../records/references.js';
import { commsText, joinText } from '../records/search-text.js';
import { assertCurrency, assertSource, baseCurrency } from '../reference/reference.repository.js';

/** Companies: legal entities; their contacts are linked many-to-many. */
export const companyEntity: EntityDescriptor = {
  entity: 'company',
  table: 'companies',
  label: 'Company',
  path: 'companies',
  ownerColumn: 'responsible_id',
  hasCommunications: true,
  defaultSort: '-id',
  inputShape: companyFields,
  virtualInputs: ['contactIds'],
  fields: [
    ...auditFields,
    { name: 'title', column: 'title', type: 'string', nullable: false },
    { name: 'companyType', column: 'company_type', type: 'enum', nullable: true },
    { name: 'industry', column: 'industry', type: 'enum', nullable: true },
    { name: 'employees', column: 'employees', type: 'enum', nullable: true },
    { name: 'revenue', column: 'revenue', type: 'money', nullable: true },
    { name: 'currency', column: 'currency', type: 'enum', nullable: false },
    { name: 'address', column: 'address', type: 'text', nullable: true },
    { name: 'leadId', column: 'lead_id', type: 'ref', nullable: true },
    ...ownedFields,
    {
      name: 'contactIds',
      column: 'id',
      type: 'ref',
      nullable: false,
      sortable: false,
      link: { table: 'contact_companies', ownColumn: 'company_id', otherColumn: 'contact_id' },
    },
  ],
  async prepare(ctx, values, existing, input) {
    if (values.currency !== undefined) await assertCurrency(ctx, values.currency as string);
    else if (!existing) values.currency = await baseCurrency(ctx.db);
    if (values.source_id) await assertSource(ctx, values.source_id as number);
    if (Array.isArray(input.contactIds)) {
      await assertReadableRefs(ctx, 'contact', 'contacts', input.contactIds as number[], 'contactIds');
    }
  },
  async afterWrite(ctx, id, input, existing) {
    if (Array.isArray(input.contactIds)) {
      await replaceLinks(
        ctx,
        'contact_companies',
        'company_id',
        'contact_id',
        id,
        input.contactIds as number[],
        !existing,
      );
    }
  },
  async expand(ctx, rows) {
    const links = await loadLinks(
      ctx,
      'contact_companies',
      'company_id',
      'contact_id',
      rows.map((r) => r.id),
    );
    const visible = await visibleIds(ctx, 'contact', 'contacts', [...links.values()].flat());
    return new Map(
      rows.map((r) => [r.id, { contactIds: (links.get(r.id) ?? []).filter((c) => visible.has(c)) }]),
    );
  },
  async beforeDelete(ctx, row) {
    await ctx.db.kysely
      .updateTable('leads')
      .set({ company_id: null })
      .where('company_id', '=', row.id)
      .execute();
  },
  searchDoc: (r, region) => ({ title: String(r.title), body: joinText(r.address, commsText(r, region)) }),
};
