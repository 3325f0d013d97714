import { Button, Drawer, Group, Loader, ScrollArea, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellOff, IconChecks } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type NotificationItem,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useUnreadCount,
} from '../api/notifications';
import { useMe } from '../api/session';
import { ENTITY_PATH } from '../api/types';
import { ErrorState, errorMessage } from './ErrorState';
import classes from './NotificationBell.module.css';
import { NotificationBellItem } from './NotificationBellItem';

/** The current time, moved on every minute so "5 min ago" stays true while the list is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Asks for the next page when the end of the list scrolls into view. */
function useLoadMoreAt(more: boolean, load: () => void) {
  const ref = useRef<HTMLLIElement>(null);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    const el = ref.current;
    if (!el || !more) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) latest.current();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [more]);
  return ref;
}

function Empty() {
  const { t } = useTranslation('notifications');
  return (
    <Stack align="center" gap={6} px="lg" py="xl" ta="center" data-testid="notifications-empty">
      <IconBellOff size={28} stroke={1.4} className={classes.emptyIcon} />
      <Text size="sm" fw={600}>
        {t('empty.title')}
      </Text>
      <Text size="xs" c="dimmed" maw={300}>
        {t('empty.hint')}
      </Text>
    </Stack>
  );
}

/** "Mark all read", disabled while nothing is unread; a failure is announced, not swallowed. */
function MarkAllReadButton() {
  const { t } = useTranslation(['notifications', 'common']);
  const unread = useUnreadCount().data ?? 0;
  const markAll = useMarkAllRead();
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      leftSection={<IconChecks size={14} />}
      disabled={unread === 0}
      loading={markAll.isPending}
      onClick={() =>
        markAll.mutate(undefined, {
          onError: (err) =>
            notifications.show({ color: 'red', message: errorMessage((k) => t(`common:${k}`), err) }),
        })
      }
      data-testid="notifications-read-all"
    >
      {t('markAllRead')}
    </Button>
  );
}

/** The list behind the bell: newest first, more as it scrolls; opening one marks it read and shows its record. */
function NotificationList({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const timeZone = useMe().data?.timeZone ?? 'UTC';
  const list = useNotifications(true);
  const markRead = useMarkRead();
  const now = useNow();
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const sentinel = useLoadMoreAt(hasNextPage && !isFetchingNextPage, () => void fetchNextPage());

  const open = (item: NotificationItem) => {
    if (item.readAt === null) markRead.mutate(item.id);
    onClose();
    navigate(`/${ENTITY_PATH[item.entity]}/${item.recordId}`);
  };

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) {
    return (
      <Stack gap="sm" p="sm" aria-busy="true" aria-label={t('loading')}>
        {[0, 1, 2].map((i) => (
          <Group key={i} gap="sm" wrap="nowrap" align="flex-start">
            <Skeleton h={28} w={28} circle />
            <Stack gap={4} style={{ flex: 1 }}>
              <Skeleton h={12} />
              <Skeleton h={12} w="60%" />
            </Stack>
          </Group>
        ))}
      </Stack>
    );
  }
  if (list.isError && !items.length)
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (!items.length) return <Empty />;
  return (
    <ul className={classes.list} aria-label={t('title')} data-testid="notifications-list">
      {items.map((item) => (
        <NotificationBellItem key={item.id} item={item} now={now} timeZone={timeZone} onOpen={open} />
      ))}
      {hasNextPage && (
        <li ref={sentinel} className={classes.more}>
          {isFetchingNextPage ? (
            <Loader size="xs" />
          ) : (
            <Button size="compact-xs" variant="subtle" onClick={() => void fetchNextPage()}>
              {t('more')}
            </Button>
          )}
        </li>
      )}
      {list.isError && (
        <li>
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </li>
      )}
    </ul>
  );
}

/**
 * What the bell opens, loaded on first use: on a screen the contents of its popover, on a phone a
 * full-screen drawer with the same list.
 */
export default function NotificationBellPanel({
  mode,
  opened,
  onClose,
}: {
  mode: 'popover' | 'drawer';
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('notifications');
  if (mode === 'popover') {
    return (
      <>
        <Group justify="space-between" wrap="nowrap" gap="xs" className={classes.header}>
          {/* focus lands on the heading, so Enter cannot mark everything read by accident */}
          <Title order={2} className={classes.title} tabIndex={-1} data-autofocus>
            {t('title')}
          </Title>
          <MarkAllReadButton />
        </Group>
        <ScrollArea.Autosize mah="min(480px, 70dvh)" type="auto">
          <NotificationList onClose={onClose} />
        </ScrollArea.Autosize>
      </>
    );
  }
  return (
    <Drawer.Root opened={opened} onClose={onClose} position="right" size="100%">
      <Drawer.Overlay />
      <Drawer.Content data-testid="notifications-panel">
        <Drawer.Header className={classes.header}>
          <Drawer.Title className={classes.title} tabIndex={-1} data-autofocus>
            {t('title')}
          </Drawer.Title>
          <MarkAllReadButton />
          <Drawer.CloseButton ml={4} />
        </Drawer.Header>
        <Drawer.Body p={0}>
          <NotificationList onClose={onClose} />
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
