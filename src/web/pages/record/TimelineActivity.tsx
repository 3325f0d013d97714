import { Badge, Text } from '@mantine/core';
import { IconChecklist, IconMail, IconPhone, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TimelineActivity as Activity, ActivityKind } from '../../api/timeline';
import { formatDateTime } from '../../lib/format';
import historyClasses from './HistoryTimeline.module.css';
import { useRecordPage } from './record-context';
import classes from './Timeline.module.css';

export const ACTIVITY_ICON: Record<ActivityKind, typeof IconPhone> = {
  call: IconPhone,
  meeting: IconUsersGroup,
  email: IconMail,
  task: IconChecklist,
};

const STATUS_COLOR = { planned: 'blue', done: 'teal', cancelled: 'gray', overdue: 'red' } as const;

/** An activity in the timeline: when it was planned, and again when it was completed. */
export function TimelineActivityItem({
  event,
  activity,
  at,
  actorName,
}: {
  event: 'created' | 'completed';
  activity: Activity;
  at: string;
  actorName: string;
}) {
  const { t } = useTranslation('timeline');
  const { refs } = useRecordPage();
  const Icon = ACTIVITY_ICON[activity.type] ?? IconChecklist;
  const overdue = activity.status === 'planned' && new Date(activity.dueAt).getTime() < Date.now();
  const status = overdue ? 'overdue' : activity.status;
  const timed = activity.type === 'call' || activity.type === 'meeting';
  const when = formatDateTime(timed ? (activity.startAt ?? activity.dueAt) : activity.dueAt, refs.timeZone);
  return (
    <li className={historyClasses.entry} data-testid="timeline-activity">
      <div className={historyClasses.head}>
        <Badge
          size="xs"
          radius="sm"
          variant="light"
          color={event === 'completed' ? 'teal' : 'orange'}
          className={historyClasses.action}
          leftSection={<Icon size={11} />}
        >
          {t(`activity.${event}.${activity.type}`)}
        </Badge>
        <Text size="xs" fw={600} className={historyClasses.who} title={actorName}>
          {actorName}
        </Text>
        <Text size="xs" c="dimmed" component="time" dateTime={at} className={historyClasses.when}>
          {formatDateTime(at, refs.timeZone)}
        </Text>
      </div>
      <div className={classes.activity}>
        <Text size="sm" fw={500} className={classes.subject}>
          {activity.subject}
        </Text>
        <div className={classes.activityMeta}>
          <Text size="xs" c="dimmed" span>
            {t(timed ? 'activity.at' : 'activity.due', { when })}
          </Text>
          {activity.responsible && (
            <Text size="xs" c="dimmed" span>
              {t('activity.responsible', { name: activity.responsible.name })}
            </Text>
          )}
          {event === 'created' && (
            <Badge
              size="xs"
              radius="sm"
              variant="outline"
              color={STATUS_COLOR[status]}
              className={classes.status}
            >
              {t(`activity.status.${status}`)}
            </Badge>
          )}
        </div>
        {event === 'completed' && activity.result && (
          <Text size="xs" className={classes.body}>
            {t('activity.result', { result: activity.result })}
          </Text>
        )}
      </div>
    </li>
  );
}
