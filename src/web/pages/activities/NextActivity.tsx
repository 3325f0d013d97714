import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActivityOwner, useNextActivity } from '../../api/activities';
import type { CrmRecord } from '../../api/types';
import { intlLocale } from '../../i18n';
import { capitalize } from './activity-dates';
import { TYPE_ICON } from './activity-meta';
import classes from './NextActivity.module.css';
import { useWhen } from './use-when';

/**
 * A deal's or lead's next step, as a card or a row says it: "Call tomorrow 10:00", red once it is late;
 * an open record with nothing planned is flagged idle. The time comes with the record (nextActivityAt);
 * the kind and subject are looked up for all visible records at once.
 */
export function NextActivity({
  entity,
  id,
  at,
  open,
  empty = null,
}: {
  entity: ActivityOwner;
  id: number;
  at: string | null;
  /** The record is still being worked on (an open deal, a lead in progress): no next step means idle. */
  open: boolean;
  empty?: ReactNode;
}) {
  const { t } = useTranslation('activities');
  const { when, now } = useWhen();
  const next = useNextActivity(entity, id, at);
  if (!at) {
    if (!open) return <>{empty}</>;
    return (
      <Tooltip label={t('next.idleHint')} withinPortal>
        <Badge
          size="xs"
          radius="sm"
          variant="light"
          color="orange"
          styles={{ label: { textTransform: 'none' } }}
          data-testid="idle-flag"
        >
          {t('next.idle')}
        </Badge>
      </Tooltip>
    );
  }
  const overdue = Date.parse(at) < now.getTime();
  const info = next.data;
  const Icon = info ? TYPE_ICON[info.type] : IconCalendarEvent;
  const text = info
    ? t('next.label', { type: t(`type.${info.type}`), when: when(at) })
    : capitalize(when(at), intlLocale());
  return (
    <span
      className={`${classes.next} ${overdue ? classes.overdue : ''}`}
      title={info ? t('next.title', { subject: info.subject }) : undefined}
      data-testid="next-activity"
      data-overdue={overdue || undefined}
    >
      <Icon size={12} aria-hidden />
      <span>{text}</span>
      {overdue && <VisuallyHidden>{t('status.overdue')}</VisuallyHidden>}
    </span>
  );
}

const DASH = <span style={{ color: 'var(--mantine-color-dimmed)' }}>—</span>;

/** The "next activity" cell of a deal or lead list row. */
export function NextActivityCell({ entity, record }: { entity: 'deal' | 'lead'; record: CrmRecord }) {
  const open = entity === 'deal' ? record.stageSemantics === 'process' : record.statusSemantics === 'process';
  const at = typeof record.nextActivityAt === 'string' ? record.nextActivityAt : null;
  return <NextActivity entity={entity} id={record.id} at={at} open={open} empty={DASH} />;
}
