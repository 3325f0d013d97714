import { type CalendarActivity, isTimedKind } from '../../api/calendar';
import { MINUTES_PER_DAY, SLOT_MINUTES, wallClockOf, type Ymd } from './calendar-dates';

/**
 * Where activities go on the grids: a call or meeting from its start to its end (half an hour when it has
 * no end), an email or task as a half-hour mark at its deadline. Overlapping blocks share the day's width.
 */
export interface DayBlock {
  activity: CalendarActivity;
  ymd: Ymd;
  /** Minutes since the day's midnight, on the user's wall clock. */
  start: number;
  end: number;
}

export interface PlacedBlock extends DayBlock {
  /** Which of `cols` side-by-side columns of its overlapping group it takes. */
  col: number;
  cols: number;
}

/** Where an activity sits: a call or meeting at its start, an email or task at its deadline. */
export const startOf = (a: CalendarActivity): string =>
  isTimedKind(a.type) ? (a.startAt ?? a.dueAt) : a.dueAt;

export function blockOf(activity: CalendarActivity, timeZone: string): DayBlock | null {
  const timed = isTimedKind(activity.type);
  const start = wallClockOf(startOf(activity), timeZone);
  if (!start) return null;
  let end = start.minutes + SLOT_MINUTES;
  const endAt = timed && activity.endAt ? wallClockOf(activity.endAt, timeZone) : null;
  if (endAt) end = endAt.ymd === start.ymd ? endAt.minutes : endAt.ymd > start.ymd ? MINUTES_PER_DAY : end;
  // at least one slot tall, so the subject stays readable; a block ends at midnight
  end = Math.min(MINUTES_PER_DAY, Math.max(end, start.minutes + SLOT_MINUTES));
  return { activity, ymd: start.ymd, start: start.minutes, end };
}

/** The blocks of each shown day, in time order. */
export function blocksByDay(items: CalendarActivity[], days: Ymd[], timeZone: string): Map<Ymd, DayBlock[]> {
  const out = new Map<Ymd, DayBlock[]>(days.map((d) => [d, []]));
  for (const a of items) {
    const block = blockOf(a, timeZone);
    if (block) out.get(block.ymd)?.push(block);
  }
  for (const list of out.values())
    list.sort((x, y) => x.start - y.start || y.end - x.end || x.activity.id - y.activity.id);
  return out;
}

/** Side-by-side columns for the overlapping blocks of one day (each group as wide as it needs). */
export function placeBlocks(blocks: DayBlock[]): PlacedBlock[] {
  const sorted = [...blocks].sort((x, y) => x.start - y.start || y.end - x.end);
  const placed: PlacedBlock[] = [];
  let group: PlacedBlock[] = [];
  let columnEnds: number[] = [];
  let groupEnd = -1;
  const close = () => {
    for (const b of group) b.cols = columnEnds.length;
    group = [];
    columnEnds = [];
  };
  for (const b of sorted) {
    if (b.start >= groupEnd) close();
    let col = columnEnds.findIndex((end) => end <= b.start);
    if (col < 0) {
      col = columnEnds.length;
      columnEnds.push(b.end);
    } else columnEnds[col] = b.end;
    const p = { ...b, col, cols: 1 };
    group.push(p);
    placed.push(p);
    groupEnd = Math.max(groupEnd, b.end);
  }
  close();
  return placed;
}

export type Tone = 'planned' | 'overdue' | 'done' | 'cancelled';

/** Done and cancelled ones are muted; a planned one whose time has passed is overdue. */
export function toneOf(a: CalendarActivity, now: number): Tone {
  if (a.status !== 'planned') return a.status;
  return Date.parse(a.dueAt) < now ? 'overdue' : 'planned';
}
