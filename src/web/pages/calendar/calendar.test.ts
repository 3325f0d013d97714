import { describe, expect, it } from 'vitest';
import { type CalendarActivity, movedActivity, rescheduleBody } from '../../api/calendar';
import enCalendar from '../../i18n/locales/en/calendar';
import hyCalendar from '../../i18n/locales/hy/calendar';
import ruCalendar from '../../i18n/locales/ru/calendar';
import {
  addMonths,
  instantAt,
  isYmd,
  rangeOf,
  shiftDate,
  startOfWeek,
  todayIn,
  viewDays,
  wallClockOf,
} from './calendar-dates';
import { dueAtOf, parseDropId } from './calendar-drop';
import { blockOf, blocksByDay, placeBlocks, toneOf } from './calendar-layout';
import { scopeFromParams, scopeOfValue, scopeValue } from './calendar-scope';

const activity = (over: Partial<CalendarActivity>): CalendarActivity => ({
  id: 1,
  version: 1,
  type: 'call',
  subject: 'Call',
  description: null,
  startAt: '2026-11-27T06:00:00.000Z',
  endAt: null,
  deadline: null,
  dueAt: '2026-11-27T06:00:00.000Z',
  responsibleId: 1,
  participantIds: [],
  priority: 'normal',
  status: 'planned',
  result: null,
  completedAt: null,
  ownerEntity: 'deal',
  ownerId: 1,
  ownerTitle: 'Deal',
  commType: null,
  commValue: null,
  ...over,
});

