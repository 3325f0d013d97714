/**
 * Display formatting shared by the web app and documents: money exactly from its decimal string,
 * timestamps in a given time zone, calendar dates without a zone shift. `locale` is a BCP 47 tag.
 */

// Building an Intl formatter costs far more than using one, and lists format thousands of cells.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatMoneyIn(locale: string, amount: unknown, currency: unknown): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const text = String(amount);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  // Intl formats a decimal string exactly: the amount never becomes a binary float.
  const f = cached(
    `m|${locale}|${code}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: code }),
  );
  return f.format(text as `${number}`);
}

export function formatDateTimeIn(locale: string, iso: unknown, timeZone?: string): string {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const f = cached(
    `dt|${locale}|${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(timeZone ? { timeZone } : {}),
      }),
  );
  return f.format(d);
}

export function formatDateIn(locale: string, ymd: unknown): string {
  if (typeof ymd !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return '';
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const f = cached(
    `d|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  );
  return f.format(Date.UTC(y, m - 1, d));
}

export function formatNumberIn(locale: string, n: unknown): string {
  return typeof n === 'number' ? cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(n) : '';
}
