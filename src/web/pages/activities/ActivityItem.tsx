import { Badge, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCircleCheckFilled } from '@tabler/icons-react';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../api/activities';
import { ENTITY_PATH } from '../../api/types';
import { intlLocale } from '../../i18n';
import classes from './ActivityItem.module.css';
import { ActivityMenu } from './ActivityMenu';
import { capitalize } from './activity-dates';
import { PRIORITY_COLOR, TYPE_COLOR, TYPE_ICON } from './activity-meta';
import { CompleteActivityPopover } from './CompleteActivityPopover';
import { ReschedulePopover } from './ReschedulePopover';
import { useWhen } from './use-when';

export interface ItemOptions {
  layout: 'row' | 'card';
  /** Link to the record (not on the record's own page). */
  showOwner: boolean;
  /** The responsible's name, when the list holds other people's activities. */
  person: string | null;
}

function When({ activity }: { activity: Activity }) {
  const { t } = useTranslation('activities');
  const { when, now } = useWhen();
  if (activity.status === 'done' && activity.completedAt)
    return <span className={classes.due}>{t('list.completedAt', { when: when(activity.completedAt) })}</span>;
  const overdue = activity.status === 'planned' && Date.parse(activity.dueAt) < now.getTime();
  return (
    <time
      dateTime={activity.dueAt}
      className={`${classes.due} ${overdue ? classes.overdue : ''}`}
      data-overdue={overdue || undefined}
    >
      {capitalize(when(activity.dueAt), intlLocale())}
      {overdue && <VisuallyHidden> ({t('status.overdue')})</VisuallyHidden>}
    </time>
  );
}

function Owner({ activity }: { activity: Activity }) {
  const { t } = useTranslation(['activities', 'fields']);
  return (
    <span className={classes.owner}>
      <span className={classes.ownerKind}>{t(`fields:entity.${activity.ownerEntity}`)}: </span>
      <Link to={`/${ENTITY_PATH[activity.ownerEntity]}/${activity.ownerId}`}>
        {activity.ownerTitle ?? `#${activity.ownerId}`}
      </Link>
    </span>
  );
}

function Priority({ activity }: { activity: Activity }) {
  const { t } = useTranslation('activities');
  if (activity.priority === 'normal') return null;
  return (
    <span className={classes.priority}>
      <Badge
        size="xs"
        radius="sm"
        variant={activity.priority === 'high' ? 'filled' : 'light'}
        color={PRIORITY_COLOR[activity.priority]}
        styles={{ label: { textTransform: 'none' } }}
        title={t(`priority.${activity.priority}`)}
      >
        {t(`priorityShort.${activity.priority}`)}
      </Badge>
    </span>
  );
}

/**
 * One activity with what a manager does with it: complete (with a result), reschedule, edit, delete; a done
 * one can be reopened. Its kind, subject, record, due time in the user's zone (red once late), priority.
 */
export const ActivityItem = memo(function ActivityItem({
  activity,
  layout,
  showOwner,
  person,
}: { activity: Activity } & ItemOptions) {
  const { t } = useTranslation('activities');
  const Icon = TYPE_ICON[activity.type];
  const planned = activity.status === 'planned';
  const icon = (
    <ThemeIcon
      size={18}
      radius="sm"
      variant="light"
      color={TYPE_COLOR[activity.type]}
      className={classes.typeIcon}
      title={t(`type.${activity.type}`)}
    >
      <Icon size={12} aria-hidden />
    </ThemeIcon>
  );
  const sub: ReactNode =
    activity.status === 'done' && activity.result
      ? t('list.result', { result: activity.result })
      : activity.description;
  const main = (
    <div className={classes.main}>
      <div className={classes.subject}>
        {layout === 'card' && <span style={{ marginRight: 6, verticalAlign: -3 }}>{icon}</span>}
        <VisuallyHidden>{t(`type.${activity.type}`)}: </VisuallyHidden>
        {activity.subject}
      </div>
      {sub && <div className={classes.sub}>{sub}</div>}
    </div>
  );
  const personText = person && <span className={classes.person}>{person}</span>;
  return (
    <li
      className={classes.item}
      data-layout={layout}
      data-status={activity.status}
      data-with-person={(layout === 'row' && person !== null) || undefined}
      data-testid="activity-item"
      data-activity-id={activity.id}
    >
      <div className={classes.check}>
        {planned ? (
          <CompleteActivityPopover activity={activity} />
        ) : (
          <ThemeIcon variant="transparent" color={activity.status === 'done' ? 'teal' : 'gray'} size="md">
            <IconCircleCheckFilled size={20} aria-label={t(`status.${activity.status}`)} />
          </ThemeIcon>
        )}
      </div>
      {layout === 'row' && <div className={classes.icon}>{icon}</div>}
      {main}
      {layout === 'row' ? (
        <>
          {showOwner && <Owner activity={activity} />}
          <When activity={activity} />
          <Priority activity={activity} />
          {personText}
        </>
      ) : (
        <div className={classes.meta}>
          <When activity={activity} />
          <Priority activity={activity} />
          {showOwner && <Owner activity={activity} />}
          {personText}
        </div>
      )}
      <div className={classes.actions}>
        {planned && <ReschedulePopover activity={activity} />}
        <ActivityMenu activity={activity} />
      </div>
    </li>
  );
});
