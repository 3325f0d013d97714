import { AppShell, Burger, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import {
  IconBriefcase,
  IconBuildingSkyscraper,
  IconCalendar,
  IconChecklist,
  IconPackage,
  IconSearch,
  IconSettings,
  IconTargetArrow,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLiveUpdates } from '../api/live';
import type { Me } from '../api/types';
import { GlobalSearch } from '../components/GlobalSearch';
import { NotificationBell } from '../components/NotificationBell';
import { UserMenu } from '../components/UserMenu';
import { NavCounters } from '../pages/activities/NavCounters';
import classes from './AppLayout.module.css';

const NAV = [
  { to: '/leads', key: 'nav.leads', icon: IconTargetArrow },
  { to: '/deals', key: 'nav.deals', icon: IconBriefcase },
  { to: '/contacts', key: 'nav.contacts', icon: IconUsers },
  { to: '/companies', key: 'nav.companies', icon: IconBuildingSkyscraper },
  { to: '/products', key: 'nav.products', icon: IconPackage },
  { to: '/activities', key: 'activities:title', icon: IconChecklist },
  { to: '/calendar', key: 'calendar:nav', icon: IconCalendar },
] as const;

/** The app shell: sales sections first, search always at hand, settings for administrators. */
export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [navOpen, nav] = useDisclosure(false);
  const [searchOpen, search] = useDisclosure(false);
  const location = useLocation();
  useHotkeys([['mod+K', () => search.open()]]);
  useLiveUpdates();
  const items = me.isAdmin
    ? [...NAV, { to: '/settings', key: 'nav.settings', icon: IconSettings } as const]
    : NAV;

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding={0}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" gap="sm" wrap="nowrap">
          <Burger
            opened={navOpen}
            onClick={nav.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('nav.main')}
          />
          <Text fw={700} c="blue" component={Link} to="/deals" className={classes.brand}>
            {t('appName')}
          </Text>
          <UnstyledButton
            className={classes.searchButton}
            onClick={search.open}
            aria-label={t('search.open')}
          >
            <IconSearch size={15} />
            <Text size="sm" c="dimmed" className={classes.searchText}>
              {t('search.placeholder')}
            </Text>
            <Text size="xs" c="dimmed" visibleFrom="sm" className={classes.kbd}>
              {t('search.hint')}
            </Text>
          </UnstyledButton>
          <NotificationBell />
          <UserMenu me={me} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={4} aria-label={t('nav.main')}>
        <ScrollArea>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.key)}
              leftSection={<item.icon size={17} stroke={1.6} />}
              rightSection={item.to === '/activities' ? <NavCounters /> : undefined}
              active={location.pathname.startsWith(item.to)}
              onClick={nav.close}
              className={classes.navLink}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>{children}</AppShell.Main>
      <GlobalSearch opened={searchOpen} onClose={search.close} />
    </AppShell>
  );
}
