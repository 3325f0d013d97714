/**
 * The field registry of one entity: what the API calls a field, which column holds it, and its type.
 * Filters, sorting, field selection and presentation are all driven by it, for standard and custom fields.
 */
export type FieldType =
  | 'id'
  | 'integer'
  | 'number'
  | 'money'
  | 'rate'
  | 'string'
  | 'text'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'multienum'
  | 'ref';

export interface FieldDef {
  /** camelCase name in the API. */
  name: string;
  /** Column in the entity's table. */
  column: string;
  type: FieldType;
  nullable: boolean;
  filterable?: boolean;
  sortable?: boolean;
  /** Set when the field belongs to a custom field definition. */
  customFieldId?: number;
  /** A many-to-many link (e.g. a deal's contacts): filters become EXISTS on the link table. */
  link?: { table: 'deal_contacts' | 'contact_companies'; ownColumn: string; otherColumn: string };
}

export type FieldRegistry = Map<string, FieldDef>;

export function registry(fields: FieldDef[]): FieldRegistry {
  return new Map(fields.map((f) => [f.name, f]));
}

/** Operators each field type accepts in a filter. */
export const OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'nin',
  'contains',
  'startsWith',
  'isNull',
] as const;
export type Operator = (typeof OPERATORS)[number];

const ORDERED: Operator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull'];
const TEXTUAL: Operator[] = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'nin',
  'contains',
  'startsWith',
  'isNull',
];

export function operatorsFor(type: FieldType, field?: FieldDef): Operator[] {
  if (field?.link) return ['eq', 'in'];
  switch (type) {
    case 'string':
    case 'text':
      return TEXTUAL;
    case 'enum':
      return ['eq', 'ne', 'in', 'nin', 'isNull'];
    case 'multienum':
      return ['contains', 'isNull'];
    case 'boolean':
      return ['eq', 'ne', 'isNull'];
    default:
      return ORDERED;
  }
}
