import { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors.js';
import { versionField } from '../../../shared/schemas/records.js';
import { invalid } from '../../errors.js';
import { fieldIssues } from '../../validation.js';
import { type CustomFieldDef, valueSchema } from '../custom-fields/custom-field.types.js';
import type { EntityDescriptor } from './descriptor.js';

// zod compiles a schema when it is built, so build each (entity, custom fields, mode) once. The custom
// field list is a cached array: a new list (after a change) gets a new schema.
const compiled = new WeakMap<EntityDescriptor, WeakMap<CustomFieldDef[], Record<string, z.ZodType>>>();

function schemaFor(d: EntityDescriptor, customs: CustomFieldDef[], mode: 'create' | 'update'): z.ZodType {
  let byCustoms = compiled.get(d);
  if (!byCustoms) {
    byCustoms = new WeakMap();
    compiled.set(d, byCustoms);
  }
  let byMode = byCustoms.get(customs);
  if (!byMode) {
    byMode = {};
    byCustoms.set(customs, byMode);
  }
  let schema = byMode[mode];
  if (!schema) {
    const customShape = Object.fromEntries(
      customs.map((c) => [c.apiName, valueSchema(c).nullable().optional()]),
    );
    const base = z.strictObject({ ...d.inputShape, ...customShape, ...versionField });
    schema = mode === 'create' ? base : base.partial();
    byMode[mode] = schema;
  }
  return schema;
}

/**
 * Validates a create or update body against the entity's standard fields plus its custom fields.
 * Unknown keys are refused by name; required custom fields must be filled.
 */
export function validateRecordInput(
  d: EntityDescriptor,
  customs: CustomFieldDef[],
  body: unknown,
  mode: 'create' | 'update',
): Record<string, unknown> {
  const result = schemaFor(d, customs, mode).safeParse(body ?? {}, { reportInput: true });
  const issues: FieldIssue[] = result.success ? [] : fieldIssues(result.error);
  const input = (result.success ? result.data : {}) as Record<string, unknown>;
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const c of customs) {
    if (!c.required) continue;
    const given = raw[c.apiName];
    const missing = given === null || given === '' || (Array.isArray(given) && given.length === 0);
    if (missing || (mode === 'create' && given === undefined))
      issues.push({ field: c.apiName, message: 'is required' });
  }
  if (mode === 'update' && result.success && Object.keys(input).filter((k) => k !== 'version').length === 0) {
    issues.push({ field: '(body)', message: 'names no field to change' });
  }
  if (issues.length) throw invalid(issues);
  return input;
}
