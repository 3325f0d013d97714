import { Badge, Text, ThemeIcon } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { userName, useUsers } from '../../../api/reference';
import { useMe } from '../../../api/session';
import { type InboundWebhook, useRevokeInboundWebhook } from '../../../api/webhooks';
import { formatDateTime } from '../../../lib/format';
import classes from '../settings.module.css';
import { DeleteRowAction } from '../shared/DeleteRowAction';
import own from './webhooks.module.css';

/** One inbound webhook: its title, whose rights it carries, its scopes, when made and last used. */
export function InboundWebhookRow({ hook }: { hook: InboundWebhook }) {
  const { t } = useTranslation('integrations');
  const me = useMe();
  const users = useUsers();
  const revoke = useRevokeInboundWebhook();
  const when = (iso: string) => formatDateTime(iso, me.data?.timeZone);
  const revoked = hook.revokedAt !== null;
  const user = userName(users.data, hook.userId) ?? `#${hook.userId}`;

  return (
    <div className={classes.row} data-indent="avatar" data-testid={`inbound-webhook-row-${hook.id}`}>
      <ThemeIcon variant="light" color={revoked ? 'gray' : 'blue'} size={32} radius="xl">
        <IconPlugConnected size={16} />
      </ThemeIcon>
      <div className={classes.main}>
        <Text size="sm" fw={500} truncate c={revoked ? 'dimmed' : undefined}>
          {hook.title}
        </Text>
        <Text size="xs" c="dimmed">
          {t('inbound.actsAs', { user })}
          {' · '}
          {t('createdAt', { when: when(hook.createdAt) })}
          {' · '}
          {hook.lastUsedAt ? t('lastUsed', { when: when(hook.lastUsedAt) }) : t('neverUsed')}
          {hook.revokedAt && ` · ${t('inbound.revokedAt', { when: when(hook.revokedAt) })}`}
        </Text>
      </div>
      <div className={classes.meta}>
        {hook.scopes.map((scope) => (
          <Badge
            key={scope}
            variant="light"
            color={revoked ? 'gray' : 'blue'}
            size="sm"
            radius="sm"
            tt="none"
          >
            {scope}
          </Badge>
        ))}
        {revoked && (
          <Badge variant="outline" color="gray" size="sm" radius="sm" tt="none">
            {t('inbound.revoked')}
          </Badge>
        )}
      </div>
      <div className={classes.actions}>
        {revoked ? (
          // keeps the badges of a revoked webhook in line with those of the others
          <span className={own.actionSpace} />
        ) : (
          <DeleteRowAction
            title={t('inbound.revokeTitle')}
            message={t('inbound.revokeMessage', { name: hook.title })}
            confirmLabel={t('inbound.revoke')}
            label={t('inbound.revokeNamed', { name: hook.title })}
            testId={`inbound-webhook-revoke-${hook.id}`}
            onConfirm={() => revoke.mutateAsync(hook.id)}
          />
        )}
      </div>
    </div>
  );
}
