import { z } from 'zod';
import { ACTIONS, RECORD_ENTITIES, SCOPES } from '../access.js';
import { id, requiredText, text } from './common.js';

/** Users, departments and roles: the company structure that access rights follow. */
export const userCreate = z.strictObject({
  email: z.email('must be an email address').max(254),
  name: requiredText(100),
  lastName: text(100).default(''),
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  isAdmin: z.boolean().default(false),
  roleId: id.nullable().default(null),
  departmentId: id.nullable().default(null),
  timeZone: z.string().max(64).default('UTC'),
  locale: z.enum(['en', 'ru', 'hy']).default('en'),
  position: text(100).default(''),
  phone: text(64).default(''),
});

export const permissionsSchema = z.partialRecord(
  z.enum(RECORD_ENTITIES),
  z.partialRecord(z.enum(ACTIONS), z.enum(SCOPES)),
);
