import { companyEntity } from '../../../modules/companies/company.entity.js';
import {
  assignedField,
  auditFieldsB24,
  commentsField,
  constant,
  currencyField,
  idField,
  sourceDescriptionField,
  sourceField,
} from './common.js';
import { multifieldDefs } from './multifields.js';
import type { EntityMap } from './types.js';

/** crm.company.*: our companies; CONTACT_ID lists the linked contacts. */
export const companyMap: EntityMap = {
  prefix: 'crm.company',
  entity: 'company',
  descriptor: companyEntity,
  ufEntity: 'CRM_COMPANY',
  typeId: 4,
  multifields: true,
  fields: [
    idField,
    { name: 'TITLE', type: 'string', title: 'Company name', api: 'title', required: true },
    {
      name: 'COMPANY_TYPE',
      type: 'crm_status',
      statusType: 'COMPANY_TYPE',
      title: 'Company type',
      api: 'companyType',
    },
    { name: 'INDUSTRY', type: 'crm_status', statusType: 'INDUSTRY', title: 'Industry', api: 'industry' },
    { name: 'EMPLOYEES', type: 'crm_status', statusType: 'EMPLOYEES', title: 'Employees', api: 'employees' },
    currencyField,
    { name: 'REVENUE', type: 'double', title: 'Annual revenue', api: 'revenue' },
    { name: 'ADDRESS', type: 'string', title: 'Address', api: 'address' },
    sourceField,
    { ...sourceDescriptionField, readOnly: true, read: () => null },
    commentsField,
    constant('OPENED', 'char', 'Available to everyone', 'Y'),
    constant('IS_MY_COMPANY', 'char', 'My company', 'N'),
    assignedField,
    ...auditFieldsB24,
    {
      name: 'CONTACT_ID',
      type: 'crm_contact',
      title: 'Contact',
      api: 'contactIds',
      multiple: true,
      needs: 'links',
    },
    { name: 'LEAD_ID', type: 'crm_lead', title: 'Lead', api: 'leadId', readOnly: true },
    ...multifieldDefs(),
  ],
};
