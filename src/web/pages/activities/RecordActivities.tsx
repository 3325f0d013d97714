import { Anchor, Button, Skeleton, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ActivityOwner, useRecordActivities } from '../../api/activities';
import { useUsers } from '../../api/reference';
import { useMe } from '../../api/session';
import { ErrorState } from '../../components/ErrorState';
import pageClasses from '../record/RecordPage.module.css';
import { useRecordPage } from '../record/record-context';
import { recordTitle } from '../record/record-text';
import { ActivityItem } from './ActivityItem';
import listClasses from './ActivityList.module.css';
import { viewToParams } from './activity-view';
import { PlanActivityDialog } from './PlanActivityDialog';

/**
 * The record's planned activities, soonest first, each completed or rescheduled in place, and the button
 * that plans the next one. Done ones are in the timeline.
 */
export function RecordActivities({ entity }: { entity: ActivityOwner }) {
  const { t } = useTranslation('activities');
  const { record } = useRecordPage();
  const me = useMe().data;
  const users = useUsers();
  const list = useRecordActivities(entity, record.id);
  const [planning, setPlanning] = useState(false);
  const title = recordTitle(entity, record);
  const personOf = useCallback(
    (id: number) => {
      if (id === me?.id) return null;
      const u = users.data?.find((x) => x.id === id);
      return u ? `${u.name} ${u.lastName}`.trim() : null;
    },
    [me?.id, users.data],
  );
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? null;
  const allLink = `/activities?${viewToParams(
    { preset: 'planned', types: [], record: { entity, id: record.id }, user: 'all' },
    me?.id ?? 0,
  )}`;
  return (
    <section
      className={pageClasses.panel}
      aria-labelledby="record-activities"
      data-testid="record-activities"
    >
      <div className={pageClasses.panelHeader}>
        <h2 className={pageClasses.panelTitle} id="record-activities">
          {t('record.title')}
          {total ? ` · ${total}` : ''}
        </h2>
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconPlus size={13} />}
          onClick={() => setPlanning(true)}
          aria-label={t('actions.planOn', { title })}
          data-testid="record-plan-activity"
        >
          {t('actions.planShort')}
        </Button>
      </div>
      {list.isPending ? (
        <Skeleton h={40} m="xs" w="auto" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" className={pageClasses.panelBody}>
          {t('record.empty')}
        </Text>
      ) : (
        <ul className={listClasses.list}>
          {items.map((a) => (
            <ActivityItem
              key={a.id}
              activity={a}
              layout="card"
              showOwner={false}
              person={personOf(a.responsibleId)}
            />
          ))}
        </ul>
      )}
      {total !== null && total > items.length && (
        <Anchor component={Link} to={allLink} size="xs" className={pageClasses.panelBody} display="block">
          {t('record.all')}
        </Anchor>
      )}
      <PlanActivityDialog
        opened={planning}
        onClose={() => setPlanning(false)}
        owner={{ entity, id: record.id, title }}
      />
    </section>
  );
}
