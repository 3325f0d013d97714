import { Button, Chip, Skeleton, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CrmEntity,
  type TimelineFilter,
  type TimelineItem,
  timelineKeys,
  useTimeline,
} from '../../api/timeline';
import { ErrorState } from '../../components/ErrorState';
import { CommentComposer } from './CommentComposer';
import { CommentItem } from './CommentItem';
import { HistoryEntryItem } from './HistoryTimeline';
import historyClasses from './HistoryTimeline.module.css';
import pageClasses from './RecordPage.module.css';
import { useRecordPage } from './record-context';
import classes from './Timeline.module.css';
import { TimelineActivityItem } from './TimelineActivity';

const FILTERS: TimelineFilter[] = ['all', 'comment', 'activity', 'change'];

function Item({ item }: { item: TimelineItem }) {
  const { t } = useTranslation(['timeline', 'record']);
  if (item.type === 'comment') return <CommentItem comment={item.comment} />;
  if (item.type === 'activity') {
    return (
      <TimelineActivityItem
        event={item.event}
        activity={item.activity}
        at={item.at}
        actorName={item.actor?.name || t('record:history.system')}
      />
    );
  }
  return (
    <HistoryEntryItem
      entry={{
        id: item.id,
        action: item.action,
        actorId: item.actor?.id ?? null,
        at: item.at,
        changes: item.changes,
      }}
    />
  );
}

/** The record's own edits show in its timeline at once, without waiting for the live stream. */
function useRefreshOnSave(entity: CrmEntity, id: number, version: number) {
  const qc = useQueryClient();
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void qc.invalidateQueries({ queryKey: timelineKeys.record(entity, id) });
  }, [qc, entity, id, version]);
}

function TimelineList({ entity, id, filter }: { entity: CrmEntity; id: number; filter: TimelineFilter }) {
  const { t } = useTranslation('timeline');
  const timeline = useTimeline(entity, id, filter);
  if (timeline.isPending) {
    return (
      <Stack gap={6} p="xs" aria-busy="true" aria-label={t('loading')}>
        <Skeleton h={14} />
        <Skeleton h={30} w="90%" />
        <Skeleton h={14} w="70%" />
        <Skeleton h={14} w="85%" />
      </Stack>
    );
  }
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  if (timeline.isError && !items.length) {
    return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  }
  if (!items.length) {
    return (
      <Text size="sm" c="dimmed" p="sm" data-testid="timeline-empty">
        {t(`empty.${filter}`)}
      </Text>
    );
  }
  return (
    <>
      <ol className={historyClasses.list} data-testid="history" aria-label={t('title')}>
        {items.map((item) => (
          <Item key={`${item.type}-${item.type === 'activity' ? item.event : ''}-${item.id}`} item={item} />
        ))}
      </ol>
      {timeline.hasNextPage && (
        <div className={classes.older}>
          <Button
            size="compact-xs"
            variant="subtle"
            loading={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
            data-testid="timeline-older"
          >
            {t('older')}
          </Button>
        </div>
      )}
      {timeline.isError && <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
    </>
  );
}

/**
 * A lead's, contact's, company's or deal's timeline: comments, activities and field changes together,
 * newest first, with a comment field on top and chips to show one kind only.
 */
export function RecordTimeline({ entity }: { entity: CrmEntity }) {
  const { t } = useTranslation('timeline');
  const { record } = useRecordPage();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  useRefreshOnSave(entity, record.id, record.version);
  return (
    <section className={pageClasses.panel} aria-labelledby="timeline-title" data-testid="timeline">
      <div className={pageClasses.panelHeader}>
        <h2 className={pageClasses.panelTitle} id="timeline-title">
          {t('title')}
        </h2>
      </div>
      <CommentComposer entity={entity} recordId={record.id} />
      <fieldset className={classes.filters} aria-label={t('filters.label')}>
        <Chip.Group multiple={false} value={filter} onChange={(v) => setFilter(v as TimelineFilter)}>
          {FILTERS.map((f) => (
            <Chip
              key={f}
              value={f}
              size="xs"
              radius="sm"
              variant="light"
              classNames={{ iconWrapper: classes.chipIcon, label: classes.chipLabel }}
              data-testid={`timeline-filter-${f}`}
            >
              {t(`filters.${f}`)}
            </Chip>
          ))}
        </Chip.Group>
      </fieldset>
      <TimelineList entity={entity} id={record.id} filter={filter} />
    </section>
  );
}
