import { describe, expect, it } from 'vitest';
import {
  dayWord,
  formatDay,
  inOneHour,
  localDay,
  nextMondayAt,
  todayRange,
  tomorrowAt,
  weekRange,
} from './activity-dates';
import { specFor, viewFromParams, viewToParams } from './activity-view';

// 2026-03-04 is a Wednesday. 21:30 UTC is already Thursday 01:30 in Yerevan (UTC+4).
const LATE_EVENING_UTC = new Date('2026-03-04T21:30:00Z');

describe('days in the user’s time zone', () => {
  it('takes the date from the user’s zone, not UTC', () => {
    expect(localDay(LATE_EVENING_UTC, 'UTC')).toBe('2026-03-04');
    expect(localDay(LATE_EVENING_UTC, 'Asia/Yerevan')).toBe('2026-03-05');
    expect(localDay(LATE_EVENING_UTC, 'America/New_York')).toBe('2026-03-04');
  });

  it('today runs from the zone’s midnight to the next', () => {
    expect(todayRange(LATE_EVENING_UTC, 'Asia/Yerevan')).toEqual({
      from: '2026-03-04T20:00:00.000Z',
      to: '2026-03-05T20:00:00.000Z',
    });
    expect(todayRange(LATE_EVENING_UTC, 'UTC')).toEqual({
      from: '2026-03-04T00:00:00.000Z',
      to: '2026-03-05T00:00:00.000Z',
    });
  });

  it('a day with a daylight-saving change is 23 hours long', () => {
    // Europe/Berlin moves to summer time on 2026-03-29
    const range = todayRange(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(range).toEqual({ from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
  });

  it('the week runs Monday to Monday', () => {
    expect(weekRange(LATE_EVENING_UTC, 'Asia/Yerevan')).toEqual({
      from: '2026-03-01T20:00:00.000Z',
      to: '2026-03-08T20:00:00.000Z',
    });
    // a Sunday belongs to the week that began the Monday before
    expect(weekRange(new Date('2026-03-08T12:00:00Z'), 'UTC').from).toBe('2026-03-02T00:00:00.000Z');
  });

  it('names today, tomorrow and yesterday by the user’s calendar', () => {
    const now = new Date('2026-03-04T10:00:00Z');
    expect(dayWord('2026-03-04T19:00:00Z', now, 'UTC')).toBe('today');
    // 21:00 UTC is already tomorrow in Yerevan
    expect(dayWord('2026-03-04T21:00:00Z', now, 'Asia/Yerevan')).toBe('tomorrow');
    expect(dayWord('2026-03-03T08:00:00Z', now, 'UTC')).toBe('yesterday');
    expect(dayWord('2026-03-10T08:00:00Z', now, 'UTC')).toBe('date');
  });

  it('writes other days as dates, with the year only when it differs', () => {
    const now = new Date('2026-03-04T10:00:00Z');
    expect(formatDay('2026-03-10T08:00:00Z', now, 'UTC', 'en-US')).toBe('Mar 10');
    expect(formatDay('2027-01-02T08:00:00Z', now, 'UTC', 'en-US')).toBe('Jan 2, 2027');
  });
});

describe('quick picks', () => {
  const now = new Date('2026-03-04T09:42:10Z');

  it('an hour from now lands on the next five minutes, in the user’s zone', () => {
    expect(inOneHour(now, 'UTC')).toBe('2026-03-04T10:45');
    expect(inOneHour(now, 'Asia/Yerevan')).toBe('2026-03-04T14:45');
  });

  it('tomorrow and next Monday at ten', () => {
    expect(tomorrowAt(now, 'UTC')).toBe('2026-03-05T10:00');
    expect(nextMondayAt(now, 'UTC')).toBe('2026-03-09T10:00');
    // on a Monday, "next Monday" is a week ahead
    expect(nextMondayAt(new Date('2026-03-09T08:00:00Z'), 'UTC')).toBe('2026-03-16T10:00');
  });
});

describe('the activities page view', () => {
  const now = new Date('2026-03-04T10:00:00Z');

  it('round-trips through the URL, leaving the defaults out', () => {
    const view = viewFromParams(new URLSearchParams('preset=overdue&types=call,bogus&record=deal:42'), 7);
    expect(view).toEqual({ preset: 'overdue', types: ['call'], record: { entity: 'deal', id: 42 }, user: 7 });
    expect(viewToParams(view, 7).toString()).toBe('preset=overdue&types=call&record=deal%3A42');
    expect(viewToParams(viewFromParams(new URLSearchParams(), 7), 7).toString()).toBe('');
  });

  it('today: my planned activities due today in my zone', () => {
    const spec = specFor(viewFromParams(new URLSearchParams(), 7), now, 'Asia/Yerevan');
    expect(spec).toEqual({
      filter: {
        and: [
          { status: { eq: 'planned' } },
          { dueAt: { gte: '2026-03-03T20:00:00.000Z' } },
          { dueAt: { lt: '2026-03-04T20:00:00.000Z' } },
          { responsibleId: { eq: 7 } },
        ],
      },
      sort: 'dueAt',
    });
  });

  it('overdue calls of a record, of everyone; done ones newest first', () => {
    const overdue = specFor(
      viewFromParams(new URLSearchParams('preset=overdue&types=call&record=lead:5&user=all'), 7),
      now,
      'UTC',
    );
    expect(overdue.filter).toEqual({
      and: [
        { status: { eq: 'planned' } },
        { dueAt: { lt: '2026-03-04T10:00:00.000Z' } },
        { type: { in: ['call'] } },
        { ownerEntity: { eq: 'lead' } },
        { ownerId: { eq: 5 } },
      ],
    });
    expect(specFor(viewFromParams(new URLSearchParams('preset=done'), 7), now, 'UTC').sort).toBe(
      '-completedAt',
    );
  });
});
