import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconLock, IconZzz } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { effectiveLocale } from '../../../shared/format';
import { useIdleByStage } from '../../api/counters';
import type { ColumnTotals } from '../../api/kanban';
import { intlLocale } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import type { BoardColumn } from './board';
import classes from './Kanban.module.css';

/** "$1.8M": several currencies fit on one line; the exact sums are in the tooltip. */
function compactMoney(amount: string, currency: string): string {
  const { tag, numericDates: borrowed } = effectiveLocale(intlLocale());
  // a borrowed locale would abbreviate in its own language ("млн"): whole units instead
  return new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    ...(borrowed ? { maximumFractionDigits: 0 } : { notation: 'compact', maximumFractionDigits: 1 }),
  }).format(Number(amount));
}

/**
 * Name, count and the sum per currency of one column; the colour strip is the column's top border. On a
 * deal board, how many of the stage's deals have nothing planned (idle).
 */
export function ColumnHeader({
  column,
  totals,
  headingId,
  idlePipelineId = null,
}: {
  column: BoardColumn;
  totals: ColumnTotals | undefined;
  headingId: string;
  idlePipelineId?: number | null;
}) {
  const { t } = useTranslation(['kanban', 'activities']);
  const idle = useIdleByStage(idlePipelineId).data?.get(column.id) ?? 0;
  const sums = (totals?.sums ?? []).filter((s) => Number(s.amount) !== 0);
  return (
    <div className={classes.header}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text id={headingId} component="h2" size="sm" fw={600} truncate m={0}>
            {column.name}
          </Text>
          {!column.droppable && (
            <Tooltip label={t('column.noDrop')}>
              <IconLock size={13} aria-label={t('column.noDrop')} />
            </Tooltip>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          {idle > 0 && (
            <Tooltip label={t('activities:kanban.idle', { count: idle })}>
              <Badge
                variant="light"
                color="orange"
                size="sm"
                radius="sm"
                leftSection={<IconZzz size={10} aria-hidden />}
                aria-label={t('activities:kanban.idle', { count: idle })}
                data-testid="kanban-column-idle"
              >
                {formatNumber(idle)}
              </Badge>
            </Tooltip>
          )}
          <Badge variant="light" color="gray" size="sm" radius="sm" data-testid="kanban-column-count">
            {totals ? formatNumber(totals.count) : '…'}
          </Badge>
        </Group>
      </Group>
      <Text
        size="xs"
        c="dimmed"
        className={classes.sums}
        title={sums.map((s) => formatMoney(s.amount, s.currency)).join('\n')}
        aria-label={`${t('column.sums')}: ${sums.map((s) => formatMoney(s.amount, s.currency)).join(', ')}`}
        truncate
      >
        {sums.map((s) => compactMoney(s.amount, s.currency)).join(' · ')}
      </Text>
    </div>
  );
}
