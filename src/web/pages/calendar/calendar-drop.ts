import type { CalendarActivity } from '../../api/calendar';
import { instantAt, wallClockOf, type Ymd } from './calendar-dates';
import { startOf } from './calendar-layout';

/**
 * Drop targets of the calendar: a half-hour slot of a day ("slot|2026-11-27|600") or a day of the month
 * ("day|2026-11-27"), and the new due time an activity dropped there gets.
 */
export type DropTarget = { kind: 'slot'; ymd: Ymd; minutes: number } | { kind: 'day'; ymd: Ymd };

export function parseDropId(id: string | number): DropTarget | null {
  const [kind, ymd, minutes] = String(id).split('|');
  if (!ymd) return null;
  if (kind === 'slot') return { kind, ymd, minutes: Number(minutes) };
  if (kind === 'day') return { kind, ymd };
  return null;
}

/** When an activity dropped on a target becomes due. */
export function dueAtOf(a: CalendarActivity, target: DropTarget, timeZone: string): string | null {
  if (target.kind === 'slot') return instantAt(target.ymd, target.minutes, timeZone);
  const wall = wallClockOf(startOf(a), timeZone);
  return wall ? instantAt(target.ymd, wall.minutes, timeZone) : null;
}
