import { contactFields } from '../../../shared/schemas/records.js';
import { personFieldDefs } from '../leads/lead.entity.js';
import { auditFields, type EntityDescriptor, ownedFields } from '../records/descriptor.js';
import { assertReadableRefs, loadLinks, replaceLinks, visibleIds } from '../records/references.js';
import { commsText, joinText } from '../records/search-text.js';
import { assertSource } from '../reference/reference.repository.js';

/** Contacts: people, belonging to any number of companies. */
export const contactEntity: EntityDescriptor = {
  entity: 'contact',
  table: 'contacts',
  label: 'Contact',
  path: 'contacts',
  ownerColumn: 'responsible_id',
  hasCommunications: true,
  defaultSort: '-id',
  inputShape: contactFields,
  virtualInputs: ['companyIds'],
  fields: [
    ...auditFields,
    ...personFieldDefs.map((f) => (f.name === 'name' ? { ...f, nullable: false } : f)),
    { name: 'typeId', column: 'type_id', type: 'enum', nullable: true },
    {
      name: 'sourceDescription',
      column: 'source_description',
      type: 'text',
      nullable: true,
      sortable: false,
    },
    { name: 'leadId', column: 'lead_id', type: 'ref', nullable: true },
    ...ownedFields,
    {
      name: 'companyIds',
      column: 'id',
      type: 'ref',
      nullable: false,
      sortable: false,
      link: { table: 'contact_companies', ownColumn: 'contact_id', otherColumn: 'company_id' },
    },
  ],
  async prepare(ctx, values, _existing, input) {
    if (values.source_id) await assertSource(ctx, values.source_id as number);
    if (Array.isArray(input.companyIds)) {
      await assertReadableRefs(ctx, 'company', 'companies', input.companyIds as number[], 'companyIds');
    }
  },
  async afterWrite(ctx, id, input, existing) {
    if (Array.isArray(input.companyIds)) {
      await replaceLinks(
        ctx,
        'contact_companies',
        'contact_id',
        'company_id',
        id,
        input.companyIds as number[],
        !existing,
      );
    }
  },
  async expand(ctx, rows) {
    const links = await loadLinks(
      ctx,
      'contact_companies',
      'contact_id',
      'company_id',
      rows.map((r) => r.id),
    );
    const visible = await visibleIds(ctx, 'company', 'companies', [...links.values()].flat());
    return new Map(
      rows.map((r) => [r.id, { companyIds: (links.get(r.id) ?? []).filter((c) => visible.has(c)) }]),
    );
  },
  async beforeDelete(ctx, row) {
    await ctx.db.kysely
      .updateTable('leads')
      .set({ contact_id: null })
      .where('contact_id', '=', row.id)
      .execute();
  },
  searchDoc: (r, region) => ({
    title: joinText(r.name, r.secondName, r.lastName),
    body: joinText(r.post, commsText(r, region)),
  }),
};
