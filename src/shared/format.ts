/**
 * Display formatting shared by the web app and documents: money exactly from its decimal string,
 * timestamps in a given time zone, calendar dates without a zone shift. `locale` is a BCP 47 tag.
 */
export function formatMoneyIn(locale: string, amount: unknown, currency: unknown): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const text = String(amount);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  // Intl formats a decimal string exactly: the amount never becomes a binary float.
  return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(text as `${number}`);
}

export function formatDateTimeIn(locale: string, iso: unknown, timeZone?: string): string {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

export function formatDateIn(locale: string, ymd: unknown): string {
  if (typeof ymd !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return '';
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}
