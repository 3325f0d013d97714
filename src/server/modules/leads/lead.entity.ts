import { leadFields } from '../../../shared/schemas/records.js';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { publishRecordChange } from '../../live/record-changes.js';
import { auditFields, type EntityDescriptor, ownedFields, type Row } from '../records/descriptor.js';
import { commsText, joinText } from '../records/search-text.js';
import { refSnapshot } from '../reference/snapshot.js';

const personFields = [
  { name: 'honorific', column: 'honorific', type: 'enum', nullable: true },
  { name: 'name', column: 'name', type: 'string', nullable: true },
  { name: 'secondName', column: 'second_name', type: 'string', nullable: true },
  { name: 'lastName', column: 'last_name', type: 'string', nullable: true },
  { name: 'post', column: 'post', type: 'string', nullable: true },
  { name: 'address', column: 'address', type: 'text', nullable: true },
  { name: 'birthdate', column: 'birthdate', type: 'date', nullable: true },
] as const;

export const personFieldDefs = personFields.map((f) => ({ ...f }));

/** Leads: a potential customer with a status; converted into contact/company/deal (see lead.convert.ts). */
export const leadEntity: EntityDescriptor = {
  entity: 'lead',
  table: 'leads',
  label: 'Lead',
  path: 'leads',
  ownerColumn: 'responsible_id',
  hasCommunications: true,
  defaultSort: '-id',
  inputShape: leadFields,
  fields: [
    ...auditFields,
    { name: 'title', column: 'title', type: 'string', nullable: false },
    { name: 'statusId', column: 'status_id', type: 'ref', nullable: false },
    { name: 'statusSemantics', column: 'status_semantics', type: 'enum', nullable: false },
    ...personFieldDefs,
    { name: 'companyTitle', column: 'company_title', type: 'string', nullable: true },
    { name: 'amount', column: 'amount', type: 'money', nullable: false },
    { name: 'currency', column: 'currency', type: 'enum', nullable: false },
    {
      name: 'sourceDescription',
      column: 'source_description',
      type: 'text',
      nullable: true,
      sortable: false,
    },
    { name: 'contactId', column: 'contact_id', type: 'ref', nullable: true },
    { name: 'companyId', column: 'company_id', type: 'ref', nullable: true },
    { name: 'convertedAt', column: 'converted_at', type: 'datetime', nullable: true },
    // Read-only, kept by activity writes; idle = {statusSemantics: 'process', nextActivityAt: null}.
    { name: 'nextActivityAt', column: 'next_activity_at', type: 'datetime', nullable: true },
    ...ownedFields,
  ],
  prepare: prepareLead,
  async beforeDelete(ctx, row) {
    await ctx.db.kysely
      .deleteFrom('product_rows')
      .where('owner_type', '=', 'lead')
      .where('owner_id', '=', row.id)
      .execute();
    // deals made from the lead lose their source; whoever sees them is told (their pages show it)
    const deals = await ctx.db.kysely
      .updateTable('deals')
      .set({ lead_id: null })
      .where('lead_id', '=', row.id)
      .returning(['id', 'responsible_id'])
      .execute();
    for (const deal of deals)
      await publishRecordChange(ctx.db, 'deal', deal.id, 'updated', [deal.responsible_id]);
  },
  searchDoc: (r, region) => ({
    title: String(r.title),
    body: joinText(r.name, r.secondName, r.lastName, r.companyTitle, r.post, commsText(r, region)),
  }),
};

async function prepareLead(ctx: Ctx, values: Record<string, unknown>, existing: Row | null) {
  const ref = await refSnapshot(ctx.db);
  if (values.status_id !== undefined) {
    const status = ref.leadStatuses.get(values.status_id as number);
    if (!status)
      throw invalid([{ field: 'statusId', message: `no lead status with id ${values.status_id}` }]);
    if (status.semantics === 'converted' && existing?.status_semantics !== 'converted') {
      throw invalid([
        { field: 'statusId', message: 'a lead becomes converted through POST /leads/{id}/convert' },
      ]);
    }
    values.status_semantics = status.semantics;
  } else if (!existing) {
    const first = ref.firstProcessStatus;
    if (!first) throw invalid([{ field: 'statusId', message: 'no lead statuses exist' }]);
    values.status_id = first.id;
    values.status_semantics = first.semantics;
  }
  if (values.currency !== undefined && !ref.currencies.has(values.currency as string)) {
    throw invalid([
      { field: 'currency', message: `unknown currency ${values.currency}; add it under currencies first` },
    ]);
  }
  if (values.currency === undefined && !existing) values.currency = ref.baseCurrency;
  if (values.source_id && !ref.sourceIds.has(values.source_id as number)) {
    throw invalid([{ field: 'sourceId', message: `no source with id ${values.source_id}` }]);
  }
  const currencyChange = values.currency !== undefined && values.currency !== existing?.currency;
  if (existing && (values.amount !== undefined || currencyChange)) {
    const rows = await ctx.db.kysely
      .selectFrom('product_rows')
      .select('id')
      .where('owner_type', '=', 'lead')
      .where('owner_id', '=', existing.id)
      .executeTakeFirst();
    if (rows && values.amount !== undefined) {
      throw invalid([
        { field: 'amount', message: 'is computed from the product rows; change the rows instead' },
      ]);
    }
    if (rows && currencyChange) {
      throw invalid([
        { field: 'currency', message: 'cannot change while the lead has product rows priced in it' },
      ]);
    }
  }
}
