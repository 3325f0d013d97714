import { z } from 'zod';
import { requiredText } from './common.js';

export const CUSTOM_FIELD_TYPES = [
  'string',
  'text',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'enum',
  'url',
  'user',
  'crm',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELD_ENTITIES = ['lead', 'contact', 'company', 'deal', 'product'] as const;

const enumOption = z.strictObject({ id: z.number().int().positive().optional(), label: requiredText(255) });

/** A user creates a field with a name and a type; everything else has a sensible default. */
export const customFieldCreate = z.strictObject({
  entityType: z.enum(CUSTOM_FIELD_ENTITIES),
  name: requiredText(100),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean().default(false),
  multiple: z.boolean().default(false),
  options: z.array(enumOption).max(500).optional(),
  sort: z.number().int().min(0).max(1_000_000).optional(),
  /** Bitrix24-style code such as UF_CRM_BUDGET; generated from the id when omitted. */
  code: z
    .string()
    .regex(/^UF_CRM_[A-Z0-9_]{1,40}$/, 'must look like UF_CRM_NAME (capital letters, digits, _)')
    .optional(),
});

export const customFieldUpdate = z.strictObject({
  name: requiredText(100).optional(),
  required: z.boolean().optional(),
  options: z.array(enumOption).max(500).optional(),
  sort: z.number().int().min(0).max(1_000_000).optional(),
  version: z.number().int().positive().optional(),
});
