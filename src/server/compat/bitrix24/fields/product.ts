import { productEntity } from '../../../modules/products/product.entity.js';
import { str } from '../values.js';
import { constant, currencyField, idField } from './common.js';
import type { EntityMap } from './types.js';

/** OKEI measure codes Bitrix24 uses for MEASURE ↔ our measure names. */
const MEASURES: Record<string, string> = {
  '796': 'pcs',
  '163': 'g',
  '166': 'kg',
  '6': 'm',
  '112': 'l',
  '113': 'm3',
  '55': 'm2',
  '356': 'h',
};
const MEASURE_CODE = Object.fromEntries(Object.entries(MEASURES).map(([k, v]) => [v, k]));

export const measureOut = (measure: unknown): string | null =>
  typeof measure === 'string' ? (MEASURE_CODE[measure] ?? measure) : str(measure);
export const measureIn = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : (MEASURES[String(v)] ?? String(v));

/** crm.product.*: the catalog. XML_ID is our SKU (1C connectors keep their external code there). */
export const productMap: EntityMap = {
  prefix: 'crm.product',
  entity: 'product',
  descriptor: productEntity,
  ufEntity: null,
  typeId: 0,
  multifields: false,
  fields: [
    idField,
    { name: 'NAME', type: 'string', title: 'Name', api: 'name', required: true },
    { name: 'ACTIVE', type: 'char', title: 'Active', api: 'active' },
    constant('CATALOG_ID', 'integer', 'Catalog', '1'),
    { name: 'SECTION_ID', type: 'integer', title: 'Section', api: 'sectionId' },
    { name: 'SORT', type: 'integer', title: 'Sort', api: 'sort' },
    { name: 'PRICE', type: 'double', title: 'Price', api: 'price' },
    currencyField,
    // Not a Bitrix24 field (its VAT_ID points into a table of rates): the rate in percent, our own.
    { name: 'VAT_RATE', type: 'double', title: 'VAT rate, %', api: 'vatRate' },
    { name: 'VAT_INCLUDED', type: 'char', title: 'VAT included', api: 'vatIncluded' },
    {
      name: 'MEASURE',
      type: 'integer',
      title: 'Unit of measurement',
      api: 'measure',
      read: (rec) => measureOut(rec.measure),
      write: (value, input) => {
        const m = measureIn(value);
        if (m !== undefined) input.measure = m;
      },
      filterValue: (value) => measureIn(value),
    },
    { name: 'DESCRIPTION', type: 'string', title: 'Description', api: 'description' },
    constant('DESCRIPTION_TYPE', 'string', 'Description type', 'text'),
    { name: 'XML_ID', type: 'string', title: 'External code', api: 'sku' },
    { name: 'DATE_CREATE', type: 'datetime', title: 'Created on', api: 'createdAt', readOnly: true },
    { name: 'TIMESTAMP_X', type: 'datetime', title: 'Modified on', api: 'updatedAt', readOnly: true },
    { name: 'CREATED_BY', type: 'user', title: 'Created by', api: 'createdBy', readOnly: true },
    { name: 'MODIFIED_BY', type: 'user', title: 'Modified by', api: 'updatedBy', readOnly: true },
  ],
};
