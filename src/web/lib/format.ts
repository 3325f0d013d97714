import { intlLocale } from '../i18n';

/**
 * Money from the API ("1234.50" + "USD") formatted for the user's language. Intl formats the decimal
 * string exactly (no conversion to a binary float on the way).
 */
export function formatMoney(amount: unknown, currency: unknown): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: code }).format(
    String(amount) as `${number}`,
  );
}

/** A UTC timestamp shown in the user's time zone and language. */
export function formatDateTime(iso: unknown, timeZone?: string): string {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

/** A calendar date (YYYY-MM-DD) shown without any time-zone shift. */
export function formatDate(ymd: unknown): string {
  if (typeof ymd !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return '';
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

export function formatNumber(n: unknown): string {
  return typeof n === 'number' ? new Intl.NumberFormat(intlLocale()).format(n) : '';
}
