import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCounters } from '../../api/counters';

/** The navigation's badges of the Activities section: overdue (red) and still due today. */
export function NavCounters() {
  const { t } = useTranslation('activities');
  const counters = useCounters().data;
  if (!counters || (!counters.overdue && !counters.today)) return null;
  return (
    <Group gap={3} wrap="nowrap" data-testid="nav-activity-counters">
      {counters.overdue > 0 && (
        <Badge
          size="sm"
          circle={counters.overdue < 10}
          color="red"
          variant="filled"
          aria-label={t('badges.overdue', { count: counters.overdue })}
          title={t('badges.overdue', { count: counters.overdue })}
          data-testid="nav-overdue"
        >
          {counters.overdue}
        </Badge>
      )}
      {counters.today > 0 && (
        <Badge
          size="sm"
          circle={counters.today < 10}
          color="blue"
          variant="light"
          aria-label={t('badges.today', { count: counters.today })}
          title={t('badges.today', { count: counters.today })}
          data-testid="nav-today"
        >
          {counters.today}
        </Badge>
      )}
    </Group>
  );
}
