import { z } from 'zod';
import {
  communications,
  currency,
  id,
  isoDate,
  longText,
  money,
  optionalText,
  rate,
  requiredText,
} from './common.js';

/**
 * Input schemas of the CRM records. Create schemas list every writable standard field; updates take any
 * subset plus the `version` they were based on. Custom fields (ufCrm…) are merged in at request time.
 */
const base = {
  responsibleId: id.optional(),
  sourceId: id.nullable().optional(),
  comments: longText(),
};
const person = {
  honorific: optionalText(32),
  secondName: optionalText(),
  lastName: optionalText(),
  post: optionalText(),
  address: optionalText(1000),
  birthdate: isoDate.nullable().optional(),
};

export const leadFields = {
  ...base,
  ...person,
  ...communications,
  title: requiredText(),
  statusId: id.optional(),
  name: optionalText(),
  companyTitle: optionalText(),
  amount: money.optional(),
  currency: currency.optional(),
  sourceDescription: longText(),
};

export const contactFields = {
  ...base,
  ...person,
  ...communications,
  name: requiredText(),
  typeId: optionalText(32),
  sourceDescription: longText(),
  companyIds: z.array(id).max(100).optional(),
};

export const companyFields = {
  ...base,
  ...communications,
  title: requiredText(),
  companyType: optionalText(32),
  industry: optionalText(32),
  employees: optionalText(32),
  revenue: money.nullable().optional(),
  currency: currency.optional(),
  address: optionalText(1000),
  contactIds: z.array(id).max(500).optional(),
};

export const dealFields = {
  ...base,
  title: requiredText(),
  pipelineId: id.optional(),
  stageId: id.optional(),
  probability: z.number().int().min(0).max(100).nullable().optional(),
  amount: money.optional(),
  currency: currency.optional(),
  companyId: id.nullable().optional(),
  contactIds: z.array(id).max(100).optional(),
  leadId: id.nullable().optional(),
  typeId: optionalText(32),
  beginDate: isoDate.nullable().optional(),
  closeDate: isoDate.nullable().optional(),
  sourceDescription: longText(),
};

export const productFields = {
  name: requiredText(),
  sku: optionalText(100),
  sectionId: id.nullable().optional(),
  description: longText(),
  price: money.optional(),
  currency: currency.optional(),
  vatRate: rate.nullable().optional(),
  vatIncluded: z.boolean().optional(),
  measure: requiredText(16).optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(1_000_000).optional(),
};

export const versionField = { version: z.number().int().positive('must be the version you read').optional() };
