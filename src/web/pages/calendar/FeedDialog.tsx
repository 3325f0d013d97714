import { Accordion, Alert, Button, Group, Modal, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarFeed, useCreateFeed, useRevokeFeed } from '../../api/calendar';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { formatDateTime } from '../../lib/format';
import { SecretReveal } from '../settings/shared/SecretReveal';

const APPS = ['google', 'apple', 'outlook'] as const;

/** Short steps for the calendar apps people use. */
function HowTo() {
  const { t } = useTranslation('calendar');
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t('feed.howTo')}
      </Text>
      <Accordion variant="separated" radius="sm" chevronPosition="right">
        {APPS.map((app) => (
          <Accordion.Item key={app} value={app}>
            <Accordion.Control>
              <Text size="sm">{t(`feed.${app}.title`)}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm">{t(`feed.${app}.text`)}</Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Text size="xs" c="dimmed" mt={6}>
        {t('feed.reachable')}
      </Text>
    </div>
  );
}

/**
 * The secret iCal subscription: create the URL (shown once, with a copy button), see when it was made and
 * last read, replace it with a new one or revoke it.
 */
export function FeedDialog({
  opened,
  timeZone,
  onClose,
}: {
  opened: boolean;
  timeZone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(['calendar', 'common']);
  const state = useCalendarFeed(opened);
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh dialog each time it opens
  useEffect(() => {
    if (!opened) return;
    create.reset();
    revoke.reset();
  }, [opened]);
  const link = create.data;
  const failure = create.error ?? revoke.error;
  const when = (iso: string | null) => formatDateTime(iso, timeZone);

  let body: ReactNode;
  if (link) {
    body = (
      <Stack gap="xs" data-testid="calendar-feed-created">
        <SecretReveal label={t('feed.link')} value={link.url} testId="calendar-feed-url" />
        <Button
          component="a"
          href={link.webcalUrl}
          variant="light"
          leftSection={<IconCalendarPlus size={16} />}
          w="fit-content"
        >
          {t('feed.openApp')}
        </Button>
      </Stack>
    );
  } else if (state.isPending) {
    body = <Skeleton h={72} radius="sm" />;
  } else if (state.isError) {
    body = <ErrorState error={state.error} onRetry={() => void state.refetch()} />;
  } else if (state.data.exists) {
    body = (
      <Paper withBorder p="sm" radius="sm" data-testid="calendar-feed-state">
        <Stack gap={6}>
          <Text size="sm">{t('feed.exists', { created: when(state.data.createdAt) })}</Text>
          <Text size="sm" c="dimmed">
            {state.data.lastUsedAt
              ? t('feed.lastUsed', { when: when(state.data.lastUsedAt) })
              : t('feed.neverUsed')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('feed.lost')}
          </Text>
          <Group gap="xs" mt={4}>
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              onClick={() => setConfirm('rotate')}
              data-testid="calendar-feed-rotate"
            >
              {t('feed.rotate')}
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={16} />}
              onClick={() => setConfirm('revoke')}
              data-testid="calendar-feed-revoke"
            >
              {t('feed.revoke')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  } else {
    body = (
      <Paper withBorder p="sm" radius="sm" data-testid="calendar-feed-state">
        <Group justify="space-between" gap="xs">
          <Text size="sm">{t('feed.none')}</Text>
          <Button
            leftSection={<IconCalendarPlus size={16} />}
            loading={create.isPending}
            onClick={() => create.mutate()}
            data-testid="calendar-feed-create"
          >
            {t('feed.create')}
          </Button>
        </Group>
      </Paper>
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('feed.title')} size="lg" data-testid="calendar-feed">
      <Stack gap="md">
        <Text size="sm">{t('feed.intro')}</Text>
        {body}
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage((k) => t(`common:${k}`), failure)}
          </Alert>
        )}
        <HowTo />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.close')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirm === 'rotate'}
        title={t('feed.rotateTitle')}
        message={t('feed.rotateMessage')}
        confirmLabel={t('feed.rotate')}
        loading={create.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() => create.mutate(undefined, { onSettled: () => setConfirm(null) })}
      />
      <ConfirmDialog
        opened={confirm === 'revoke'}
        title={t('feed.revokeTitle')}
        message={t('feed.revokeMessage')}
        confirmLabel={t('feed.revoke')}
        loading={revoke.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => create.reset(),
            onSettled: () => setConfirm(null),
          })
        }
      />
    </Modal>
  );
}
