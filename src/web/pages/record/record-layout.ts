import type { EntityKind } from '../../api/types';

/** How each field of a record page is shown and edited. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'money'
  | 'currency'
  | 'date'
  | 'datetime'
  | 'user'
  | 'source'
  | 'code'
  | 'integer'
  | 'rate'
  | 'boolean'
  | 'comm'
  | 'pipeline'
  | 'section'
  | 'measure'
  | 'link'
  | 'custom';

/** Lists of codes whose labels are translated (record:codes.<list>.<CODE>); other codes show as stored. */
export const CODE_LISTS = {
  honorific: ['HNR_RU_1', 'HNR_RU_2', 'HNR_RU_3', 'HNR_RU_4'],
  contactType: ['CLIENT', 'SUPPLIER', 'PARTNER', 'OTHER'],
  companyType: ['CUSTOMER', 'SUPPLIER', 'COMPETITOR', 'PARTNER', 'OTHER'],
  industry: [
    'IT',
    'TELECOM',
    'MANUFACTURING',
    'TRADE',
    'BANKING',
    'CONSULTING',
    'FINANCE',
    'GOVERNMENT',
    'DELIVERY',
    'ENTERTAINMENT',
    'NOTPROFIT',
    'OTHER',
  ],
  employees: ['EMPLOYEES_1', 'EMPLOYEES_2', 'EMPLOYEES_3', 'EMPLOYEES_4'],
  dealType: ['SALE', 'COMPLEX', 'GOODS', 'SERVICES', 'SERVICE'],
} as const;
export type CodeList = keyof typeof CODE_LISTS;

export const MEASURES = ['pcs', 'kg', 'g', 'l', 'm', 'm2', 'h', 'day', 'set', 'pack'] as const;

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  codes?: CodeList;
  /** Takes the whole row of the grid (long text). */
  wide?: boolean;
  readOnly?: boolean;
  /** For money: the field holding the currency. */
  currencyField?: string;
  /** For link: the entity the id points to. */
  ref?: EntityKind;
  /** May be cleared (sent as null); otherwise an empty value is sent as is and the API explains. */
  nullable?: boolean;
}

export interface SectionSpec {
  /** record:sections.<key> */
  key: string;
  fields: FieldSpec[];
}

export interface RecordUi {
  /** The field edited in the page title; contacts show their name parts instead. */
  titleField: 'title' | 'name' | null;
  sections: SectionSpec[];
  products: boolean;
}

const f = (name: string, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind,
  nullable: true,
  ...extra,
});

const comms = [f('phones', 'comm'), f('emails', 'comm'), f('websites', 'comm'), f('messengers', 'comm')];
const owner = [f('responsibleId', 'user', { nullable: false }), f('sourceId', 'source')];
const audit = [
  f('createdBy', 'user', { readOnly: true }),
  f('createdAt', 'datetime', { readOnly: true }),
  f('updatedBy', 'user', { readOnly: true }),
  f('updatedAt', 'datetime', { readOnly: true }),
  f('id', 'integer', { readOnly: true }),
];
const notes = [f('sourceDescription', 'textarea', { wide: true }), f('comments', 'textarea', { wide: true })];

export const RECORD_UI: Record<EntityKind, RecordUi> = {
  deal: {
    titleField: 'title',
    products: true,
    sections: [
      {
        key: 'deal',
        fields: [
          f('amount', 'money', { currencyField: 'currency', nullable: false }),
          f('currency', 'currency', { nullable: false }),
          f('probability', 'integer'),
          f('pipelineId', 'pipeline', { nullable: false }),
          f('closeDate', 'date'),
          f('beginDate', 'date'),
          f('typeId', 'code', { codes: 'dealType' }),
          ...owner,
          f('leadId', 'link', { ref: 'lead', readOnly: true }),
          ...notes,
        ],
      },
      { key: 'system', fields: audit },
    ],
  },
  lead: {
    titleField: 'title',
    products: true,
    sections: [
      {
        key: 'lead',
        fields: [
          f('amount', 'money', { currencyField: 'currency', nullable: false }),
          f('currency', 'currency', { nullable: false }),
          ...owner,
        ],
      },
      {
        key: 'person',
        fields: [
          f('honorific', 'code', { codes: 'honorific' }),
          f('name', 'text'),
          f('secondName', 'text'),
          f('lastName', 'text'),
          f('post', 'text'),
          f('companyTitle', 'text'),
          f('birthdate', 'date'),
          ...comms,
          f('address', 'text', { wide: true }),
        ],
      },
      { key: 'notes', fields: notes },
      {
        key: 'system',
        fields: [
          f('contactId', 'link', { ref: 'contact', readOnly: true }),
          f('companyId', 'link', { ref: 'company', readOnly: true }),
          f('convertedAt', 'datetime', { readOnly: true }),
          ...audit,
        ],
      },
    ],
  },
  contact: {
    titleField: null,
    products: false,
    sections: [
      {
        key: 'person',
        fields: [
          f('name', 'text', { nullable: false }),
          f('secondName', 'text'),
          f('lastName', 'text'),
          f('honorific', 'code', { codes: 'honorific' }),
          f('post', 'text'),
          f('birthdate', 'date'),
          f('typeId', 'code', { codes: 'contactType' }),
          ...owner,
        ],
      },
      { key: 'communications', fields: [...comms, f('address', 'text', { wide: true })] },
      { key: 'notes', fields: notes },
      { key: 'system', fields: [f('leadId', 'link', { ref: 'lead', readOnly: true }), ...audit] },
    ],
  },
  company: {
    titleField: 'title',
    products: false,
    sections: [
      {
        key: 'company',
        fields: [
          f('companyType', 'code', { codes: 'companyType' }),
          f('industry', 'code', { codes: 'industry' }),
          f('employees', 'code', { codes: 'employees' }),
          f('revenue', 'money', { currencyField: 'currency' }),
          f('currency', 'currency', { nullable: false }),
          ...owner,
        ],
      },
      { key: 'communications', fields: [...comms, f('address', 'text', { wide: true })] },
      { key: 'notes', fields: [f('comments', 'textarea', { wide: true })] },
      { key: 'system', fields: [f('leadId', 'link', { ref: 'lead', readOnly: true }), ...audit] },
    ],
  },
  product: {
    titleField: 'name',
    products: false,
    sections: [
      {
        key: 'product',
        fields: [
          f('sku', 'text'),
          f('sectionId', 'section'),
          f('price', 'money', { currencyField: 'currency', nullable: false }),
          f('currency', 'currency', { nullable: false }),
          f('vatRate', 'rate'),
          f('vatIncluded', 'boolean'),
          f('measure', 'measure', { nullable: false }),
          f('active', 'boolean'),
          f('sort', 'integer', { nullable: false }),
          f('description', 'textarea', { wide: true }),
        ],
      },
      {
        key: 'system',
        fields: [
          f('createdBy', 'user', { readOnly: true }),
          f('createdAt', 'datetime', { readOnly: true }),
          f('updatedAt', 'datetime', { readOnly: true }),
          f('id', 'integer', { readOnly: true }),
        ],
      },
    ],
  },
};

/** Fields the product rows compute; read-only while a record has rows. */
export const ROW_LOCKED_FIELDS = new Set(['amount', 'currency']);
