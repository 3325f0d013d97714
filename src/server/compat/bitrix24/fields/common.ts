import { invalid } from '../../../errors.js';
import type { Dictionaries } from '../dictionaries.js';
import { str } from '../values.js';
import type { B24Field } from './types.js';

/** Fields several entities share, in Bitrix24's names. */

export const idField: B24Field = { name: 'ID', type: 'integer', title: 'ID', api: 'id', readOnly: true };

export const assignedField: B24Field = {
  name: 'ASSIGNED_BY_ID',
  type: 'user',
  title: 'Responsible',
  api: 'responsibleId',
};

export const auditFieldsB24: B24Field[] = [
  { name: 'CREATED_BY_ID', type: 'user', title: 'Created by', api: 'createdBy', readOnly: true },
  { name: 'MODIFY_BY_ID', type: 'user', title: 'Modified by', api: 'updatedBy', readOnly: true },
  { name: 'DATE_CREATE', type: 'datetime', title: 'Created on', api: 'createdAt', readOnly: true },
  { name: 'DATE_MODIFY', type: 'datetime', title: 'Modified on', api: 'updatedAt', readOnly: true },
];

export const commentsField: B24Field = {
  name: 'COMMENTS',
  type: 'string',
  title: 'Comment',
  api: 'comments',
};

/** A constant Bitrix24 field we do not keep (OPENED…): read as the given value, ignored on write. */
export const constant = (name: string, type: B24Field['type'], title: string, value: unknown): B24Field => ({
  name,
  type,
  title,
  readOnly: true,
  read: () => value,
});

/** SOURCE_ID: the source's code (CALL, WEB…) ↔ our source id. */
export const sourceField: B24Field = {
  name: 'SOURCE_ID',
  type: 'crm_status',
  statusType: 'SOURCE',
  title: 'Source',
  api: 'sourceId',
  read: (rec, dict) => (rec.sourceId ? (dict.sourceById.get(rec.sourceId as number)?.code ?? null) : null),
  write: (value, input, dict) => {
    input.sourceId = codeToId(value, dict.sourceByCode, 'sourceId', 'source');
  },
  filterValue: (value, dict) => dict.sourceByCode.get(String(value).toUpperCase())?.id,
};

export const sourceDescriptionField: B24Field = {
  name: 'SOURCE_DESCRIPTION',
  type: 'string',
  title: 'Source information',
  api: 'sourceDescription',
};

export const currencyField: B24Field = {
  name: 'CURRENCY_ID',
  type: 'crm_currency',
  title: 'Currency',
  api: 'currency',
};

/** A code of a dictionary → its id; empty → null; an unknown code is a 400 naming the field. */
export function codeToId(
  value: unknown,
  byCode: Map<string, { id: number }>,
  field: string,
  what: string,
): number | null {
  if (value === null || value === undefined || value === '') return null;
  const found = byCode.get(String(value).toUpperCase());
  if (!found) throw invalid([{ field, message: `no ${what} with the code ${str(value)}` }]);
  return found.id;
}

export type { Dictionaries };