describe('calendar days', () => {
  it('reads only real dates from the URL', () => {
    expect(isYmd('2026-11-26')).toBe(true);
    expect(isYmd('2026-02-30')).toBe(false);
    expect(isYmd('26.11.2026')).toBe(false);
    expect(isYmd(null)).toBe(false);
  });

  it('starts weeks on Sunday or Monday and covers whole weeks of a month', () => {
    // Thursday 26 November 2026
    expect(startOfWeek('2026-11-26', 1)).toBe('2026-11-23');
    expect(startOfWeek('2026-11-26', 0)).toBe('2026-11-22');
    expect(startOfWeek('2026-11-22', 1)).toBe('2026-11-16');
    const week = viewDays('week', '2026-11-26', 1);
    expect(week).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    const month = viewDays('month', '2026-11-26', 1);
    expect(month[0]).toBe('2026-10-26');
    expect(month[month.length - 1]).toBe('2026-12-06');
    expect(month.length % 7).toBe(0);
    // February 2021 starts on a Monday and has exactly four weeks
    expect(viewDays('month', '2021-02-10', 1)).toHaveLength(28);
    expect(viewDays('day', '2026-11-26', 0)).toEqual(['2026-11-26']);
  });

  it('steps by a day, a week or a month, keeping the day within shorter months', () => {
    expect(shiftDate('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('week', '2026-03-26', 1)).toBe('2026-04-02');
    expect(shiftDate('month', '2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('places instants on the wall clock of the user’s zone, not the browser’s', () => {
    expect(wallClockOf('2026-11-26T20:30:00.000Z', 'Asia/Yerevan')).toEqual({
      ymd: '2026-11-27',
      minutes: 30,
    });
    expect(wallClockOf('2026-11-26T20:30:00.000Z', 'America/New_York')).toEqual({
      ymd: '2026-11-26',
      minutes: 15 * 60 + 30,
    });
    expect(instantAt('2026-11-27', 10 * 60, 'Asia/Yerevan')).toBe('2026-11-27T06:00:00.000Z');
    expect(todayIn('Asia/Yerevan', new Date('2026-11-26T21:00:00Z'))).toBe('2026-11-27');
  });

  it('asks the API for the shown days from midnight to midnight, across a DST change', () => {
    // the week of 23–29 March 2026: Berlin moves its clocks forward on the 29th
    const days = viewDays('week', '2026-03-26', 1);
    expect(rangeOf(days, 'Europe/Berlin')).toEqual({
      from: '2026-03-22T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
  });
});

describe('calendar blocks', () => {
  const zone = 'Asia/Yerevan';

  it('draws a call from its start to its end, and one without an end as half an hour', () => {
    const withEnd = activity({ endAt: '2026-11-27T07:30:00.000Z' });
    expect(blockOf(withEnd, zone)).toMatchObject({ ymd: '2026-11-27', start: 600, end: 690 });
    expect(blockOf(activity({}), zone)).toMatchObject({ start: 600, end: 630 });
  });

  it('draws a task at its deadline and ends a block running past midnight at midnight', () => {
    const task = activity({
      type: 'task',
      startAt: null,
      deadline: '2026-11-27T13:00:00Z',
      dueAt: '2026-11-27T13:00:00Z',
    });
    expect(blockOf(task, zone)).toMatchObject({ start: 17 * 60, end: 17 * 60 + 30 });
    const late = activity({
      startAt: '2026-11-27T19:00:00Z',
      dueAt: '2026-11-27T19:00:00Z',
      endAt: '2026-11-27T21:00:00Z',
    });
    expect(blockOf(late, zone)).toMatchObject({ ymd: '2026-11-27', start: 23 * 60, end: 1440 });
  });

  it('puts overlapping blocks side by side and lets the others use the whole width', () => {
    const at = (id: number, startH: number, endH: number) =>
      activity({
        id,
        startAt: `2026-11-27T${String(startH - 4).padStart(2, '0')}:00:00Z`,
        dueAt: `2026-11-27T${String(startH - 4).padStart(2, '0')}:00:00Z`,
        endAt: `2026-11-27T${String(endH - 4).padStart(2, '0')}:00:00Z`,
      });
    const byDay = blocksByDay(
      [at(1, 9, 11), at(2, 10, 12), at(3, 11, 12), at(4, 14, 15)],
      ['2026-11-27'],
      zone,
    );
    const placed = placeBlocks(byDay.get('2026-11-27') ?? []);
    const of = (id: number) => placed.find((p) => p.activity.id === id);
    expect(of(1)).toMatchObject({ col: 0, cols: 2 });
    expect(of(2)).toMatchObject({ col: 1, cols: 2 });
    // 11:00 starts when the first ends: it takes the first column again
    expect(of(3)).toMatchObject({ col: 0, cols: 2 });
    expect(of(4)).toMatchObject({ col: 0, cols: 1 });
  });

  it('marks a planned activity whose time has passed as overdue, and leaves done ones done', () => {
    const now = Date.parse('2026-11-27T08:00:00Z');
    expect(toneOf(activity({}), now)).toBe('overdue');
    expect(toneOf(activity({ status: 'done' }), now)).toBe('done');
    expect(toneOf(activity({ dueAt: '2026-11-28T08:00:00Z' }), now)).toBe('planned');
  });
});

describe('rescheduling', () => {
  it('starts at a dropped half hour, or keeps the time of day on a dropped day, on the user’s clock', () => {
    const call = activity({}); // 10:00 in Yerevan
    const slot = parseDropId('slot|2026-11-29|870');
    const day = parseDropId('day|2026-12-03');
    if (!slot || !day) throw new Error('drop ids should parse');
    expect(dueAtOf(call, slot, 'Asia/Yerevan')).toBe('2026-11-29T10:30:00.000Z');
    expect(dueAtOf(call, day, 'Asia/Yerevan')).toBe('2026-12-03T06:00:00.000Z');
    // 10:00 in Berlin stays 10:00 across the change to summer time
    const berlin = activity({ startAt: '2026-03-27T09:00:00.000Z', dueAt: '2026-03-27T09:00:00.000Z' });
    expect(dueAtOf(berlin, { kind: 'day', ymd: '2026-03-30' }, 'Europe/Berlin')).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    expect(parseDropId('column|3')).toBeNull();
  });

  it('moves a call by its start (the server keeps its length) and a task by its deadline', () => {
    const call = activity({ endAt: '2026-11-27T06:30:00.000Z' });
    expect(rescheduleBody(call, '2026-11-28T10:00:00.000Z')).toEqual({
      startAt: '2026-11-28T10:00:00.000Z',
      version: 1,
    });
    expect(movedActivity(call, '2026-11-28T10:00:00.000Z')).toMatchObject({
      startAt: '2026-11-28T10:00:00.000Z',
      endAt: '2026-11-28T10:30:00.000Z',
      dueAt: '2026-11-28T10:00:00.000Z',
    });
    const task = activity({
      type: 'task',
      startAt: '2026-11-27T05:00:00.000Z',
      deadline: '2026-11-27T06:00:00.000Z',
      version: 4,
    });
    expect(rescheduleBody(task, '2026-11-29T06:00:00.000Z')).toEqual({
      deadline: '2026-11-29T06:00:00.000Z',
      startAt: '2026-11-29T05:00:00.000Z',
      version: 4,
    });
  });
});

describe('whose calendar', () => {
  it('reads and writes the scope of the URL', () => {
    expect(scopeFromParams(new URLSearchParams('user=5'))).toEqual({ kind: 'user', id: 5 });
    expect(scopeFromParams(new URLSearchParams('department=3'))).toEqual({ kind: 'department', id: 3 });
    expect(scopeFromParams(new URLSearchParams('user=abc'))).toEqual({ kind: 'me' });
    expect(scopeOfValue(scopeValue({ kind: 'department', id: 7 }))).toEqual({ kind: 'department', id: 7 });
    expect(scopeOfValue('me')).toEqual({ kind: 'me' });
  });
});

type Tree = { [key: string]: Tree | string | readonly string[] };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' || Array.isArray(v) ? [`${prefix}${k}`] : keys(v as Tree, `${prefix}${k}.`),
  );
}
const base = (k: string) => k.replace(/_(one|few|many|other)$/, '');

describe('calendar translations', () => {
  it('has every English string in Russian and Armenian, with Russian plural forms', () => {
    const en = new Set(keys(enCalendar).map(base));
    for (const lang of [ruCalendar, hyCalendar]) expect(new Set(keys(lang).map(base))).toEqual(en);
    const ru = keys(ruCalendar);
    for (const plural of keys(enCalendar)
      .filter((k) => k.endsWith('_other'))
      .map(base))
      for (const form of ['one', 'few', 'many', 'other']) expect(ru).toContain(`${plural}_${form}`);
    for (const list of ['months', 'monthsOf'] as const) {
      expect(ruCalendar[list]).toHaveLength(12);
      expect(hyCalendar[list]).toHaveLength(12);
    }
    expect(hyCalendar.weekdaysShort).toHaveLength(7);
  });
});
