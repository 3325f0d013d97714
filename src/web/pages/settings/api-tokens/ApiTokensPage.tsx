import { Anchor, Badge, Button, Text, ThemeIcon } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/session';
import { type ApiToken, useApiTokens, useRevokeApiToken } from '../../../api/settings';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { formatDateTime } from '../../../lib/format';
import classes from '../settings.module.css';
import { DeleteRowAction } from '../shared/DeleteRowAction';
import { ListSkeleton } from '../shared/ListSkeleton';
import { SectionHeader } from '../shared/SectionHeader';
import { CreateTokenModal } from './CreateTokenModal';

/** My API tokens: each lets one program act as me, with my rights. Revoke one and only it stops. */
export default function ApiTokensPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const when = (iso: string) => formatDateTime(iso, me.data?.timeZone);

  const row = (token: ApiToken) => (
    <div
      key={token.id}
      className={classes.row}
      data-indent="avatar"
      data-testid={`api-token-row-${token.id}`}
    >
      <ThemeIcon variant="light" color={token.revokedAt ? 'gray' : 'blue'} size={32} radius="xl">
        <IconKey size={16} />
      </ThemeIcon>
      <div className={classes.main}>
        <Text size="sm" fw={500} truncate c={token.revokedAt ? 'dimmed' : undefined}>
          {token.name}
        </Text>
        <Text size="xs" c="dimmed">
          <Text span ff="monospace" size="xs">
            {token.prefix}…
          </Text>
          {' · '}
          {t('tokens.createdAt', { when: when(token.createdAt) })}
          {' · '}
          {token.lastUsedAt ? t('tokens.lastUsed', { when: when(token.lastUsedAt) }) : t('tokens.neverUsed')}
        </Text>
      </div>
      {token.revokedAt ? (
        <div className={classes.meta}>
          <Badge variant="light" color="gray" size="sm" radius="sm" tt="none">
            {t('tokens.revokedAt', { when: when(token.revokedAt) })}
          </Badge>
        </div>
      ) : (
        <div className={classes.actions}>
          <DeleteRowAction
            title={t('tokens.revokeTitle')}
            message={t('tokens.revokeMessage', { name: token.name })}
            confirmLabel={t('tokens.revoke')}
            label={t('tokens.revokeNamed', { name: token.name })}
            testId={`api-token-revoke-${token.id}`}
            onConfirm={() => revoke.mutateAsync(token.id)}
          />
        </div>
      )}
    </div>
  );

  return (
    <>
      <SectionHeader title={t('tokens.title')} hint={t('tokens.hint')}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setCreating(true)}
          data-testid="api-token-create"
        >
          {t('tokens.create')}
        </Button>
      </SectionHeader>
      {tokens.isPending ? (
        <ListSkeleton rows={3} height={46} />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyState
          title={t('tokens.emptyTitle')}
          hint={t('tokens.emptyHint')}
          action={{ label: t('tokens.create'), onClick: () => setCreating(true) }}
        />
      ) : (
        <div className={classes.list} data-testid="api-token-list">
          {tokens.data.map(row)}
        </div>
      )}
      <Text size="sm" c="dimmed" mt="md">
        {t('tokens.docs')}{' '}
        <Anchor href="/api/docs" target="_blank" rel="noreferrer">
          {t('tokens.docsLink')}
        </Anchor>
      </Text>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
