import { invalid } from '../../errors.js';

type Part = 'string' | 'number';

/** An opaque keyset cursor: the sort values of the last item of a page. */
export const encodeCursor = (values: (string | number)[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

/** Decodes a cursor made by encodeCursor for the same shape of sort values; 400 on anything else. */
export function decodeCursor<T extends (string | number)[]>(cursor: string, shape: Part[]): T {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  const fits =
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every((v, i) => typeof v === shape[i] && (typeof v !== 'string' || v.length <= 100));
  if (!fits) throw invalid([{ field: 'cursor', message: 'invalid, or made for another list' }]);
  return values as T;
}
