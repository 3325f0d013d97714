import { invalid } from '../../../errors.js';
import { dealEntity } from '../../../modules/deals/deal.entity.js';
import { idIn, moneyIn, str, yn } from '../values.js';
import {
  assignedField,
  auditFieldsB24,
  codeToId,
  commentsField,
  constant,
  currencyField,
  idField,
  sourceDescriptionField,
  sourceField,
} from './common.js';
import { inputValue } from './convert.js';
import type { EntityMap } from './types.js';

const SEMANTIC: Record<string, string> = { process: 'P', won: 'S', lost: 'F' };

/**
 * crm.deal.*: our deals. CATEGORY_ID is the pipeline (0 = the one with bare stage codes), STAGE_ID the
 * stage code (NEW … WON, LOSE; C<n>:… in other pipelines). CATEGORY_ID cannot change on update, as in
 * Bitrix24; a stage of another pipeline is refused there.
 */
export const dealMap: EntityMap = {
  prefix: 'crm.deal',
  entity: 'deal',
  descriptor: dealEntity,
  ufEntity: 'CRM_DEAL',
  typeId: 2,
  multifields: false,
  fields: [
    idField,
    { name: 'TITLE', type: 'string', title: 'Name', api: 'title' },
    { name: 'TYPE_ID', type: 'crm_status', statusType: 'DEAL_TYPE', title: 'Type', api: 'typeId' },
    {
      name: 'CATEGORY_ID',
      type: 'crm_category',
      title: 'Pipeline',
      api: 'pipelineId',
      immutable: true,
      read: (rec, dict) =>
        String(dict.pipelineById.get(rec.pipelineId as number)?.category ?? rec.pipelineId),
      write: (value, input, dict, existing) => {
        if (existing) return; // immutable once the deal exists
        const category = idIn(value) ?? 0;
        const pipeline = Number.isNaN(category) ? undefined : dict.pipelineByCategory.get(category);
        if (!pipeline) throw invalid([{ field: 'pipelineId', message: `no deal category ${str(value)}` }]);
        input.pipelineId = pipeline.id;
      },
      filterValue: (value, dict) => {
        const category = idIn(value) ?? 0;
        return Number.isNaN(category) ? undefined : dict.pipelineByCategory.get(category)?.id;
      },
    },
    {
      name: 'STAGE_ID',
      type: 'crm_status',
      statusType: 'DEAL_STAGE',
      title: 'Stage',
      api: 'stageId',
      read: (rec, dict) => dict.stageById.get(rec.stageId as number)?.code ?? null,
      write: (value, input, dict, existing) => {
        const id = codeToId(value, dict.stageByCode, 'stageId', 'deal stage');
        if (id === null) return;
        const stage = dict.stageById.get(id);
        if (existing && stage && stage.pipelineId !== existing.pipelineId) {
          throw invalid([{ field: 'stageId', message: `stage ${str(value)} belongs to another category` }]);
        }
        input.stageId = id;
      },
      filterValue: (value, dict) => dict.stageByCode.get(String(value).toUpperCase())?.id,
    },
    {
      name: 'STAGE_SEMANTIC_ID',
      type: 'string',
      title: 'Stage group',
      api: 'stageSemantics',
      readOnly: true,
      read: (rec) => SEMANTIC[rec.stageSemantics as string] ?? 'P',
      filterValue: (value) =>
        Object.entries(SEMANTIC).find(([, v]) => v === String(value).toUpperCase())?.[0] ?? undefined,
    },
    {
      name: 'IS_NEW',
      type: 'char',
      title: 'New deal',
      readOnly: true,
      uses: ['stageId'],
      read: (rec, dict) => yn(dict.firstStageIds.has(rec.stageId as number)),
    },
    { name: 'PROBABILITY', type: 'integer', title: 'Probability', api: 'probability' },
    currencyField,
    {
      name: 'OPPORTUNITY',
      type: 'double',
      title: 'Amount',
      api: 'amount',
      // With product rows the amount is their total (Bitrix24 recalculates it too): a given one is ignored.
      write: (value, input, _dict, existing) => {
        if (!existing?.hasProductRows) input.amount = moneyIn(value) ?? '0';
      },
    },
    {
      name: 'IS_MANUAL_OPPORTUNITY',
      type: 'char',
      title: 'Manual amount',
      readOnly: true,
      uses: ['hasProductRows'],
      read: (rec) => yn(!rec.hasProductRows),
    },
    constant('TAX_VALUE', 'double', 'Tax', '0.00'),
    { name: 'COMPANY_ID', type: 'crm_company', title: 'Company', api: 'companyId' },
    {
      name: 'CONTACT_ID',
      type: 'crm_contact',
      title: 'Contact',
      api: 'contactIds',
      needs: 'links',
      read: (rec) => {
        const first = (rec.contactIds as number[] | undefined)?.[0];
        return first === undefined ? null : String(first);
      },
      write: (value, input) => {
        const id = idIn(value);
        input.contactIds = id === null ? [] : [Number.isNaN(id) ? value : id];
      },
    },
    {
      name: 'CONTACT_IDS',
      type: 'crm_contact',
      title: 'Contacts',
      api: 'contactIds',
      multiple: true,
      inStar: false,
      needs: 'links',
      write: (value, input) => {
        input.contactIds = inputValue(
          { name: 'CONTACT_IDS', type: 'crm_contact', title: '', multiple: true },
          value,
        );
      },
    },
    { name: 'LEAD_ID', type: 'crm_lead', title: 'Lead', api: 'leadId' },
    { name: 'BEGINDATE', type: 'date', title: 'Start date', api: 'beginDate' },
    { name: 'CLOSEDATE', type: 'date', title: 'Estimated close date', api: 'closeDate' },
    constant('OPENED', 'char', 'Available to everyone', 'Y'),
    { name: 'CLOSED', type: 'char', title: 'Closed', api: 'closed', readOnly: true },
    commentsField,
    assignedField,
    ...auditFieldsB24,
    sourceField,
    sourceDescriptionField,
  ],
};
