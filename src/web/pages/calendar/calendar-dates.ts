import { isoToLocalInput, localInputToIso } from '../record/datetime-tz';

/**
 * Calendar dates are wall-clock days of the user's time zone (their profile's, not the browser's), kept
 * as "YYYY-MM-DD" strings; day arithmetic runs on UTC midnights so no zone or DST can shift a day.
 */
export type Ymd = string;
export type CalendarView = 'day' | 'week' | 'month';
export const CALENDAR_VIEWS: readonly CalendarView[] = ['day', 'week', 'month'];
/** 0: weeks start on Sunday, 1: on Monday. */
export type WeekStart = 0 | 1;

const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;
export const SLOT_MINUTES = 30;

const YMD_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

function utcMs(ymd: Ymd): number {
  const m = YMD_RE.exec(ymd);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}
const fromMs = (ms: number): Ymd => new Date(ms).toISOString().slice(0, 10);

/** A real calendar date written as YYYY-MM-DD (not "2026-02-30"). */
export function isYmd(value: unknown): value is Ymd {
  if (typeof value !== 'string') return false;
  const ms = utcMs(value);
  return !Number.isNaN(ms) && fromMs(ms) === value;
}

export const addDays = (ymd: Ymd, n: number): Ymd => fromMs(utcMs(ymd) + n * DAY_MS);
/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (ymd: Ymd): number => new Date(utcMs(ymd)).getUTCDay();
export const dayOfMonth = (ymd: Ymd): number => Number(ymd.slice(8, 10));
/** 0 January … 11 December. */
export const monthIndexOf = (ymd: Ymd): number => Number(ymd.slice(5, 7)) - 1;
export const yearOf = (ymd: Ymd): number => Number(ymd.slice(0, 4));
export const daysBetween = (from: Ymd, to: Ymd): number => Math.round((utcMs(to) - utcMs(from)) / DAY_MS);

export function startOfWeek(ymd: Ymd, weekStart: WeekStart): Ymd {
  return addDays(ymd, -((weekdayOf(ymd) - weekStart + 7) % 7));
}

export const startOfMonth = (ymd: Ymd): Ymd => `${ymd.slice(0, 8)}01`;

/** The same day of another month, or that month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonths(ymd: Ymd, n: number): Ymd {
  const total = yearOf(ymd) * 12 + monthIndexOf(ymd) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${pad(month + 1)}-${pad(Math.min(dayOfMonth(ymd), lastDay))}`;
}

/** The days a view shows: one day, a week, or the whole weeks that hold the month. */
export function viewDays(view: CalendarView, date: Ymd, weekStart: WeekStart): Ymd[] {
  if (view === 'day') return [date];
  if (view === 'week') {
    const first = startOfWeek(date, weekStart);
    return Array.from({ length: 7 }, (_, i) => addDays(first, i));
  }
  const first = startOfWeek(startOfMonth(date), weekStart);
  const last = addDays(startOfMonth(addMonths(startOfMonth(date), 1)), -1);
  const weeks = Math.ceil((daysBetween(first, last) + 1) / 7);
  return Array.from({ length: weeks * 7 }, (_, i) => addDays(first, i));
}

/** The date the previous / next button goes to. */
export function shiftDate(view: CalendarView, date: Ymd, step: 1 | -1): Ymd {
  if (view === 'day') return addDays(date, step);
  if (view === 'week') return addDays(date, 7 * step);
  return addMonths(date, step);
}

/** Where an instant falls on the wall clock of a time zone: the day and the minutes since its midnight. */
export function wallClockOf(iso: string, timeZone: string): { ymd: Ymd; minutes: number } | null {
  const local = isoToLocalInput(iso, timeZone);
  if (!local) return null;
  return { ymd: local.slice(0, 10), minutes: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) };
}

/** The instant of a wall-clock time (a day and minutes since its midnight) in a time zone. */
export function instantAt(ymd: Ymd, minutes: number, timeZone: string): string {
  const m = Math.max(0, Math.min(MINUTES_PER_DAY - 1, Math.round(minutes)));
  return localInputToIso(`${ymd}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`, timeZone) ?? '';
}

export const todayIn = (timeZone: string, now = new Date()): Ymd =>
  isoToLocalInput(now.toISOString(), timeZone).slice(0, 10);

/** The instants the API is asked for: from the first day's midnight to the midnight after the last day. */
export function rangeOf(days: Ymd[], timeZone: string): { from: string; to: string } {
  const first = days[0] ?? todayIn(timeZone);
  const last = days[days.length - 1] ?? first;
  return { from: instantAt(first, 0, timeZone), to: instantAt(addDays(last, 1), 0, timeZone) };
}

/** "HH:MM" of minutes since midnight. */
export const hhmm = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
