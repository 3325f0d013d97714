import { Center, Loader, Popover, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../api/notifications';
import classes from './NotificationBell.module.css';

const NotificationBellPanel = lazy(() => import('./NotificationBellPanel'));

/** The badge text: the count, capped so it stays a badge. */
export const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

const loading = (
  <Center p="md">
    <Loader size="sm" />
  </Center>
);

/**
 * The bell in the header: unread count on a badge; a click opens the notifications (a popover on a
 * screen, a full-screen drawer on a phone), loaded the first time they are opened.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const [opened, { toggle, close }] = useDisclosure(false);
  const [used, setUsed] = useState(false);
  if (opened && !used) setUsed(true);
  const phone = useMediaQuery('(max-width: 36em)');
  const count = useUnreadCount().data ?? 0;
  const label = count > 0 ? t('bellUnread', { count }) : t('bell');
  const button = (
    <UnstyledButton
      className={classes.bell}
      onClick={toggle}
      aria-label={label}
      aria-expanded={opened}
      data-testid="notification-bell"
    >
      <IconBell size={20} stroke={1.6} />
      {count > 0 && (
        <span className={classes.badge} data-testid="notification-count" aria-hidden>
          {badgeText(count)}
        </span>
      )}
    </UnstyledButton>
  );

  if (phone) {
    return (
      <>
        {button}
        {used && (
          <Suspense fallback={null}>
            <NotificationBellPanel mode="drawer" opened={opened} onClose={close} />
          </Suspense>
        )}
      </>
    );
  }
  return (
    <Popover
      opened={opened}
      onDismiss={close}
      position="bottom-end"
      width={400}
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown p={0} aria-label={t('title')} data-testid="notifications-panel">
        <Suspense fallback={loading}>
          <NotificationBellPanel mode="popover" opened={opened} onClose={close} />
        </Suspense>
      </Popover.Dropdown>
    </Popover>
  );
}
