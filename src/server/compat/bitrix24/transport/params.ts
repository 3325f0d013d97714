import qs from 'qs';
import { B24Error } from '../errors.js';
import { isPlainObject } from '../values.js';

/**
 * Request parameters as Bitrix24 reads them: PHP-style brackets (`fields[PHONE][0][VALUE]=…`,
 * `filter[>ID]=5`, `select[]=ID`) in the query string, a form-urlencoded or multipart body, or a JSON body.
 * Query and body are merged (the body wins); the JS SDK's telemetry (`bx24_*`) is dropped.
 */
const QS_OPTIONS = { depth: 10, arrayLimit: 1000, parameterLimit: 10_000, allowDots: false } as const;

export function parsePhpQuery(text: string): Record<string, unknown> {
  return qs.parse(text, QS_OPTIONS) as Record<string, unknown>;
}

/** multipart/form-data → the same structure as the urlencoded form (files are not used by any method). */
export async function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new B24Error(400, 'INVALID_REQUEST', 'The multipart body cannot be read');
  }
  const pairs: string[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return parsePhpQuery(pairs.join('&'));
}

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

export function mergeParams(query: unknown, body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of [query, body]) {
    if (!isPlainObject(source)) continue;
    for (const [k, v] of Object.entries(source)) if (!k.startsWith('bx24_') && !UNSAFE.has(k)) out[k] = v;
  }
  return out;
}
