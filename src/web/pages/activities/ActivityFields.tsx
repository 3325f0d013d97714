import { Input, Radio, SegmentedControl, Select, SimpleGrid } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../api/activities';
import { useUsers } from '../../api/reference';
import classes from './ActivityForm.module.css';
import type { FormState } from './activity-form';
import type { FormErrors } from './activity-messages';
import { DURATIONS, PRIORITIES, REMINDERS, TYPE_ICON, TYPES } from './activity-meta';
import type { CommOption } from './comm-options';

/** "15 min", "1 hour", "1 h 30 min". */
export function useDurationLabel() {
  const { t } = useTranslation('activities');
  return (m: number) =>
    m < 60
      ? t('form.minutes', { count: m })
      : m % 60
        ? t('form.hoursMinutes', { hours: Math.floor(m / 60), minutes: m % 60 })
        : t('form.hours', { count: m / 60 });
}

export function TypeField({
  value,
  onChange,
  error,
}: {
  value: ActivityType;
  onChange: (type: ActivityType) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('activities');
  // cards rather than a segmented control: four long words (Armenian, Russian) fit a phone two by two
  return (
    <Radio.Group
      label={t('form.type')}
      value={value}
      onChange={(v) => onChange(v as ActivityType)}
      error={error}
      data-testid="activity-type"
    >
      <SimpleGrid cols={{ base: 2, xs: 4 }} spacing={6} mt={4}>
        {TYPES.map((type) => {
          const Icon = TYPE_ICON[type];
          return (
            <Radio.Card key={type} value={type} radius="sm" className={classes.typeCard}>
              <Icon size={15} aria-hidden />
              <span>{t(`type.${type}`)}</span>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}

export function DurationField({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  const { t } = useTranslation('activities');
  const label = useDurationLabel();
  const options = DURATIONS.map((m) => ({ value: String(m), label: label(m) }));
  if (!DURATIONS.includes(value as (typeof DURATIONS)[number]))
    options.push({ value: String(value), label: label(value) });
  return (
    <Select
      aria-label={t('form.duration')}
      leftSection={<IconClockHour4 size={14} aria-hidden />}
      w={150}
      data={options}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      data-testid="activity-duration"
    />
  );
}

type Setter = <K extends keyof FormState>(key: K, value: FormState[K]) => void;

/** Who does it, how urgent, which phone or email, when to remind. */
export function DetailFields({
  state,
  set,
  errors,
  commOptions,
}: {
  state: FormState;
  set: Setter;
  errors: FormErrors;
  commOptions: CommOption[];
}) {
  const { t } = useTranslation('activities');
  const users = useUsers();
  const durationLabel = useDurationLabel();
  const userOptions = useMemo(
    () =>
      (users.data ?? [])
        .filter((u) => u.active || u.id === state.responsibleId)
        .map((u) => ({ value: String(u.id), label: `${u.name} ${u.lastName}`.trim() || u.email })),
    [users.data, state.responsibleId],
  );
  const comms =
    state.comm && !commOptions.some((o) => o.value === state.comm)
      ? [...commOptions, { value: state.comm, label: state.comm.slice(state.comm.indexOf(':') + 1) }]
      : commOptions;
  const reminders = [
    { value: '', label: t('form.remindNone') },
    ...REMINDERS.map((m) => ({ value: String(m), label: t(`form.remindBefore.${m}`) })),
  ];
  if (state.remind !== null && !REMINDERS.includes(state.remind as (typeof REMINDERS)[number]))
    reminders.push({ value: String(state.remind), label: durationLabel(state.remind) });
  return (
    <>
      <Select
        label={t('form.responsible')}
        data={userOptions}
        value={state.responsibleId === null ? null : String(state.responsibleId)}
        onChange={(v) => v && set('responsibleId', Number(v))}
        searchable
        allowDeselect={false}
        error={errors.responsibleId}
      />
      <Input.Wrapper label={t('form.priority')} labelElement="div" error={errors.priority}>
        <SegmentedControl
          fullWidth
          aria-label={t('form.priority')}
          value={state.priority}
          onChange={(v) => set('priority', v as FormState['priority'])}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`priorityShort.${p}`) }))}
        />
      </Input.Wrapper>
      <Select
        label={t('form.comm')}
        placeholder={t('form.commPlaceholder')}
        data={comms}
        value={state.comm || null}
        onChange={(v) => set('comm', v ?? '')}
        clearable
        nothingFoundMessage={t('form.commNone')}
        error={errors.comm}
      />
      <Select
        label={t('form.remind')}
        data={reminders}
        value={state.remind === null ? '' : String(state.remind)}
        onChange={(v) => set('remind', v ? Number(v) : null)}
        allowDeselect={false}
        error={errors.remind}
      />
    </>
  );
}
