import { ActionIcon, Button, Group, Loader, SegmentedControl, Title, Tooltip } from '@mantine/core';
import { IconCalendarShare, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarScope } from '../../api/calendar';
import type { Me } from '../../api/types';
import classes from './Calendar.module.css';
import { CALENDAR_VIEWS, type CalendarView } from './calendar-dates';
import { ScopePicker } from './ScopePicker';

/** Today, previous / next, what the view shows, the view switch, whose calendar, the subscription. */
export function CalendarToolbar({
  me,
  view,
  period,
  busy,
  scope,
  onToday,
  onStep,
  onView,
  onScope,
  onSubscribe,
}: {
  me: Me;
  view: CalendarView;
  period: string;
  busy: boolean;
  scope: CalendarScope;
  onToday: () => void;
  onStep: (step: 1 | -1) => void;
  onView: (view: CalendarView) => void;
  onScope: (scope: CalendarScope) => void;
  onSubscribe: () => void;
}) {
  const { t } = useTranslation('calendar');
  return (
    <div className={classes.toolbar}>
      <Group gap={6} wrap="nowrap" className={classes.navGroup}>
        <Title order={1} className={classes.pageTitle}>
          {t('title')}
        </Title>
        <Button size="xs" variant="default" onClick={onToday} data-testid="calendar-today">
          {t('today')}
        </Button>
        <ActionIcon
          variant="default"
          size={30}
          onClick={() => onStep(-1)}
          aria-label={t(`prev.${view}`)}
          data-testid="calendar-prev"
        >
          <IconChevronLeft size={16} />
        </ActionIcon>
        <ActionIcon
          variant="default"
          size={30}
          onClick={() => onStep(1)}
          aria-label={t(`next.${view}`)}
          data-testid="calendar-next"
        >
          <IconChevronRight size={16} />
        </ActionIcon>
        <h2 className={classes.period} aria-live="polite" data-testid="calendar-period">
          {period}
        </h2>
        {busy && <Loader size={14} aria-label={t('loading')} />}
      </Group>
      <Group gap={6} wrap="nowrap" className={classes.viewGroup}>
        <ScopePicker me={me} scope={scope} onChange={onScope} />
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => onView(v as CalendarView)}
          data={CALENDAR_VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))}
          aria-label={t('viewLabel')}
          data-testid="calendar-view"
        />
        <Tooltip label={t('feed.title')} openDelay={400}>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCalendarShare size={15} />}
            onClick={onSubscribe}
            aria-label={t('feed.title')}
            data-testid="calendar-subscribe"
            className={classes.subscribe}
          >
            <span className={classes.subscribeText}>{t('feed.button')}</span>
          </Button>
        </Tooltip>
      </Group>
    </div>
  );
}
