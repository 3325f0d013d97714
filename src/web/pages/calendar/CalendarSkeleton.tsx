import { Skeleton } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './Calendar.module.css';
import type { CalendarView } from './calendar-dates';

/** The grid's outline while the first answer is on its way. */
export function CalendarSkeleton({ view, days }: { view: CalendarView; days: number }) {
  const { t } = useTranslation('calendar');
  const cells = view === 'month' ? days : Math.max(1, days) * 6;
  return (
    <div
      className={view === 'month' ? classes.skeletonMonth : classes.skeletonGrid}
      style={{ '--cols': view === 'month' ? 7 : days } as CSSProperties}
      role="status"
      aria-busy
      aria-label={t('loading')}
      data-testid="calendar-loading"
    >
      {Array.from({ length: cells }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} h={view === 'month' ? 88 : 40} radius="sm" />
      ))}
    </div>
  );
}
