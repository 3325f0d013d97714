import { effectiveLocale } from '../../../shared/format';
import { isoToLocalInput, localInputToIso } from '../record/datetime-tz';

/**
 * Days as the user lives them: in their profile's time zone, not the browser's. Pure functions of an
 * instant, a zone and (for text) a locale, so the activities page, the cards and the tests agree.
 */

const DAY_MS = 86_400_000;

/** "2026-12-01" of an instant in a time zone. */
export const localDay = (at: Date | string, timeZone: string): string =>
  isoToLocalInput(typeof at === 'string' ? at : at.toISOString(), timeZone).slice(0, 10);

export const addDays = (ymd: string, n: number): string =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `a` to `b` (both "YYYY-MM-DD"). */
export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** 0 for Sunday … 6 for Saturday. */
const weekday = (ymd: string): number => new Date(`${ymd}T00:00:00Z`).getUTCDay();

/** The instant a local day starts in the zone. */
export const dayStart = (ymd: string, timeZone: string): string =>
  localInputToIso(`${ymd}T00:00`, timeZone) ?? `${ymd}T00:00:00.000Z`;

export interface Range {
  from: string;
  to: string;
}

/** The user's today, from its midnight to the next. */
export function todayRange(now: Date, timeZone: string): Range {
  const today = localDay(now, timeZone);
  return { from: dayStart(today, timeZone), to: dayStart(addDays(today, 1), timeZone) };
}

/** The user's week, Monday to Monday. */
export function weekRange(now: Date, timeZone: string): Range {
  const today = localDay(now, timeZone);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  return { from: dayStart(monday, timeZone), to: dayStart(addDays(monday, 7), timeZone) };
}

// --- quick picks of the "when" field, as "YYYY-MM-DDTHH:mm" wall-clock values in the user's zone ---

const FIVE_MIN = 5 * 60_000;

/** An hour from now, on the next 5 minutes. */
export function inOneHour(now: Date, timeZone: string): string {
  const at = Math.ceil((now.getTime() + 60 * 60_000) / FIVE_MIN) * FIVE_MIN;
  return isoToLocalInput(new Date(at).toISOString(), timeZone);
}

export function tomorrowAt(now: Date, timeZone: string, time = '10:00'): string {
  return `${addDays(localDay(now, timeZone), 1)}T${time}`;
}

/** The coming Monday (a week ahead when today is Monday). */
export function nextMondayAt(now: Date, timeZone: string, time = '10:00'): string {
  const today = localDay(now, timeZone);
  const ahead = (8 - weekday(today)) % 7 || 7;
  return `${addDays(today, ahead)}T${time}`;
}

// --- text ---

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, kind: 'time' | 'short' | 'long', withYear: boolean) {
  const key = `${locale}|${timeZone}|${kind}|${withYear}`;
  let f = formatters.get(key);
  if (!f) {
    const { tag, numericDates } = effectiveLocale(locale);
    const year = withYear ? ({ year: 'numeric' } as const) : {};
    let options: Intl.DateTimeFormatOptions;
    if (kind === 'time') options = { hour: '2-digit', minute: '2-digit' };
    // without the language's month and weekday names, dates are written in digits
    else if (numericDates) options = { day: '2-digit', month: '2-digit', ...year };
    else if (kind === 'short') options = { day: 'numeric', month: 'short', ...year };
    else options = { weekday: 'long', day: 'numeric', month: 'long', ...year };
    f = new Intl.DateTimeFormat(tag, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

export const formatTime = (iso: string, timeZone: string, locale: string) =>
  formatter(locale, timeZone, 'time', false).format(new Date(iso));

/** Which words say the day: relative to today, or the date itself. */
export type DayWord = 'today' | 'tomorrow' | 'yesterday' | 'date';

export function dayWord(iso: string, now: Date, timeZone: string): DayWord {
  const diff = daysBetween(localDay(now, timeZone), localDay(iso, timeZone));
  return diff === 0 ? 'today' : diff === 1 ? 'tomorrow' : diff === -1 ? 'yesterday' : 'date';
}

/** "Dec 12" (with the year when it is not this year) or, for headings, "Wednesday, December 12". */
export function formatDay(
  iso: string,
  now: Date,
  timeZone: string,
  locale: string,
  kind: 'short' | 'long' = 'short',
): string {
  const otherYear = localDay(iso, timeZone).slice(0, 4) !== localDay(now, timeZone).slice(0, 4);
  return formatter(locale, timeZone, kind, otherYear).format(new Date(iso));
}

/** The first letter in upper case, for a phrase that starts a line ("tomorrow 10:00" → "Tomorrow 10:00"). */
export const capitalize = (s: string, locale: string) =>
  s ? s.charAt(0).toLocaleUpperCase(locale) + s.slice(1) : s;
