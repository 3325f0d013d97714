/**
 * What people type as a number ("1 234,50", "12 000", "7,5") → the plain decimal string the API reads
 * ("1234.50", "12000", "7.5"). The value stays a string: money never becomes a binary float.
 */
export function normalizeDecimal(input: string): string {
  return input
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(',', '.');
}

/** A whole number as typed, or null when it is not one ("" means "no value" and is handled by callers). */
export function parseInteger(input: string): number | null {
  const text = normalizeDecimal(input);
  return /^-?\d{1,15}$/.test(text) ? Number(text) : null;
}

/** A finite number for number-type custom fields (these are floats by definition, unlike money). */
export function parseNumber(input: string): number | null {
  const text = normalizeDecimal(input);
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
