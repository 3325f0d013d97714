import { Button, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useActivityList } from '../../api/activities';
import { useCounters } from '../../api/counters';
import { useUsers } from '../../api/reference';
import { useMe } from '../../api/session';
import type { Me } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { formatNumber } from '../../lib/format';
import classes from './ActivitiesPage.module.css';
import { ActivitiesToolbar } from './ActivitiesToolbar';
import { ActivityList, ListSkeleton } from './ActivityList';
import { type ActivityView, specFor, viewFromParams, viewToParams } from './activity-view';
import { PlanActivityDialog } from './PlanActivityDialog';
import { useRecordTitle } from './RecordFilter';
import { useNow } from './use-now';

/**
 * "My activities": what is due today, what is late, the week, everything planned, what was done; by
 * kind, by record, by person. The view lives in the URL; days follow the user's time zone.
 */
export default function ActivitiesPage() {
  const me = useMe().data;
  return me ? <Activities me={me} /> : null;
}

function Activities({ me }: { me: Me }) {
  const { t } = useTranslation('activities');
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFromParams(params, me.id), [params, me.id]);
  const now = useNow();
  const spec = useMemo(() => specFor(view, now, me.timeZone), [view, now, me.timeZone]);
  const list = useActivityList(spec);
  const counters = useCounters();
  const users = useUsers();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [planning, setPlanning] = useState(false);
  const recordTitle = useRecordTitle(view.record);
  const total = list.data?.pages[0]?.total ?? null;

  const setView = (next: ActivityView) => setParams(viewToParams(next, me.id), { replace: true });
  const personOf = useCallback(
    (id: number) => {
      if (view.user !== 'all') return null;
      const u = users.data?.find((x) => x.id === id);
      return u ? `${u.name} ${u.lastName}`.trim() : null;
    },
    [view.user, users.data],
  );

  return (
    <div className={classes.page}>
      <div className={classes.toolbar}>
        <div className={classes.head}>
          <Title order={1} size="h4">
            {t('title')}
          </Title>
          {total !== null && (
            <Text size="sm" c="dimmed" data-testid="activity-count">
              {t('list.count', { count: total, n: formatNumber(total) })}
            </Text>
          )}
        </div>
        <ActivitiesToolbar view={view} me={me.id} counters={counters.data} onChange={setView} />
        <Button
          size="xs"
          className={classes.plan}
          leftSection={<IconPlus size={14} />}
          onClick={() => setPlanning(true)}
          data-testid="plan-activity"
        >
          {t('actions.plan')}
        </Button>
      </div>
      <div className={classes.body}>
        <ActivitiesBody
          list={list}
          view={view}
          phone={phone}
          personOf={personOf}
          onPlan={() => setPlanning(true)}
          onClearFilters={() => setView({ ...view, types: [], record: null })}
        />
      </div>
      <PlanActivityDialog
        opened={planning}
        onClose={() => setPlanning(false)}
        owner={view.record && recordTitle ? { ...view.record, title: recordTitle } : null}
        ownerFixed={false}
      />
    </div>
  );
}

/** The list, or what stands in for it: a skeleton while loading, the error, or what to do when empty. */
function ActivitiesBody({
  list,
  view,
  phone,
  personOf,
  onPlan,
  onClearFilters,
}: {
  list: ReturnType<typeof useActivityList>;
  view: ActivityView;
  phone: boolean;
  personOf: (userId: number) => string | null;
  onPlan: () => void;
  onClearFilters: () => void;
}) {
  const { t } = useTranslation('activities');
  const filtered = view.types.length > 0 || view.record !== null;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <ListSkeleton />;
  if (!list.data?.pages[0]?.items.length)
    return (
      <EmptyState
        title={filtered ? t('list.emptyFiltered') : t(`list.empty.${view.preset}`)}
        hint={t(`list.emptyHint.${view.preset}`)}
        action={
          filtered
            ? { label: t('list.clearFilters'), onClick: onClearFilters }
            : { label: t('actions.plan'), onClick: onPlan, icon: <IconPlus size={14} /> }
        }
      />
    );
  return (
    <ActivityList
      list={list}
      done={view.preset === 'done'}
      options={{ layout: phone ? 'card' : 'row', showOwner: true }}
      personOf={personOf}
    />
  );
}
