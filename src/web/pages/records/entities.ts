import type { EntityKind } from '../../api/types';

/** How a field is shown in lists and forms. */
export type ColumnKind =
  | 'text'
  | 'money'
  | 'date'
  | 'datetime'
  | 'user'
  | 'stage'
  | 'leadStatus'
  | 'pipeline'
  | 'boolean'
  | 'number'
  | 'comm'
  | 'ref'
  | 'semantics'
  | 'source'
  | 'custom';

export interface ColumnDef {
  field: string;
  kind: ColumnKind;
  width: number;
  sortable?: boolean;
  /** For money: the field holding the currency. */
  currencyField?: string;
  /** For ref: which entity the id points to; for nextActivityAt: the entity of the row itself. */
  ref?: EntityKind;
}

export interface EntityUi {
  entity: EntityKind;
  /** The field the row's link shows (title or name). */
  titleField: string;
  /** Field the quick search box filters with `contains`. */
  quickSearchField: string;
  columns: ColumnDef[];
  defaultColumns: string[];
  defaultSort: string;
  /** Fields asked for in the quick "create" form. */
  createFields: string[];
}

const audit: ColumnDef[] = [
  { field: 'responsibleId', kind: 'user', width: 150 },
  { field: 'sourceId', kind: 'source', width: 130 },
  { field: 'createdAt', kind: 'datetime', width: 150 },
  { field: 'updatedAt', kind: 'datetime', width: 150 },
  { field: 'createdBy', kind: 'user', width: 140 },
  { field: 'id', kind: 'number', width: 70 },
];

export const ENTITY_UI: Record<EntityKind, EntityUi> = {
  deal: {
    entity: 'deal',
    titleField: 'title',
    quickSearchField: 'title',
    defaultSort: '-id',
    columns: [
      { field: 'title', kind: 'text', width: 260 },
      { field: 'stageId', kind: 'stage', width: 170 },
      { field: 'amount', kind: 'money', width: 130, currencyField: 'currency' },
      { field: 'pipelineId', kind: 'pipeline', width: 130 },
      { field: 'companyId', kind: 'ref', width: 110, ref: 'company' },
      { field: 'probability', kind: 'number', width: 100 },
      { field: 'closeDate', kind: 'date', width: 120 },
      { field: 'beginDate', kind: 'date', width: 120 },
      { field: 'stageSemantics', kind: 'semantics', width: 110 },
      { field: 'nextActivityAt', kind: 'datetime', width: 200, ref: 'deal' },
      ...audit,
    ],
    defaultColumns: [
      'title',
      'stageId',
      'amount',
      'companyId',
      'responsibleId',
      'nextActivityAt',
      'closeDate',
    ],
    createFields: ['title', 'amount', 'currency', 'pipelineId'],
  },
  lead: {
    entity: 'lead',
    titleField: 'title',
    quickSearchField: 'title',
    defaultSort: '-id',
    columns: [
      { field: 'title', kind: 'text', width: 240 },
      { field: 'statusId', kind: 'leadStatus', width: 150 },
      { field: 'name', kind: 'text', width: 130 },
      { field: 'lastName', kind: 'text', width: 130 },
      { field: 'companyTitle', kind: 'text', width: 170 },
      { field: 'phones', kind: 'comm', width: 160, sortable: false },
      { field: 'emails', kind: 'comm', width: 190, sortable: false },
      { field: 'amount', kind: 'money', width: 120, currencyField: 'currency' },
      { field: 'nextActivityAt', kind: 'datetime', width: 200, ref: 'lead' },
      ...audit,
    ],
    defaultColumns: [
      'title',
      'statusId',
      'name',
      'companyTitle',
      'phones',
      'responsibleId',
      'nextActivityAt',
    ],
    createFields: ['title', 'name', 'lastName', 'companyTitle', 'phone', 'email'],
  },
  contact: {
    entity: 'contact',
    titleField: 'name',
    quickSearchField: 'name',
    defaultSort: '-id',
    columns: [
      { field: 'name', kind: 'text', width: 160 },
      { field: 'lastName', kind: 'text', width: 160 },
      { field: 'post', kind: 'text', width: 160 },
      { field: 'phones', kind: 'comm', width: 160, sortable: false },
      { field: 'emails', kind: 'comm', width: 200, sortable: false },
      { field: 'birthdate', kind: 'date', width: 120 },
      ...audit,
    ],
    defaultColumns: ['name', 'lastName', 'post', 'phones', 'emails', 'responsibleId', 'createdAt'],
    createFields: ['name', 'lastName', 'post', 'phone', 'email'],
  },
  company: {
    entity: 'company',
    titleField: 'title',
    quickSearchField: 'title',
    defaultSort: '-id',
    columns: [
      { field: 'title', kind: 'text', width: 240 },
      { field: 'industry', kind: 'text', width: 130 },
      { field: 'phones', kind: 'comm', width: 160, sortable: false },
      { field: 'emails', kind: 'comm', width: 200, sortable: false },
      { field: 'revenue', kind: 'money', width: 140, currencyField: 'currency' },
      { field: 'address', kind: 'text', width: 220 },
      ...audit,
    ],
    defaultColumns: ['title', 'industry', 'phones', 'emails', 'responsibleId', 'createdAt'],
    createFields: ['title', 'phone', 'email'],
  },
  product: {
    entity: 'product',
    titleField: 'name',
    quickSearchField: 'name',
    defaultSort: 'sort,name',
    columns: [
      { field: 'name', kind: 'text', width: 260 },
      { field: 'sku', kind: 'text', width: 120 },
      { field: 'price', kind: 'money', width: 130, currencyField: 'currency' },
      { field: 'vatRate', kind: 'text', width: 90 },
      { field: 'measure', kind: 'text', width: 80 },
      { field: 'active', kind: 'boolean', width: 90 },
      { field: 'createdAt', kind: 'datetime', width: 150 },
      { field: 'id', kind: 'number', width: 70 },
    ],
    defaultColumns: ['name', 'sku', 'price', 'vatRate', 'measure', 'active'],
    createFields: ['name', 'sku', 'price', 'currency'],
  },
};
