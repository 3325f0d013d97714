import type { TFunction } from 'i18next';
import { effectiveLocale } from '../../../shared/format';
import { type CalendarActivity, isTimedKind } from '../../api/calendar';
import { intlLocale } from '../../i18n';
import {
  type CalendarView,
  dayOfMonth,
  monthIndexOf,
  wallClockOf,
  weekdayOf,
  type Ymd,
  yearOf,
} from './calendar-dates';

/**
 * Dates of the calendar in words. Month and weekday names come from the translations, not from Intl: an
 * engine without a language's locale data (Debian's Chromium has no Armenian) would print English ones.
 */
type T = TFunction<'calendar'>;

export const weekdayName = (t: T, ymd: Ymd, short = false) =>
  t(`${short ? 'weekdaysShort' : 'weekdays'}.${weekdayOf(ymd)}`);

/** "November 26" / "26 ноября" / "նոյեմբերի 26". */
export const dayMonth = (t: T, ymd: Ymd) =>
  t('date.dayMonth', { day: dayOfMonth(ymd), month: t(`monthsOf.${monthIndexOf(ymd)}`) });

export const dayMonthYear = (t: T, ymd: Ymd) =>
  t('date.dayMonthYear', {
    day: dayOfMonth(ymd),
    month: t(`monthsOf.${monthIndexOf(ymd)}`),
    year: yearOf(ymd),
  });

/** "Thursday, November 26, 2026". */
export const fullDate = (t: T, ymd: Ymd) =>
  t('date.full', { weekday: weekdayName(t, ymd), date: dayMonthYear(t, ymd) });

/** What the toolbar says the view shows (a narrow screen gets the weekday abbreviated). */
export function periodTitle(t: T, view: CalendarView, days: Ymd[], date: Ymd, narrow = false): string {
  if (view === 'day')
    return narrow
      ? t('date.full', { weekday: weekdayName(t, date, true), date: dayMonthYear(t, date) })
      : fullDate(t, date);
  if (view === 'month')
    return t('date.monthYear', { month: t(`months.${monthIndexOf(date)}`), year: yearOf(date) });
  const first = days[0] ?? date;
  const last = days[days.length - 1] ?? date;
  if (first.slice(0, 7) === last.slice(0, 7))
    return t('date.weekSameMonth', {
      from: dayOfMonth(first),
      to: dayOfMonth(last),
      month: t(`monthsOf.${monthIndexOf(first)}`),
      year: yearOf(first),
    });
  return t('date.range', { from: dayMonth(t, first), to: dayMonthYear(t, last) });
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(timeZone: string): Intl.DateTimeFormat {
  const { tag } = effectiveLocale(intlLocale());
  const key = `${tag}|${timeZone}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone });
    timeFormats.set(key, f);
  }
  return f;
}

/** "10:00 AM" / "10:00" on the user's wall clock. */
export const formatTime = (iso: string, timeZone: string) => timeFormat(timeZone).format(Date.parse(iso));

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** An hour of the grid's gutter: "9 AM" where clocks have 12 hours, "09:00" where they have 24. */
export function hourLabel(hour: number): string {
  const { tag } = effectiveLocale(intlLocale());
  let f = hourFormats.get(tag);
  if (!f) {
    const twelve = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hour12;
    f = new Intl.DateTimeFormat(
      tag,
      twelve
        ? { hour: 'numeric', timeZone: 'UTC' }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' },
    );
    hourFormats.set(tag, f);
  }
  return f.format(Date.UTC(2000, 0, 1, hour));
}

/** When an activity happens, in words: the day, and the time or time span. */
export function whenText(t: T, a: CalendarActivity, timeZone: string): string {
  const start = isTimedKind(a.type) ? (a.startAt ?? a.dueAt) : a.dueAt;
  const day = wallClockOf(start, timeZone)?.ymd;
  const date = day ? fullDate(t, day) : '';
  const from = formatTime(start, timeZone);
  if (isTimedKind(a.type) && a.endAt && a.endAt !== start) {
    const endDay = wallClockOf(a.endAt, timeZone)?.ymd;
    const to =
      endDay && endDay !== day
        ? `${dayMonth(t, endDay)} ${formatTime(a.endAt, timeZone)}`
        : formatTime(a.endAt, timeZone);
    return t('date.span', { date, from, to });
  }
  return t('date.at', { date, time: from });
}
