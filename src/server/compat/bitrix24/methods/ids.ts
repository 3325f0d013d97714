import { b24 } from '../errors.js';
import { idIn, param } from '../values.js';

/** The record id of get/update/delete (`id` or `ID`); a missing or bad one is Bitrix24's legacy error. */
export function requireId(params: Record<string, unknown>, name = 'id'): number {
  const id = idIn(param(params, name));
  if (id === null || Number.isNaN(id)) throw b24.legacy('ID is not defined or invalid.');
  return id;
}
