import { z } from 'zod';
import { ACTIONS, RECORD_ENTITIES, SCOPES } from '../access.js';
import { currency, id, requiredText, text } from './common.js';
import { hexColor, referenceCode, sortValue } from './pipelines.js';

/** Users, departments and roles: the company structure that access rights follow; and reference data. */
export const LOCALES = ['en', 'ru', 'hy'] as const;

const version = z.number().int().positive();
const password = z.string().min(8, 'must be at least 8 characters').max(200);
const userFields = {
  email: z.email('must be an email address').max(254),
  name: requiredText(100),
  lastName: text(100),
  isAdmin: z.boolean(),
  roleId: id.nullable(),
  departmentId: id.nullable(),
  timeZone: z.string().max(64),
  locale: z.enum(LOCALES),
  position: text(100),
  phone: text(64),
};

export const userCreate = z.strictObject({
  email: userFields.email,
  name: userFields.name,
  lastName: userFields.lastName.default(''),
  password,
  isAdmin: userFields.isAdmin.default(false),
  roleId: userFields.roleId.default(null),
  departmentId: userFields.departmentId.default(null),
  timeZone: userFields.timeZone.default('UTC'),
  locale: userFields.locale.default('en'),
  position: userFields.position.default(''),
  phone: userFields.phone.default(''),
});

/** An administrator changes any subset; `active: false` deactivates (users are never deleted). */
export const userUpdate = z.strictObject({
  email: userFields.email.optional(),
  name: userFields.name.optional(),
  lastName: userFields.lastName.optional(),
  password: password.optional(),
  isAdmin: userFields.isAdmin.optional(),
  roleId: userFields.roleId.optional(),
  departmentId: userFields.departmentId.optional(),
  active: z.boolean().optional(),
  timeZone: userFields.timeZone.optional(),
  locale: userFields.locale.optional(),
  position: userFields.position.optional(),
  phone: userFields.phone.optional(),
  version: version.optional(),
});

/** What a user changes about themselves; a new password needs the current one. */
export const meUpdate = z.strictObject({
  name: userFields.name.optional(),
  lastName: userFields.lastName.optional(),
  timeZone: userFields.timeZone.optional(),
  locale: userFields.locale.optional(),
  password: password.optional(),
  currentPassword: z.string().max(1000).optional(),
  version: version.optional(),
});

export const departmentCreate = z.strictObject({
  name: requiredText(255),
  /** Omitted: under the top department. null: a new top-level department. */
  parentId: id.nullable().optional(),
  headId: id.nullable().default(null),
  sort: sortValue.optional(),
});

export const departmentUpdate = z.strictObject({
  name: requiredText(255).optional(),
  parentId: id.nullable().optional(),
  headId: id.nullable().optional(),
  sort: sortValue.optional(),
  version: version.optional(),
});

export const permissionsSchema = z.partialRecord(
  z.enum(RECORD_ENTITIES),
  z.partialRecord(z.enum(ACTIONS), z.enum(SCOPES)),
);

export const roleCreate = z.strictObject({
  name: requiredText(100),
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/, 'must be lowercase latin letters, digits or _, such as "support"')
    .nullable()
    .default(null),
  permissions: permissionsSchema.default({}),
});

export const roleUpdate = z.strictObject({
  name: requiredText(100).optional(),
  permissions: permissionsSchema.optional(),
  version: version.optional(),
});

export const currencyCreate = z.strictObject({
  code: currency,
  name: requiredText(100),
  exponent: z.number().int().min(0, 'must be 0 to 3').max(3, 'must be 0 to 3').default(2),
  isBase: z.boolean().default(false),
  sort: sortValue.optional(),
});

export const currencyUpdate = z.strictObject({
  name: requiredText(100).optional(),
  exponent: z.number().int().min(0, 'must be 0 to 3').max(3, 'must be 0 to 3').optional(),
  isBase: z.boolean().optional(),
  sort: sortValue.optional(),
});

export const sourceCreate = z.strictObject({
  name: requiredText(100),
  code: referenceCode.optional(),
  sort: sortValue.optional(),
});

export const sourceUpdate = z.strictObject({
  name: requiredText(100).optional(),
  sort: sortValue.optional(),
});

export const LEAD_STATUS_SEMANTICS = ['process', 'junk', 'converted'] as const;

export const leadStatusCreate = z.strictObject({
  name: requiredText(100),
  code: referenceCode.optional(),
  semantics: z.enum(LEAD_STATUS_SEMANTICS).default('process'),
  color: hexColor.optional(),
  sort: sortValue.optional(),
});

export const leadStatusUpdate = z.strictObject({
  name: requiredText(100).optional(),
  semantics: z.enum(LEAD_STATUS_SEMANTICS).optional(),
  color: hexColor.optional(),
  sort: sortValue.optional(),
});
