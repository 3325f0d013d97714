import { Button, Group, Input, TextInput } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inOneHour, nextMondayAt, tomorrowAt } from './activity-dates';

/**
 * A date and time typed or picked in the user's time zone, with the picks a manager uses most: in an
 * hour, tomorrow morning, next Monday. The value is the wall-clock "YYYY-MM-DDTHH:mm" of that zone.
 * `beside` sits next to the input (a meeting's duration).
 */
export function WhenInput({
  label,
  value,
  onChange,
  timeZone,
  error,
  autoFocus,
  testId,
  beside,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  timeZone: string;
  error?: string | undefined;
  autoFocus?: boolean;
  testId?: string;
  beside?: ReactNode;
}) {
  const { t } = useTranslation('activities');
  const id = useId();
  const pick = (make: (now: Date, tz: string) => string) => onChange(make(new Date(), timeZone));
  return (
    <Input.Wrapper
      label={label}
      labelProps={{ htmlFor: id }}
      required
      error={error}
      description={t('form.timeZone', { zone: timeZone })}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    >
      <Group gap={6} align="center" wrap="wrap">
        <TextInput
          id={id}
          type="datetime-local"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={Boolean(error)}
          required
          autoFocus={autoFocus}
          w={220}
          aria-describedby={`${id}-quick`}
          data-testid={testId}
        />
        {beside}
        <Group gap={4} role="group" aria-label={t('form.quick')} id={`${id}-quick`}>
          <Button size="compact-xs" variant="default" onClick={() => pick(inOneHour)}>
            {t('form.inHour')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => pick((n, z) => tomorrowAt(n, z))}>
            {t('form.tomorrow')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => pick((n, z) => nextMondayAt(n, z))}>
            {t('form.monday')}
          </Button>
        </Group>
      </Group>
    </Input.Wrapper>
  );
}
