import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { LastError, RecordRef, RetryButton, retryOffered } from './DeliveryParts';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import type { DeliveryListProps } from './DeliveryTable';
import classes from './webhooks.module.css';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The delivery log on a phone: one card per delivery, the facts as label and value. */
export function DeliveryCards({ items, timeZone, retryingId, onRetry }: DeliveryListProps) {
  const { t } = useTranslation('integrations');
  const when = (iso: string | null) => formatDateTime(iso, timeZone);
  return (
    <ul className={classes.cards} data-testid="delivery-cards">
      {items.map((d) => (
        <li key={d.id} className={classes.card} data-testid={`delivery-row-${d.id}`} data-status={d.status}>
          <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
            <Text size="sm" fw={500} className={classes.code} truncate>
              {d.event}
            </Text>
            <DeliveryStatusBadge status={d.status} testId={`delivery-status-${d.id}`} />
          </Group>
          <dl className={classes.facts}>
            <Fact label={t('log.record')}>
              <RecordRef delivery={d} />
            </Fact>
            <Fact label={t('log.occurredAt')}>{when(d.occurredAt)}</Fact>
            <Fact label={t('log.attempts')}>
              {d.attempts}
              {d.lastStatusCode !== null && ` · ${t('log.codeShort', { code: d.lastStatusCode })}`}
            </Fact>
            {d.nextAttemptAt && <Fact label={t('log.nextAttempt')}>{when(d.nextAttemptAt)}</Fact>}
            {d.deliveredAt && <Fact label={t('log.deliveredAt')}>{when(d.deliveredAt)}</Fact>}
          </dl>
          {d.lastError && <LastError text={d.lastError} />}
          {retryOffered(d) && (
            <div className={classes.cardActions}>
              <RetryButton delivery={d} retrying={retryingId === d.id} onRetry={onRetry} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
