import { useDroppable } from '@dnd-kit/core';
import { type CSSProperties, memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarActivity } from '../../api/calendar';
import { hhmm, MINUTES_PER_DAY, SLOT_MINUTES, type Ymd } from './calendar-dates';
import { dayMonth, formatTime, hourLabel, weekdayName } from './calendar-format';
import { type DayBlock, placeBlocks, startOf, toneOf } from './calendar-layout';
import { EventChip } from './EventChip';
import classes from './TimeGrid.module.css';

/** Pixels of one half-hour row (also --slot-h in the stylesheet). */
export const SLOT_PX = 24;
const SLOTS = Array.from({ length: MINUTES_PER_DAY / SLOT_MINUTES }, (_, i) => i * SLOT_MINUTES);
const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Without anything earlier, the day opens at 7:00. */
const DEFAULT_FIRST_HOUR = 7;

export const slotId = (ymd: Ymd, minutes: number) => `slot|${ymd}|${minutes}`;

export interface GridCommon {
  timeZone: string;
  now: number;
  nowMinutes: number;
  today: Ymd;
  pending: Set<number>;
  mayMove: (a: CalendarActivity) => boolean;
  /** Whose activity it is, when the calendar shows several people's. */
  personOf: ((userId: number) => string | undefined) | undefined;
  onOpen: (id: number) => void;
}

const Slot = memo(function Slot({ ymd, minutes }: { ymd: Ymd; minutes: number }) {
  const { setNodeRef, isOver } = useDroppable({ id: slotId(ymd, minutes) });
  return (
    <div
      ref={setNodeRef}
      className={`${classes.slot} ${minutes % 60 === 0 ? classes.hourStart : ''} ${isOver ? classes.over : ''}`}
      data-testid={`calendar-slot-${ymd}-${hhmm(minutes).replace(':', '')}`}
    />
  );
});

function DayColumn({ ymd, blocks, common }: { ymd: Ymd; blocks: DayBlock[]; common: GridCommon }) {
  const placed = useMemo(() => placeBlocks(blocks), [blocks]);
  const isToday = ymd === common.today;
  return (
    <div
      className={`${classes.dayCol} ${isToday ? classes.todayCol : ''}`}
      data-testid={`calendar-day-${ymd}`}
    >
      {SLOTS.map((m) => (
        <Slot key={m} ymd={ymd} minutes={m} />
      ))}
      {placed.map((b) => {
        const a = b.activity;
        const style: CSSProperties = {
          top: `calc(${b.start / SLOT_MINUTES} * var(--slot-h))`,
          height: `calc(${(b.end - b.start) / SLOT_MINUTES} * var(--slot-h) - 2px)`,
          left: `calc(${(b.col / b.cols) * 100}% + 2px)`,
          width: `calc(${100 / b.cols}% - 4px)`,
        };
        return (
          <EventChip
            key={a.id}
            activity={a}
            tone={toneOf(a, common.now)}
            time={formatTime(startOf(a), common.timeZone)}
            variant="block"
            tall={b.end - b.start >= 60}
            draggable={common.mayMove(a)}
            pending={common.pending.has(a.id)}
            person={common.personOf?.(a.responsibleId)}
            style={style}
            onOpen={common.onOpen}
          />
        );
      })}
      {isToday && (
        <div
          className={classes.nowLine}
          style={{ top: `calc(${common.nowMinutes / SLOT_MINUTES} * var(--slot-h))` }}
          aria-hidden
        />
      )}
    </div>
  );
}

/** The first hour worth showing: 7:00, or earlier when something happens earlier. */
function firstHour(byDay: Map<Ymd, DayBlock[]>): number {
  let first = DEFAULT_FIRST_HOUR * 60;
  for (const blocks of byDay.values()) for (const b of blocks) first = Math.min(first, b.start);
  return Math.floor(first / 60);
}

/**
 * Day and week views: a column per day, a row per half hour; blocks of activities over the rows, each
 * row a drop target. The header names the days (a click opens that day); the gutter names the hours.
 */
export function TimeGrid({
  days,
  focus,
  byDay,
  common,
  onDay,
}: {
  days: Ymd[];
  /** The day to bring into view when the week is wider than the screen. */
  focus: Ymd;
  byDay: Map<Ymd, DayBlock[]>;
  common: GridCommon;
  onDay: (ymd: Ymd) => void;
}) {
  const { t } = useTranslation('calendar');
  const scroller = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef('');
  const periodKey = `${days[0]}|${days.length}`;
  const start = firstHour(byDay);
  useEffect(() => {
    // once per period shown, open the day at its first busy hour (and, on a phone, at the chosen day)
    const el = scroller.current;
    if (!el || scrolledFor.current === periodKey) return;
    scrolledFor.current = periodKey;
    el.scrollTop = Math.max(0, start * 2 * SLOT_PX - 4);
    const column = el.querySelector<HTMLElement>(`[data-testid="calendar-day-${focus}"]`);
    const gutter = el.querySelector<HTMLElement>(`.${classes.gutter}`);
    if (column && el.scrollWidth > el.clientWidth)
      el.scrollLeft = column.offsetLeft - (gutter?.offsetWidth ?? 0);
  }, [periodKey, start, focus]);

  const style = { '--days': days.length } as CSSProperties;
  return (
    <div
      ref={scroller}
      className={`${classes.timeGrid} ${days.length === 1 ? classes.single : ''}`}
      style={style}
      data-testid="calendar-time-grid"
    >
      <div className={classes.gridHead}>
        <div className={classes.corner} />
        {days.map((d) => (
          <button
            key={d}
            type="button"
            className={`${classes.dayHead} ${d === common.today ? classes.todayHead : ''}`}
            onClick={() => onDay(d)}
            aria-label={t('grid.openDay', { date: dayMonth(t, d) })}
            aria-current={d === common.today ? 'date' : undefined}
            disabled={days.length === 1}
          >
            <span className={classes.dayHeadName}>{weekdayName(t, d, true)}</span>
            <span className={classes.dayHeadNum}>{Number(d.slice(8, 10))}</span>
          </button>
        ))}
      </div>
      <div className={classes.gridBody}>
        <div className={classes.gutter} aria-hidden>
          {HOURS.map((h) => (
            <div key={h} className={classes.hourLabel}>
              {h > 0 ? hourLabel(h) : ''}
            </div>
          ))}
        </div>
        {days.map((d) => (
          <DayColumn key={d} ymd={d} blocks={byDay.get(d) ?? []} common={common} />
        ))}
      </div>
    </div>
  );
}
