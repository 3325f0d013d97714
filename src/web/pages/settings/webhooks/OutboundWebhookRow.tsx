import { Badge, Group, Switch, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconListDetails, IconPencil, IconWebhook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../../api/session';
import {
  type OutboundWebhookListItem,
  useDeleteOutboundWebhook,
  useUpdateOutboundWebhook,
  useWebhookEvents,
  type WebhookFormat,
} from '../../../api/webhooks';
import { formatDateTime } from '../../../lib/format';
import classes from '../settings.module.css';
import { ConfirmAction } from '../shared/ConfirmAction';
import { DeleteRowAction } from '../shared/DeleteRowAction';
import { problemText, problemTitle } from '../shared/problem';
import { RowAction } from '../shared/RowAction';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { summarize } from './events';
import own from './webhooks.module.css';

/** The newest delivery's outcome and when it happened, or that nothing was sent yet. */
function LastDelivery({ hook }: { hook: OutboundWebhookListItem }) {
  const { t } = useTranslation('integrations');
  const me = useMe();
  const d = hook.lastDelivery;
  if (!d)
    return (
      <Text size="xs" c="dimmed" data-testid={`outbound-last-${hook.id}`}>
        {t('outbound.noDeliveries')}
      </Text>
    );
  const when = formatDateTime(d.deliveredAt ?? d.occurredAt, me.data?.timeZone);
  return (
    <Group gap={6} wrap="nowrap" title={t('outbound.lastDelivery', { when })}>
      <DeliveryStatusBadge status={d.status} testId={`outbound-last-${hook.id}`} />
      <Text size="xs" c="dimmed" className={own.nowrap}>
        {when}
      </Text>
    </Group>
  );
}

/** "Deals: all · Leads: created, deleted", so the list says what each webhook receives. */
function EventSummary({ names }: { names: string[] }) {
  const { t } = useTranslation('integrations');
  const events = useWebhookEvents().data ?? [];
  const parts = summarize(names, events).map(
    (g) =>
      `${t(`entities.${g.entity}`)}: ${g.all ? t('outbound.allEvents') : g.actions.map((a) => t(`changes.${a}`).toLowerCase()).join(', ')}`,
  );
  return <>{parts.join(' · ')}</>;
}

/** One outbound webhook: where it posts, what it sends, whether it is on, and how the last delivery went. */
export function OutboundWebhookRow({
  hook,
  onEdit,
  onRotated,
}: {
  hook: OutboundWebhookListItem;
  onEdit: () => void;
  onRotated: (shown: { secret: string; format: WebhookFormat }) => void;
}) {
  const { t } = useTranslation('integrations');
  const navigate = useNavigate();
  const switching = useUpdateOutboundWebhook();
  const rotating = useUpdateOutboundWebhook();
  const remove = useDeleteOutboundWebhook();
  const label = hook.name || hook.url;
  const onProblem = (err: unknown) =>
    notifications.show({ color: 'red', title: problemTitle(t, err), message: problemText(t, err) });
  const toggle = (active: boolean) => switching.mutate({ id: hook.id, active }, { onError: onProblem });
  // the switch moves at once; should the server refuse, it moves back and the reason is shown
  const on = switching.isPending ? (switching.variables.active ?? hook.active) : hook.active;
  const rotate = async () => {
    const res = await rotating.mutateAsync({ id: hook.id, rotateSecret: true });
    if (res.secret) onRotated({ secret: res.secret, format: res.format });
  };

  return (
    <div className={classes.row} data-indent="avatar" data-testid={`outbound-webhook-row-${hook.id}`}>
      <ThemeIcon variant="light" color={on ? 'blue' : 'gray'} size={32} radius="xl">
        <IconWebhook size={16} />
      </ThemeIcon>
      <div className={`${classes.main} ${own.hookMain}`}>
        <Text size="sm" fw={500} truncate c={on ? undefined : 'dimmed'} title={label}>
          {label}
        </Text>
        {hook.name && (
          <Text size="xs" c="dimmed" truncate className={own.code} title={hook.url}>
            {hook.url}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <EventSummary names={hook.events} />
        </Text>
      </div>
      <div className={classes.meta}>
        <Badge variant="outline" color="gray" size="sm" radius="sm" tt="none">
          {t(`formats.${hook.format}.label`)}
        </Badge>
        <LastDelivery hook={hook} />
      </div>
      <div className={`${classes.actions} ${own.hookActions}`}>
        <Switch
          size="sm"
          mr={6}
          checked={on}
          onChange={(e) => toggle(e.currentTarget.checked)}
          aria-label={t(on ? 'outbound.deactivate' : 'outbound.activate', { name: label })}
          title={t(on ? 'outbound.deactivate' : 'outbound.activate', { name: label })}
          data-testid={`outbound-webhook-active-${hook.id}`}
        />
        <RowAction
          label={t('outbound.log', { name: label })}
          onClick={() => navigate(`/settings/integrations/outbound/${hook.id}`)}
          testId={`outbound-webhook-log-${hook.id}`}
        >
          <IconListDetails size={16} />
        </RowAction>
        <RowAction
          label={t('outbound.edit', { name: label })}
          onClick={onEdit}
          testId={`outbound-webhook-edit-${hook.id}`}
        >
          <IconPencil size={16} />
        </RowAction>
        <ConfirmAction
          title={t('outbound.rotateTitle')}
          message={t('outbound.rotateMessage', { name: label })}
          confirmLabel={t('outbound.rotate')}
          onConfirm={rotate}
        >
          {(open) => (
            <RowAction
              label={t('outbound.rotateNamed', { name: label })}
              onClick={open}
              testId={`outbound-webhook-rotate-${hook.id}`}
            >
              <IconKey size={16} />
            </RowAction>
          )}
        </ConfirmAction>
        <DeleteRowAction
          title={t('outbound.deleteTitle')}
          message={t('outbound.deleteMessage', { name: label })}
          confirmLabel={t('actions.delete', { ns: 'common' })}
          label={t('outbound.delete', { name: label })}
          testId={`outbound-webhook-delete-${hook.id}`}
          onConfirm={() => remove.mutateAsync(hook.id)}
        />
      </div>
    </div>
  );
}
