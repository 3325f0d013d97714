import { Anchor, Button, SegmentedControl } from '@mantine/core';
import { IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type DeliveryStatus, useDeliveries, useOutboundWebhook } from '../../../api/webhooks';
import { ErrorState } from '../../../components/ErrorState';
import { SectionHeader } from '../shared/SectionHeader';
import { DeliveryLog } from './DeliveryLog';
import classes from './webhooks.module.css';

type Filter = DeliveryStatus | 'all';
const FILTERS: Filter[] = ['all', 'pending', 'delivered', 'failed'];

/** One outbound webhook's deliveries, newest first: what was sent, how it went, and a retry for failures. */
export default function DeliveryLogPage() {
  const { t } = useTranslation('integrations');
  const id = Number(useParams().id);
  const [filter, setFilter] = useState<Filter>('all');
  const hook = useOutboundWebhook(id);
  const log = useDeliveries(id, filter === 'all' ? null : filter);

  const back = (
    <Anchor component={Link} to="/settings/integrations" size="sm" className={classes.back}>
      <IconArrowLeft size={14} /> {t('log.back')}
    </Anchor>
  );
  if (hook.isError)
    return (
      <>
        {back}
        <ErrorState error={hook.error} onRetry={() => void hook.refetch()} />
      </>
    );
  const label = hook.data ? hook.data.name || hook.data.url : '';

  return (
    <>
      {back}
      <SectionHeader title={t('log.title')} hint={hook.data ? t('log.hint', { name: label }) : ''}>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={() => void log.refetch()}
          loading={log.isRefetching && !log.isFetchingNextPage}
          data-testid="delivery-refresh"
        >
          {t('log.refresh')}
        </Button>
      </SectionHeader>
      <SegmentedControl
        mb="sm"
        size="xs"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        aria-label={t('log.filter')}
        data={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('log.all') : t(`status.${f}`) }))}
        data-testid="delivery-filter"
      />
      <DeliveryLog webhookId={id} log={log} filtered={filter !== 'all'} />
    </>
  );
}
