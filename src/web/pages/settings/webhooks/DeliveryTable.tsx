import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Delivery } from '../../../api/webhooks';
import { formatDateTime } from '../../../lib/format';
import { LastError, RecordRef, RetryButton } from './DeliveryParts';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import classes from './webhooks.module.css';

export interface DeliveryListProps {
  items: Delivery[];
  timeZone: string | undefined;
  retryingId: number | null;
  onRetry: (id: number) => void;
}

/** An empty cell: a dimmed dash, the same in every column. */
const NONE = (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);

/** The delivery log on wider screens: one line per delivery. */
export function DeliveryTable({ items, timeZone, retryingId, onRetry }: DeliveryListProps) {
  const { t } = useTranslation('integrations');
  const when = (iso: string | null) => formatDateTime(iso, timeZone) || NONE;
  return (
    <div className={classes.tableWrap}>
      <Table
        verticalSpacing={6}
        horizontalSpacing="xs"
        highlightOnHover
        className={classes.table}
        data-testid="delivery-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('log.event')}</Table.Th>
            <Table.Th>{t('log.record')}</Table.Th>
            <Table.Th>{t('log.status')}</Table.Th>
            <Table.Th ta="right">{t('log.attempts')}</Table.Th>
            <Table.Th>{t('log.nextAttempt')}</Table.Th>
            <Table.Th ta="right">{t('log.code')}</Table.Th>
            <Table.Th>{t('log.lastError')}</Table.Th>
            <Table.Th>{t('log.deliveredAt')}</Table.Th>
            <Table.Th>
              <span className={classes.visuallyHidden}>{t('log.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid={`delivery-row-${d.id}`} data-status={d.status}>
              <Table.Td>
                <Text size="sm" className={classes.code}>
                  {d.event}
                </Text>
                <Text size="xs" c="dimmed" className={classes.nowrap}>
                  {when(d.occurredAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <RecordRef delivery={d} />
              </Table.Td>
              <Table.Td className={classes.nowrap}>
                <DeliveryStatusBadge status={d.status} testId={`delivery-status-${d.id}`} />
              </Table.Td>
              <Table.Td ta="right">{d.attempts}</Table.Td>
              <Table.Td className={classes.nowrap}>{when(d.nextAttemptAt)}</Table.Td>
              <Table.Td ta="right">{d.lastStatusCode ?? NONE}</Table.Td>
              <Table.Td className={classes.errorCell}>
                <LastError text={d.lastError} />
              </Table.Td>
              <Table.Td className={classes.nowrap}>{when(d.deliveredAt)}</Table.Td>
              <Table.Td>
                <RetryButton delivery={d} retrying={retryingId === d.id} onRetry={onRetry} iconOnly />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
