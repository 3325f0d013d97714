import { dealFields } from '../../../shared/schemas/records.js';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { auditFields, type EntityDescriptor, ownedFields, type Row } from '../records/descriptor.js';
import {
  assertReadableRefs,
  loadLinks,
  replaceLinks,
  visibleCompanyTitles,
  visibleIds,
} from '../records/references.js';
import { refSnapshot } from '../reference/snapshot.js';

/** Deals: a pipeline stage with won/lost semantics, an amount (computed from product rows when it has any). */
export const dealEntity: EntityDescriptor = {
  entity: 'deal',
  table: 'deals',
  label: 'Deal',
  path: 'deals',
  ownerColumn: 'responsible_id',
  hasCommunications: false,
  defaultSort: '-id',
  inputShape: dealFields,
  virtualInputs: ['contactIds'],
  fields: [
    ...auditFields,
    { name: 'title', column: 'title', type: 'string', nullable: false },
    { name: 'pipelineId', column: 'pipeline_id', type: 'ref', nullable: false },
    { name: 'stageId', column: 'stage_id', type: 'ref', nullable: false },
    { name: 'stageSemantics', column: 'stage_semantics', type: 'enum', nullable: false },
    { name: 'probability', column: 'probability', type: 'integer', nullable: true },
    { name: 'amount', column: 'amount', type: 'money', nullable: false },
    { name: 'currency', column: 'currency', type: 'enum', nullable: false },
    { name: 'companyId', column: 'company_id', type: 'ref', nullable: true },
    { name: 'leadId', column: 'lead_id', type: 'ref', nullable: true },
    { name: 'typeId', column: 'type_id', type: 'enum', nullable: true },
    { name: 'beginDate', column: 'begin_date', type: 'date', nullable: true },
    { name: 'closeDate', column: 'close_date', type: 'date', nullable: true },
    { name: 'closed', column: 'closed', type: 'boolean', nullable: false },
    {
      name: 'sourceDescription',
      column: 'source_description',
      type: 'text',
      nullable: true,
      sortable: false,
    },
    { name: 'hasProductRows', column: 'has_product_rows', type: 'boolean', nullable: false },
    // Read-only, kept by activity writes; idle = {closed: false, nextActivityAt: null}.
    { name: 'nextActivityAt', column: 'next_activity_at', type: 'datetime', nullable: true },
    ...ownedFields,
    {
      name: 'contactIds',
      column: 'id',
      type: 'ref',
      nullable: false,
      sortable: false,
      link: { table: 'deal_contacts', ownColumn: 'deal_id', otherColumn: 'contact_id' },
    },
  ],
  prepare: prepareDeal,
  async afterWrite(ctx, id, input, existing) {
    if (Array.isArray(input.contactIds)) {
      await replaceLinks(
        ctx,
        'deal_contacts',
        'deal_id',
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
      'deal_contacts',
      'deal_id',
      'contact_id',
      rows.map((r) => r.id),
    );
    const visible = await visibleIds(ctx, 'contact', 'contacts', [...links.values()].flat());
    const titles = await visibleCompanyTitles(
      ctx,
      rows.map((r) => r.company_id as number | null).filter((c): c is number => c !== null),
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          contactIds: (links.get(r.id) ?? []).filter((c) => visible.has(c)),
          companyTitle: titles.get(r.company_id as number) ?? null,
        },
      ]),
    );
  },
  async beforeDelete(ctx, row) {
    await ctx.db.kysely
      .deleteFrom('product_rows')
      .where('owner_type', '=', 'deal')
      .where('owner_id', '=', row.id)
      .execute();
  },
  searchDoc: (r) => ({ title: String(r.title), body: '' }),
};

async function prepareDeal(
  ctx: Ctx,
  values: Record<string, unknown>,
  existing: Row | null,
  input: Record<string, unknown>,
) {
  // Pipeline and stage: a stage alone implies its pipeline; a pipeline alone starts at its first stage.
  const ref = await refSnapshot(ctx.db);
  if (values.stage_id !== undefined) {
    const stage = ref.stages.get(values.stage_id as number);
    if (!stage) throw invalid([{ field: 'stageId', message: `no stage with id ${values.stage_id}` }]);
    if (values.pipeline_id !== undefined && stage.pipeline_id !== values.pipeline_id) {
      throw invalid([
        { field: 'stageId', message: `stage ${stage.id} is not in pipeline ${values.pipeline_id}` },
      ]);
    }
    // moving to another pipeline's stage moves the deal to that pipeline
    values.pipeline_id = stage.pipeline_id;
    applyStage(values, stage, input, existing);
  } else if (values.pipeline_id !== undefined && values.pipeline_id !== existing?.pipeline_id) {
    if (!ref.pipelineIds.has(values.pipeline_id as number)) {
      throw invalid([{ field: 'pipelineId', message: `no pipeline with id ${values.pipeline_id}` }]);
    }
    const stage = ref.firstStage.get(values.pipeline_id as number);
    if (!stage) throw invalid([{ field: 'pipelineId', message: 'the pipeline has no stages' }]);
    values.stage_id = stage.id;
    applyStage(values, stage, input, existing);
  } else if (!existing) {
    const stage = ref.defaultPipelineId === null ? undefined : ref.firstStage.get(ref.defaultPipelineId);
    if (!stage) throw invalid([{ field: 'pipelineId', message: 'no pipeline with stages exists' }]);
    values.pipeline_id = stage.pipeline_id;
    values.stage_id = stage.id;
    applyStage(values, stage, input, existing);
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
  if (values.company_id)
    await assertReadableRefs(ctx, 'company', 'companies', [values.company_id as number], 'companyId');
  if (Array.isArray(input.contactIds))
    await assertReadableRefs(ctx, 'contact', 'contacts', input.contactIds as number[], 'contactIds');
  if (values.lead_id) await assertReadableRefs(ctx, 'lead', 'leads', [values.lead_id as number], 'leadId');
  if (existing?.has_product_rows) {
    if (values.amount !== undefined) {
      throw invalid([
        { field: 'amount', message: 'is computed from the product rows; change the rows instead' },
      ]);
    }
    if (values.currency !== undefined && values.currency !== existing.currency) {
      throw invalid([
        { field: 'currency', message: 'cannot change while the deal has product rows priced in it' },
      ]);
    }
  }
}

function applyStage(
  values: Record<string, unknown>,
  stage: { semantics: string; probability: number },
  input: Record<string, unknown>,
  existing: Row | null,
) {
  values.stage_semantics = stage.semantics;
  values.closed = stage.semantics === 'process' ? 0 : 1;
  if (input.probability === undefined) values.probability = stage.probability;
  // Closing a deal dates it (as Bitrix24 does), unless the user gave a date or it already has one.
  if (stage.semantics !== 'process' && input.closeDate === undefined && !existing?.close_date) {
    values.close_date = new Date().toISOString().slice(0, 10);
  }
}
