import { Badge, Chip, Group, SegmentedControl, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../api/activities';
import type { Counters } from '../../api/counters';
import { useUsers } from '../../api/reference';
import { formatNumber } from '../../lib/format';
import classes from './ActivitiesPage.module.css';
import { TYPE_ICON, TYPES } from './activity-meta';
import { type ActivityView, PRESETS, type PresetKey } from './activity-view';
import { RecordFilter } from './RecordFilter';

function PresetLabel({ preset, counters }: { preset: PresetKey; counters: Counters | undefined }) {
  const { t } = useTranslation('activities');
  const count = preset === 'today' ? counters?.today : preset === 'overdue' ? counters?.overdue : undefined;
  return (
    <span className={classes.preset}>
      {t(`presets.${preset}`)}
      {count ? (
        <Badge
          size="xs"
          circle={count < 10}
          variant={preset === 'overdue' ? 'filled' : 'light'}
          color={preset === 'overdue' ? 'red' : 'blue'}
          aria-label={t(`badges.${preset}`, { count })}
          data-testid={`preset-count-${preset}`}
        >
          {formatNumber(count)}
        </Badge>
      ) : null}
    </span>
  );
}

/**
 * What to show: a preset (today, overdue, this week, all planned, done; today's and overdue carry the
 * counters), kinds of activity, one record, and whose activities.
 */
export function ActivitiesToolbar({
  view,
  me,
  counters,
  onChange,
}: {
  view: ActivityView;
  me: number;
  /** The signed-in user's counters, shown while the view is theirs. */
  counters: Counters | undefined;
  onChange: (view: ActivityView) => void;
}) {
  const { t } = useTranslation(['activities', 'fields']);
  const users = useUsers();
  const userOptions = useMemo(
    () => [
      { value: String(me), label: t('filters.me') },
      { value: 'all', label: t('filters.everyone') },
      ...(users.data ?? [])
        .filter((u) => u.id !== me && (u.active || u.id === view.user))
        .map((u) => ({ value: String(u.id), label: `${u.name} ${u.lastName}`.trim() || u.email })),
    ],
    [users.data, me, view.user, t],
  );
  return (
    <>
      <div className={classes.presets}>
        <SegmentedControl
          size="xs"
          aria-label={t('presets.label')}
          value={view.preset}
          onChange={(v) => onChange({ ...view, preset: v as PresetKey })}
          data={PRESETS.map((p) => ({
            value: p,
            label: <PresetLabel preset={p} counters={view.user === me ? counters : undefined} />,
          }))}
          data-testid="activity-presets"
        />
      </div>
      <Group gap="xs" wrap="wrap" className={classes.filters}>
        <Chip.Group
          multiple
          value={view.types}
          onChange={(v) => onChange({ ...view, types: v as ActivityType[] })}
        >
          <Group gap={4} role="group" aria-label={t('filters.types')} className={classes.chips}>
            {TYPES.map((type) => {
              const Icon = TYPE_ICON[type];
              return (
                <Chip key={type} value={type} size="xs">
                  <Icon size={12} className={classes.chipIcon} aria-hidden />
                  {t(`types.${type}`)}
                </Chip>
              );
            })}
          </Group>
        </Chip.Group>
        <Select
          size="xs"
          w={170}
          aria-label={t('filters.responsible')}
          data={userOptions}
          value={String(view.user)}
          onChange={(v) => v && onChange({ ...view, user: v === 'all' ? 'all' : Number(v) })}
          searchable
          allowDeselect={false}
          data-testid="activity-user-filter"
        />
        <RecordFilter value={view.record} onChange={(record) => onChange({ ...view, record })} />
      </Group>
    </>
  );
}
