import { ActionIcon, Anchor, Button, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTITY_PATH } from '../../../api/types';
import type { Delivery } from '../../../api/webhooks';
import classes from './webhooks.module.css';

/** The record an event is about, linked to its page when it has one (a deleted record's page says so). */
export function RecordRef({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation('integrations');
  const path = (ENTITY_PATH as Record<string, string | undefined>)[delivery.entity];
  const text = `${t(`entity.${delivery.entity}`)} #${delivery.entityId}`;
  if (!path || delivery.event.endsWith('.deleted') || /DELETE$/.test(delivery.event))
    return <span className={classes.nowrap}>{text}</span>;
  return (
    <Anchor component={Link} to={`/${path}/${delivery.entityId}`} size="sm" className={classes.nowrap}>
      {text}
    </Anchor>
  );
}

/**
 * The last error on one line; the whole text on hover, and on click or Enter (touch screens and keyboards
 * have no hover).
 */
export function LastError({ text }: { text: string | null }) {
  const { t } = useTranslation('integrations');
  const [open, setOpen] = useState(false);
  if (!text)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Tooltip label={text} multiline w={360} disabled={open} openDelay={200}>
      <UnstyledButton
        className={classes.error}
        data-open={open || undefined}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={open ? t('log.collapseError') : t('log.expandError', { text })}
      >
        <Text size="sm" c="red" lineClamp={open ? undefined : 1} className={classes.errorText}>
          {text}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}

export const retryOffered = (d: Delivery) =>
  d.status === 'failed' || (d.status === 'pending' && d.attempts > 0);

/** Sends a delivery again now: offered on failed ones, and on pending ones that already failed once. */
export function RetryButton({
  delivery,
  retrying,
  onRetry,
  iconOnly = false,
}: {
  delivery: Delivery;
  retrying: boolean;
  onRetry: (id: number) => void;
  /** In the table: an icon with its words in a tooltip. */
  iconOnly?: boolean;
}) {
  const { t } = useTranslation('integrations');
  if (!retryOffered(delivery)) return null;
  const text = delivery.status === 'failed' ? t('log.retry') : t('log.retryNow');
  const common = {
    variant: 'light' as const,
    color: delivery.status === 'failed' ? 'red' : undefined,
    loading: retrying,
    onClick: () => onRetry(delivery.id),
    'aria-label': t('log.retryNamed', { action: text, event: delivery.event, id: delivery.entityId }),
    'data-testid': `delivery-retry-${delivery.id}`,
  };
  if (iconOnly)
    return (
      <Tooltip label={text} openDelay={300}>
        <ActionIcon {...common}>
          <IconRefresh size={16} />
        </ActionIcon>
      </Tooltip>
    );
  return (
    <Button size="compact-xs" leftSection={<IconRefresh size={14} />} {...common}>
      {text}
    </Button>
  );
}
