import { Alert, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendar } from '../../api/calendar';
import { useMe } from '../../api/session';
import type { Me } from '../../api/types';
import classes from './Calendar.module.css';
import { CalendarDnd } from './CalendarDnd';
import { CalendarError } from './CalendarError';
import { CalendarSkeleton } from './CalendarSkeleton';
import { CalendarToolbar } from './CalendarToolbar';
import {
  rangeOf,
  shiftDate,
  todayIn,
  viewDays,
  type WeekStart,
  wallClockOf,
  type Ymd,
} from './calendar-dates';
import { periodTitle } from './calendar-format';
import { blocksByDay } from './calendar-layout';
import { EventDrawer } from './EventDrawer';
import { FeedDialog } from './FeedDialog';
import { MonthGrid } from './MonthGrid';
import { type GridCommon, TimeGrid } from './TimeGrid';
import { useCalendarMoves } from './useCalendarMoves';
import { useCalendarUrl } from './useCalendarUrl';

/** The clock, ticking each minute: the "now" line and overdue marks follow it. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function CalendarScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('calendar');
  const timeZone = me.timeZone || 'UTC';
  const phone = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });
  const now = useNow();
  const today = todayIn(timeZone, new Date(now));
  const { view, date, scope, go } = useCalendarUrl(phone ? 'day' : 'week', today);
  // weeks start on Sunday in English, on Monday in Russian and Armenian
  const weekStart: WeekStart = i18n.language === 'en' ? 0 : 1;
  const days = useMemo(() => viewDays(view, date, weekStart), [view, date, weekStart]);
  const range = useMemo(() => rangeOf(days, timeZone), [days, timeZone]);
  const calendar = useCalendar(scope, range);
  const items = calendar.data?.items;
  const byDay = useMemo(() => blocksByDay(items ?? [], days, timeZone), [items, days, timeZone]);
  const moves = useCalendarMoves(me, timeZone);
  const [openId, setOpenId] = useState<number | null>(null);
  const [feedOpen, setFeedOpen] = useState(false);
  const open = items?.find((a) => a.id === openId) ?? null;

  // on a phone a day of the month is chosen in place; elsewhere a day opens in the day view
  const onDay = (ymd: Ymd) =>
    view === 'month' && phone ? go({ date: ymd }, { replace: true }) : go({ view: 'day', date: ymd });
  const common = (wasDragged: () => boolean): GridCommon => ({
    timeZone,
    now,
    nowMinutes: wallClockOf(new Date(now).toISOString(), timeZone)?.minutes ?? 0,
    today,
    pending: moves.pending,
    mayMove: moves.mayMove,
    personOf: scope.kind === 'department' ? moves.personOf : undefined,
    onOpen: (id) => {
      if (!wasDragged()) setOpenId(id);
    },
  });

  return (
    <div className={classes.page}>
      <CalendarToolbar
        me={me}
        view={view}
        period={periodTitle(t, view, days, date, phone)}
        busy={calendar.isFetching && calendar.isPlaceholderData}
        scope={scope}
        onToday={() => go({ date: today })}
        onStep={(step) => go({ date: shiftDate(view, date, step) })}
        onView={(v) => go({ view: v })}
        onScope={(s) => go({ scope: s })}
        onSubscribe={() => setFeedOpen(true)}
      />
      {calendar.data?.truncated && (
        <Alert color="yellow" variant="light" radius={0} py={6}>
          {t('truncated')}
        </Alert>
      )}
      {calendar.data?.items.length === 0 && !calendar.isPlaceholderData && (
        <Text size="sm" c="dimmed" className={classes.notice} role="status" data-testid="calendar-empty">
          {t(`empty.${scope.kind}`)}
        </Text>
      )}
      {calendar.isError ? (
        <CalendarError
          error={calendar.error}
          scope={scope}
          onRetry={() => void calendar.refetch()}
          onMine={() => go({ scope: { kind: 'me' } })}
        />
      ) : !calendar.data ? (
        <CalendarSkeleton view={view} days={days.length} />
      ) : (
        <CalendarDnd timeZone={timeZone} onMove={moves.move}>
          {(wasDragged) =>
            view === 'month' ? (
              <MonthGrid
                days={days}
                date={date}
                byDay={byDay}
                compact={phone}
                common={common(wasDragged)}
                onDay={onDay}
              />
            ) : (
              <TimeGrid days={days} focus={date} byDay={byDay} common={common(wasDragged)} onDay={onDay} />
            )
          }
        </CalendarDnd>
      )}
      <EventDrawer
        activity={open}
        timeZone={timeZone}
        phone={phone}
        mayMove={open ? moves.mayMove(open) : false}
        onClose={() => setOpenId(null)}
        onReschedule={moves.moveFromForm}
      />
      <FeedDialog opened={feedOpen} timeZone={timeZone} onClose={() => setFeedOpen(false)} />
    </div>
  );
}

/**
 * The calendar: a day, a week or a month of activities on the user's own wall clock (their profile's time
 * zone), coloured by type; drag one to reschedule it, click it for its details and a date field.
 */
export default function CalendarPage() {
  const me = useMe().data;
  return me ? <CalendarScreen me={me} /> : null;
}
