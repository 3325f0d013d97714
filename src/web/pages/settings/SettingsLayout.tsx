import { NativeSelect, Tabs, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/session';
import { SECTIONS } from './sections';
import classes from './settings.module.css';
import { ListSkeleton } from './shared/ListSkeleton';

/**
 * The settings frame: a title, the sub-navigation (tabs on wide screens, a select on narrow ones) and the
 * current screen. Users who are not administrators see only their API tokens.
 */
export default function SettingsLayout() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 62em)');
  const isAdmin = Boolean(me.data?.isAdmin);
  const sections = SECTIONS.filter((s) => isAdmin || !s.adminOnly);
  const current = SECTIONS.find((s) => location.pathname.startsWith(`/settings/${s.path}`));

  if (!current) return <Navigate to={`/settings/${sections[0]?.path ?? 'api-tokens'}`} replace />;
  if (current.adminOnly && !isAdmin) return <Navigate to="/settings/api-tokens" replace />;
  const go = (path: string | null) => path && navigate(`/settings/${path}`);

  return (
    <div className={classes.page}>
      {narrow ? (
        <div className={classes.topPhone}>
          <Title order={1} size="h4" mb={6}>
            {t('title')}
          </Title>
          <NativeSelect
            aria-label={t('sectionPicker')}
            value={current.path}
            onChange={(e) => go(e.currentTarget.value)}
            data={sections.map((s) => ({ value: s.path, label: t(`nav.${s.path}`) }))}
            data-testid="settings-section-select"
          />
        </div>
      ) : (
        <div className={classes.top}>
          <Title order={1} size="h4" mb={6}>
            {t('title')}
          </Title>
          <Tabs value={current.path} onChange={go} data-testid="settings-tabs">
            <Tabs.List className={classes.tabList} aria-label={t('sectionPicker')}>
              {sections.map((s) => (
                <Tabs.Tab key={s.path} value={s.path} data-testid={`settings-tab-${s.path}`}>
                  {t(`nav.${s.path}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
        </div>
      )}
      <div className={classes.body}>
        <div className={classes.content}>
          <Suspense fallback={<ListSkeleton />}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
