import { Skeleton, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Fragment, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/activities';
import type { Page } from '../../api/types';
import { intlLocale } from '../../i18n';
import { ActivityItem, type ItemOptions } from './ActivityItem';
import classes from './ActivityList.module.css';
import { capitalize, dayWord, formatDay, localDay } from './activity-dates';
import { useWhen } from './use-when';

interface DayGroup {
  day: string;
  /** An instant of that day, to name it. */
  at: string;
  items: Activity[];
}

/** Activities under a heading per day of the user (when due, or when done). */
function groupByDay(items: Activity[], timeZone: string, done: boolean): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const a of items) {
    const at = done ? (a.completedAt ?? a.dueAt) : a.dueAt;
    const day = localDay(at, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(a);
    else groups.push({ day, at, items: [a] });
  }
  return groups;
}

export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation('activities');
  return (
    <div className={classes.skeleton} role="status" aria-busy="true" aria-label={t('list.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={34} radius="sm" />
      ))}
    </div>
  );
}

/**
 * The activities of a view, grouped by day ("Today", "Tomorrow", "Wednesday, December 12"); the next page
 * loads as the end of the list comes into view.
 */
export function ActivityList({
  list,
  done,
  options,
  personOf,
}: {
  list: UseInfiniteQueryResult<InfiniteData<Page<Activity>>>;
  done: boolean;
  options: Omit<ItemOptions, 'person'>;
  /** The name to show for a responsible, or null to show none. */
  personOf: (userId: number) => string | null;
}) {
  const { t } = useTranslation('activities');
  const { now, timeZone } = useWhen();
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const groups = useMemo(() => groupByDay(items, timeZone, done), [items, timeZone, done]);
  const end = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const el = end.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const today = localDay(now, timeZone);

  return (
    <>
      <ul className={classes.list}>
        {groups.map((g) => {
          const word = dayWord(g.at, now, timeZone);
          const late = !done && g.day < today;
          return (
            <Fragment key={g.day}>
              <li className={`${classes.day} ${late ? classes.dayOverdue : ''}`}>
                <h2 className={classes.dayTitle}>
                  {word === 'date'
                    ? capitalize(formatDay(g.at, now, timeZone, intlLocale(), 'long'), intlLocale())
                    : t(`day.${word}`)}
                </h2>
                <span className={classes.dayCount}>{g.items.length}</span>
              </li>
              {g.items.map((a) => (
                <ActivityItem key={a.id} activity={a} {...options} person={personOf(a.responsibleId)} />
              ))}
            </Fragment>
          );
        })}
      </ul>
      <div ref={end} />
      {isFetchingNextPage && (
        <Text size="xs" c="dimmed" p="xs" ta="center">
          {t('list.loadingMore')}
        </Text>
      )}
    </>
  );
}
