import { useDroppable } from '@dnd-kit/core';
import { Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { dayOfMonth, type Ymd } from './calendar-dates';
import { dayMonth, formatTime, fullDate, weekdayName } from './calendar-format';
import { type DayBlock, startOf, toneOf } from './calendar-layout';
import { EventChip, typeColorVar } from './EventChip';
import classes from './MonthGrid.module.css';
import type { GridCommon } from './TimeGrid';

/** Lines a day cell shows before "+N more". */
const MAX_LINES = 3;
const MAX_DOTS = 4;

export const dayId = (ymd: Ymd) => `day|${ymd}`;

function MonthCell({
  ymd,
  blocks,
  outside,
  selected,
  compact,
  common,
  onDay,
}: {
  ymd: Ymd;
  blocks: DayBlock[];
  outside: boolean;
  selected: boolean;
  compact: boolean;
  common: GridCommon;
  onDay: (ymd: Ymd) => void;
}) {
  const { t } = useTranslation('calendar');
  const { setNodeRef, isOver } = useDroppable({ id: dayId(ymd) });
  const isToday = ymd === common.today;
  const shown = compact ? [] : blocks.slice(0, blocks.length > MAX_LINES ? MAX_LINES - 1 : MAX_LINES);
  const hidden = blocks.length - shown.length;
  const cls = [
    classes.cell,
    outside ? classes.outside : '',
    isToday ? classes.todayCell : '',
    selected ? classes.selected : '',
    isOver ? classes.over : '',
  ].join(' ');
  return (
    <div ref={setNodeRef} className={cls} data-testid={`calendar-day-${ymd}`}>
      <button
        type="button"
        className={compact ? classes.cellButton : classes.dayNum}
        onClick={() => onDay(ymd)}
        aria-label={t(compact ? 'grid.dayWithCount' : 'grid.openDay', {
          date: dayMonth(t, ymd),
          count: blocks.length,
        })}
        aria-current={isToday ? 'date' : undefined}
        aria-pressed={compact ? selected : undefined}
      >
        <span className={classes.dayNumText}>{dayOfMonth(ymd)}</span>
        {compact && blocks.length > 0 && (
          <span className={classes.dots} aria-hidden>
            {blocks.slice(0, MAX_DOTS).map((b) => (
              <span
                key={b.activity.id}
                className={`${classes.dot} ${classes[toneOf(b.activity, common.now)] ?? ''}`}
                style={{ '--ev': typeColorVar(b.activity.type) } as CSSProperties}
              />
            ))}
            {blocks.length > MAX_DOTS && <span className={classes.dotMore}>+</span>}
          </span>
        )}
      </button>
      {shown.map((b) => (
        <EventChip
          key={b.activity.id}
          activity={b.activity}
          tone={toneOf(b.activity, common.now)}
          time={formatTime(startOf(b.activity), common.timeZone)}
          variant="line"
          draggable={common.mayMove(b.activity)}
          pending={common.pending.has(b.activity.id)}
          onOpen={common.onOpen}
        />
      ))}
      {!compact && hidden > 0 && (
        <button type="button" className={classes.more} onClick={() => onDay(ymd)}>
          {t('grid.more', { count: hidden })}
        </button>
      )}
    </div>
  );
}

/** The selected day's activities under the month on a phone, where cells only show dots. */
function DayAgenda({ ymd, blocks, common }: { ymd: Ymd; blocks: DayBlock[]; common: GridCommon }) {
  const { t } = useTranslation('calendar');
  return (
    <section className={classes.dayList} aria-label={fullDate(t, ymd)} data-testid="calendar-agenda">
      <Text size="sm" fw={600} mb={6}>
        {fullDate(t, ymd)}
      </Text>
      {blocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('grid.emptyDay')}
        </Text>
      ) : (
        <div className={classes.dayListItems}>
          {blocks.map((b) => (
            <EventChip
              key={b.activity.id}
              activity={b.activity}
              tone={toneOf(b.activity, common.now)}
              time={formatTime(startOf(b.activity), common.timeZone)}
              variant="agenda"
              person={common.personOf?.(b.activity.responsibleId)}
              draggable={common.mayMove(b.activity)}
              pending={common.pending.has(b.activity.id)}
              onOpen={common.onOpen}
            />
          ))}
        </div>
      )}
    </section>
  );
}

/**
 * The month: whole weeks, a cell per day with its first activities (dots on a phone, with the selected
 * day's list below). Each cell is a drop target: a dropped activity keeps its time of day.
 */
export function MonthGrid({
  days,
  date,
  byDay,
  compact,
  common,
  onDay,
}: {
  days: Ymd[];
  date: Ymd;
  byDay: Map<Ymd, DayBlock[]>;
  compact: boolean;
  common: GridCommon;
  onDay: (ymd: Ymd) => void;
}) {
  const { t } = useTranslation('calendar');
  const month = date.slice(0, 7);
  const style = { '--weeks': days.length / 7 } as CSSProperties;
  return (
    <div className={`${classes.month} ${compact ? classes.compact : ''}`} data-testid="calendar-month">
      <div className={classes.monthHead} aria-hidden>
        {days.slice(0, 7).map((d) => (
          <div key={d} className={classes.monthHeadDay}>
            {weekdayName(t, d, true)}
          </div>
        ))}
      </div>
      <div className={classes.monthGrid} style={style}>
        {days.map((d) => (
          <MonthCell
            key={d}
            ymd={d}
            blocks={byDay.get(d) ?? []}
            outside={d.slice(0, 7) !== month}
            selected={compact && d === date}
            compact={compact}
            common={common}
            onDay={onDay}
          />
        ))}
      </div>
      {compact && <DayAgenda ymd={date} blocks={byDay.get(date) ?? []} common={common} />}
    </div>
  );
}
