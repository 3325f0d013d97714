import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInboundWebhooks } from '../../../api/webhooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../settings.module.css';
import { ListSkeleton } from '../shared/ListSkeleton';
import { SectionHeader } from '../shared/SectionHeader';
import { InboundWebhookModal } from './InboundWebhookModal';
import { InboundWebhookRow } from './InboundWebhookRow';

/** Inbound webhooks: secret base URLs that programs written for Bitrix24 call instead of a portal's. */
export function InboundWebhooksSection() {
  const { t } = useTranslation('integrations');
  const hooks = useInboundWebhooks();
  const [creating, setCreating] = useState(false);
  const open = () => setCreating(true);

  return (
    <section data-testid="inbound-webhooks">
      <SectionHeader title={t('inbound.title')} hint={t('inbound.hint')}>
        <Button leftSection={<IconPlus size={16} />} onClick={open} data-testid="inbound-webhook-create">
          {t('inbound.create')}
        </Button>
      </SectionHeader>
      {hooks.isPending ? (
        <ListSkeleton rows={2} height={46} />
      ) : hooks.isError ? (
        <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : hooks.data.length === 0 ? (
        <div className={classes.list}>
          <EmptyState
            title={t('inbound.emptyTitle')}
            hint={t('inbound.emptyHint')}
            action={{ label: t('inbound.create'), onClick: open }}
          />
        </div>
      ) : (
        <div className={classes.list} data-testid="inbound-webhook-list">
          {hooks.data.map((hook) => (
            <InboundWebhookRow key={hook.id} hook={hook} />
          ))}
        </div>
      )}
      <InboundWebhookModal opened={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
