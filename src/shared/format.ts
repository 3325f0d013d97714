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

/**
 * Some engines ship without a language's locale data (Debian's Chromium has no Armenian: `hy` silently
 * formats as en-US). Such a language borrows the number conventions of a locale that writes numbers the
 * same way (Armenian, like Russian: "1 234 567,89 ֏"), and its dates are written numerically
 * ("26.11.2026, 16:46", as Armenian does) so no other language's month names appear.
 */
const BORROWED: Record<string, string> = { hy: 'ru-RU' };
const support = new Map<string, boolean>();
const engineHas = (locale: string) => {
  let has = support.get(locale);
  if (has === undefined) {
    has = Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
    support.set(locale, has);
  }
  return has;
};

export interface EffectiveLocale {
  tag: string;
  /** Dates must be written with digits only (the language's month names are unavailable). */
  numericDates: boolean;
}

export function effectiveLocale(
  locale: string,
  has: (locale: string) => boolean = engineHas,
): EffectiveLocale {
  if (has(locale)) return { tag: locale, numericDates: false };
  const borrowed = BORROWED[locale.split('-')[0] ?? ''];
  return borrowed ? { tag: borrowed, numericDates: true } : { tag: locale, numericDates: false };
}

const NUMERIC_DATE = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
const NUMERIC_TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

export function formatMoneyIn(locale: string, amount: unknown, currency: unknown): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const text = String(amount);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  // Intl formats a decimal string exactly: the amount never becomes a binary float.
  const f = cached(
    `m|${locale}|${code}`,
    () => new Intl.NumberFormat(effectiveLocale(locale).tag, { style: 'currency', currency: code }),
  );
  return f.format(text as `${number}`);
}

export function formatDateTimeIn(locale: string, iso: unknown, timeZone?: string): string {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const f = cached(`dt|${locale}|${timeZone ?? ''}`, () => {
    const { tag, numericDates } = effectiveLocale(locale);
    const zone = timeZone ? { timeZone } : {};
    return numericDates
      ? new Intl.DateTimeFormat(tag, { ...NUMERIC_DATE, ...NUMERIC_TIME, ...zone })
      : new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', ...zone });
  });
  return f.format(d);
}

export function formatDateIn(locale: string, ymd: unknown): string {
  if (typeof ymd !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return '';
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const f = cached(`d|${locale}`, () => {
    const { tag, numericDates } = effectiveLocale(locale);
    return new Intl.DateTimeFormat(
      tag,
      numericDates ? { ...NUMERIC_DATE, timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' },
    );
  });
  return f.format(Date.UTC(y, m - 1, d));
}

export function formatNumberIn(locale: string, n: unknown): string {
  return typeof n === 'number'
    ? cached(`n|${locale}`, () => new Intl.NumberFormat(effectiveLocale(locale).tag)).format(n)
    : '';
}
