import { Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import {
  IconAlarm,
  IconAlertTriangle,
  IconAt,
  IconFlag,
  type IconProps,
  IconUserCheck,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { readableBody } from '../api/comments';
import type { NotificationItem, NotificationKind } from '../api/notifications';
import { formatDateTime } from '../lib/format';
import classes from './NotificationBell.module.css';

type T = (key: string, values?: Record<string, unknown>) => string;

const LOOK: Record<NotificationKind, { icon: ComponentType<IconProps>; color: string }> = {
  assigned: { icon: IconUserCheck, color: 'blue' },
  mention: { icon: IconAt, color: 'grape' },
  stage_changed: { icon: IconFlag, color: 'teal' },
  activity_due: { icon: IconAlarm, color: 'orange' },
  activity_overdue: { icon: IconAlertTriangle, color: 'red' },
};

const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'task'];
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const activityType = (v: unknown) => (typeof v === 'string' && ACTIVITY_TYPES.includes(v) ? v : 'task');

/** What happened, as a sentence in the user's language, and a second line with what it concerns. */
export function describeNotification(
  t: T,
  n: NotificationItem,
  timeZone: string,
): { sentence: string; detail: string | null } {
  const data = n.data ?? {};
  const actor = n.actor?.name || t('someone');
  const onRecord = t('onRecord', { entity: t(`entity.${n.entity}`), title: n.title });
  switch (n.kind) {
    case 'assigned':
      if (n.activityId !== null) {
        const type = activityType(data.type ?? data.activityType);
        return {
          sentence: t(`assignedActivity.${type}`, { actor, subject: text(data.subject) }),
          detail: onRecord,
        };
      }
      return { sentence: t(`assigned.${n.entity}`, { actor, title: n.title }), detail: null };
    case 'mention':
      return {
        sentence: t(`mention.${n.entity}`, { actor, title: n.title }),
        detail: text(data.excerpt) ? `“${readableBody(text(data.excerpt))}”` : null,
      };
    case 'stage_changed':
      return {
        sentence: t('stageChanged', { title: n.title, stage: text(data.stageName) || '—' }),
        detail: n.actor ? t('changedBy', { actor }) : null,
      };
    case 'activity_due':
    case 'activity_overdue': {
      const type = activityType(data.activityType ?? data.type);
      const key = n.kind === 'activity_due' ? 'due' : 'overdue';
      return {
        sentence: t(`${key}.${type}`, {
          subject: text(data.subject),
          when: formatDateTime(text(data.dueAt), timeZone),
        }),
        detail: onRecord,
      };
    }
    default:
      return { sentence: n.title, detail: null };
  }
}

/** "just now", "5 min ago", "3 h ago", "2 days ago"; the date itself after a week. */
export function relativeTime(t: T, iso: string, now: number, timeZone: string): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return t('ago.justNow');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('ago.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('ago.hours', { count: hours });
  const days = Math.floor(hours / 24);
  if (days < 7) return t('ago.days', { count: days });
  return formatDateTime(iso, timeZone);
}

/** One line of the bell: icon per kind, the sentence, when, and a dot while unread. */
export function NotificationBellItem({
  item,
  now,
  timeZone,
  onOpen,
}: {
  item: NotificationItem;
  now: number;
  timeZone: string;
  onOpen: (item: NotificationItem) => void;
}) {
  const { t } = useTranslation('notifications');
  const look = LOOK[item.kind] ?? LOOK.assigned;
  const { sentence, detail } = describeNotification(t, item, timeZone);
  const unread = item.readAt === null;
  return (
    <li>
      <UnstyledButton
        className={classes.item}
        data-unread={unread || undefined}
        onClick={() => onOpen(item)}
        data-testid="notification"
        data-notification-id={item.id}
      >
        <ThemeIcon variant="light" color={look.color} size={28} radius="xl" className={classes.icon}>
          <look.icon size={16} stroke={1.8} />
        </ThemeIcon>
        <span className={classes.text}>
          <Text size="sm" lineClamp={3} fw={unread ? 600 : 400} className={classes.sentence}>
            {sentence}
          </Text>
          {detail && (
            <Text size="xs" c="dimmed" lineClamp={2} className={classes.sentence}>
              {detail}
            </Text>
          )}
          <Text
            size="xs"
            c="dimmed"
            component="time"
            dateTime={item.createdAt}
            title={formatDateTime(item.createdAt, timeZone)}
          >
            {relativeTime(t, item.createdAt, now, timeZone)}
          </Text>
        </span>
        {unread ? (
          <span className={classes.dot}>
            <span className={classes.srOnly}>{t('unread')}</span>
          </span>
        ) : (
          <span className={classes.dotSpace} />
        )}
      </UnstyledButton>
    </li>
  );
}
