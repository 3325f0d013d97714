import { leadEntity } from '../../../modules/leads/lead.entity.js';
import { moneyIn, yn } from '../values.js';
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
import { multifieldDefs } from './multifields.js';
import { personFieldsB24 } from './person.js';
import type { EntityMap } from './types.js';

const SEMANTIC: Record<string, string> = { process: 'P', converted: 'S', junk: 'F' };

/** crm.lead.*: our leads; STATUS_ID is the lead status code (NEW, IN_PROCESS, …, JUNK, CONVERTED). */
export const leadMap: EntityMap = {
  prefix: 'crm.lead',
  entity: 'lead',
  descriptor: leadEntity,
  ufEntity: 'CRM_LEAD',
  typeId: 1,
  multifields: true,
  fields: [
    idField,
    { name: 'TITLE', type: 'string', title: 'Lead name', api: 'title', required: true },
    ...personFieldsB24,
    { name: 'COMPANY_TITLE', type: 'string', title: 'Company name', api: 'companyTitle' },
    sourceField,
    sourceDescriptionField,
    {
      name: 'STATUS_ID',
      type: 'crm_status',
      statusType: 'STATUS',
      title: 'Stage',
      api: 'statusId',
      read: (rec, dict) => dict.leadStatusById.get(rec.statusId as number)?.code ?? null,
      write: (value, input, dict) => {
        const id = codeToId(value, dict.leadStatusByCode, 'statusId', 'lead status');
        if (id !== null) input.statusId = id;
      },
      filterValue: (value, dict) => dict.leadStatusByCode.get(String(value).toUpperCase())?.id,
    },
    constant('STATUS_DESCRIPTION', 'string', 'Additional info about this stage', null),
    {
      name: 'STATUS_SEMANTIC_ID',
      type: 'string',
      title: 'Status details',
      api: 'statusSemantics',
      readOnly: true,
      read: (rec) => SEMANTIC[rec.statusSemantics as string] ?? 'P',
      filterValue: (value) =>
        Object.entries(SEMANTIC).find(([, v]) => v === String(value).toUpperCase())?.[0] ?? undefined,
    },
    currencyField,
    {
      name: 'OPPORTUNITY',
      type: 'double',
      title: 'Total',
      api: 'amount',
      write: (value, input) => {
        input.amount = moneyIn(value) ?? '0';
      },
    },
    constant('IS_MANUAL_OPPORTUNITY', 'char', 'Manual total', 'N'),
    constant('OPENED', 'char', 'Available to everyone', 'Y'),
    commentsField,
    assignedField,
    ...auditFieldsB24,
    { name: 'COMPANY_ID', type: 'crm_company', title: 'Company', api: 'companyId', readOnly: true },
    { name: 'CONTACT_ID', type: 'crm_contact', title: 'Contact', api: 'contactId', readOnly: true },
    constant('IS_RETURN_CUSTOMER', 'char', 'Repeat lead', 'N'),
    { name: 'DATE_CLOSED', type: 'datetime', title: 'Closed', api: 'convertedAt', readOnly: true },
    {
      name: 'CLOSED',
      type: 'char',
      title: 'Closed',
      readOnly: true,
      uses: ['statusSemantics'],
      read: (rec) => yn(rec.statusSemantics !== 'process'),
    },
    ...multifieldDefs(),
  ],
};
