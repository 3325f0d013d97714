import { Button, Group, NumberInput, Radio, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorField } from './ColorField';
import { FormError } from './FormError';
import { fieldError } from './problem';

/** A step of a process: a deal stage (with a probability) or a lead status. */
export interface StepValues<S extends string> {
  name: string;
  semantics: S;
  color: string;
  probability?: number;
}

const FIELDS = ['name', 'semantics', 'probability', 'color'];

/** The form both stages and lead statuses use: name, meaning, (probability,) colour. */
export function StepForm<S extends string>({
  value,
  onChange,
  semanticsOptions,
  error,
  pending,
  isNew,
  onSubmit,
  onCancel,
  testId,
}: {
  value: StepValues<S>;
  onChange: (v: StepValues<S>) => void;
  semanticsOptions: readonly S[];
  error: unknown;
  pending: boolean;
  isNew: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation('settings');
  const err = (f: string) => fieldError(error, f);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const setSemantics = (semantics: S) => {
    // a closed outcome has a known probability; keep the user's number for in-progress steps
    const probability =
      value.probability === undefined
        ? undefined
        : semantics === 'won'
          ? 100
          : semantics === 'lost'
            ? 0
            : value.probability;
    onChange({ ...value, semantics, ...(probability === undefined ? {} : { probability }) });
  };

  return (
    <form onSubmit={submit} data-testid={testId}>
      <Stack gap="sm">
        <TextInput
          label={t('step.name')}
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
          error={err('name')}
          required
          maxLength={100}
          data-autofocus
          data-testid={`${testId}-name`}
        />
        <Radio.Group
          label={t('step.semantics')}
          description={t(`step.semanticsHint.${semanticsOptions.includes('won' as S) ? 'stage' : 'status'}`)}
          value={value.semantics}
          onChange={(v) => setSemantics(v as S)}
          error={err('semantics')}
        >
          <Group gap="md" mt={6}>
            {semanticsOptions.map((s) => (
              <Radio key={s} value={s} label={t(`semantics.${s}`)} data-testid={`${testId}-semantics-${s}`} />
            ))}
          </Group>
        </Radio.Group>
        {value.probability !== undefined && (
          <NumberInput
            label={t('step.probability')}
            description={t('step.probabilityHint')}
            value={value.probability}
            onChange={(v) => onChange({ ...value, probability: typeof v === 'number' ? v : 0 })}
            min={0}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            suffix="%"
            error={err('probability')}
            data-testid={`${testId}-probability`}
          />
        )}
        <ColorField
          label={t('step.color')}
          value={value.color}
          onChange={(color) => onChange({ ...value, color })}
          error={err('color')}
        />
        <FormError error={error} fields={FIELDS} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button
            type="submit"
            loading={pending}
            disabled={!value.name.trim()}
            data-testid={`${testId}-submit`}
          >
            {isNew ? t('actions.create', { ns: 'common' }) : t('actions.save', { ns: 'common' })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
