import { contactEntity } from '../../../modules/contacts/contact.entity.js';
import { idIn } from '../values.js';
import {
  assignedField,
  auditFieldsB24,
  commentsField,
  constant,
  idField,
  sourceDescriptionField,
  sourceField,
} from './common.js';
import { inputValue } from './convert.js';
import { multifieldDefs } from './multifields.js';
import { personFieldsB24 } from './person.js';
import type { EntityMap } from './types.js';

/** crm.contact.*: our contacts; COMPANY_ID is the first of the contact's companies, COMPANY_IDS all. */
export const contactMap: EntityMap = {
  prefix: 'crm.contact',
  entity: 'contact',
  descriptor: contactEntity,
  ufEntity: 'CRM_CONTACT',
  typeId: 3,
  multifields: true,
  fields: [
    idField,
    ...personFieldsB24.map((f) => (f.name === 'NAME' ? { ...f, required: true } : f)),
    { name: 'TYPE_ID', type: 'crm_status', statusType: 'CONTACT_TYPE', title: 'Contact type', api: 'typeId' },
    sourceField,
    sourceDescriptionField,
    commentsField,
    constant('OPENED', 'char', 'Available to everyone', 'Y'),
    constant('EXPORT', 'char', 'Included in export', 'Y'),
    assignedField,
    ...auditFieldsB24,
    {
      name: 'COMPANY_ID',
      type: 'crm_company',
      title: 'Company',
      api: 'companyIds',
      needs: 'links',
      read: (rec) => {
        const first = (rec.companyIds as number[] | undefined)?.[0];
        return first === undefined ? null : String(first);
      },
      write: (value, input) => {
        const id = idIn(value);
        input.companyIds = id === null ? [] : [Number.isNaN(id) ? value : id];
      },
    },
    {
      name: 'COMPANY_IDS',
      type: 'crm_company',
      title: 'Companies',
      api: 'companyIds',
      multiple: true,
      inStar: false,
      needs: 'links',
      write: (value, input) => {
        input.companyIds = inputValue(
          { name: 'COMPANY_IDS', type: 'crm_company', title: '', multiple: true },
          value,
        );
      },
    },
    { name: 'LEAD_ID', type: 'crm_lead', title: 'Lead', api: 'leadId', readOnly: true },
    ...multifieldDefs(),
  ],
};
