import type { z } from 'zod';
import type { FieldIssue } from '../shared/errors.js';
import { invalid } from './errors.js';

/**
 * zod issues → the API's per-field issues; unknown keys become one issue per key. A missing value reads
 * "is required"; telling it from a wrong one needs the issue's input (parse with `reportInput: true`).
 */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ field: base ? `${base}.${key}` : key, message: 'unknown field' });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      out.push({ field: base || '(body)', message: 'is required' });
    } else {
      out.push({ field: base || '(body)', message: issue.message });
    }
  }
  return out;
}

/** Parses input with a schema or throws a 400 that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw invalid(fieldIssues(result.error, prefix));
  return result.data;
}

/** Collects an issue for every string (or key) holding a NUL character. */
export function scanForNul(value: unknown, path: string, issues: FieldIssue[]): void {
  if (issues.length >= 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      issues.push({ field: path || '(body)', message: 'must not contain NUL characters' });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000'))
      issues.push({ field: path || '(body)', message: 'keys must not contain NUL characters' });
    scanForNul(v, path ? `${path}.${k}` : k, issues);
  }
}
