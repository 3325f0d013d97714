import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutboundWebhooks, useWebhookEvents, type WebhookFormat } from '../../../api/webhooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../settings.module.css';
import { ListSkeleton } from '../shared/ListSkeleton';
import { SectionHeader } from '../shared/SectionHeader';
import { type OutboundTarget, OutboundWebhookModal } from './OutboundWebhookModal';
import { OutboundWebhookRow } from './OutboundWebhookRow';
import { RotatedSecretModal } from './SigningSecret';

/** Outbound webhooks: URLs Sevan posts its record changes to, each with a delivery log. */
export function OutboundWebhooksSection() {
  const { t } = useTranslation('integrations');
  const hooks = useOutboundWebhooks();
  useWebhookEvents(); // the rows summarise events with it; the dialog needs it at once
  // an id, not a copy: after a save the fresh version from the refetch is the one edited next
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [rotated, setRotated] = useState<{ secret: string; format: WebhookFormat } | null>(null);
  const editingHook = hooks.data?.find((h) => h.id === editing);
  const target: OutboundTarget = editing === 'new' ? 'new' : editingHook ? { webhook: editingHook } : null;
  const create = () => setEditing('new');

  return (
    <section data-testid="outbound-webhooks">
      <SectionHeader title={t('outbound.title')} hint={t('outbound.hint')}>
        <Button leftSection={<IconPlus size={16} />} onClick={create} data-testid="outbound-webhook-create">
          {t('outbound.create')}
        </Button>
      </SectionHeader>
      {hooks.isPending ? (
        <ListSkeleton rows={2} height={58} />
      ) : hooks.isError ? (
        <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : hooks.data.length === 0 ? (
        <div className={classes.list}>
          <EmptyState
            title={t('outbound.emptyTitle')}
            hint={t('outbound.emptyHint')}
            action={{ label: t('outbound.create'), onClick: create }}
          />
        </div>
      ) : (
        <div className={classes.list} data-testid="outbound-webhook-list">
          {hooks.data.map((hook) => (
            <OutboundWebhookRow
              key={hook.id}
              hook={hook}
              onEdit={() => setEditing(hook.id)}
              onRotated={setRotated}
            />
          ))}
        </div>
      )}
      <OutboundWebhookModal target={target} onClose={() => setEditing(null)} />
      <RotatedSecretModal shown={rotated} onClose={() => setRotated(null)} />
    </section>
  );
}
