import { Anchor, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../api/types';
import classes from './ConvertLeadDialog.module.css';
import { RecordPicker } from './RecordPicker';

export type TargetMode = 'none' | 'new' | 'existing';

export interface TargetState {
  mode: TargetMode;
  /** Fields of a new record (override what is copied from the lead). */
  values: Record<string, string>;
  existing: { id: number; title: string } | null;
}

/** One part of the conversion (contact or company): skip it, create one, or link one that exists. */
export function ConvertTargetSection({
  entity,
  state,
  fields,
  errors,
  onChange,
}: {
  entity: Extract<EntityKind, 'contact' | 'company'>;
  state: TargetState;
  fields: string[];
  errors: Record<string, string>;
  onChange: (s: TargetState) => void;
}) {
  const { t } = useTranslation(['record', 'fields']);
  const title = t(`fields:entity.${entity}`);
  return (
    <fieldset className={classes.part} data-testid={`convert-${entity}`}>
      <legend className={classes.legend}>{title}</legend>
      <Stack gap={6}>
        <SegmentedControl
          size="xs"
          fullWidth
          value={state.mode}
          onChange={(v) => onChange({ ...state, mode: v as TargetMode })}
          data={[
            { value: 'none', label: t('convert.skip') },
            { value: 'new', label: t('convert.new') },
            { value: 'existing', label: t('convert.existing') },
          ]}
          aria-label={title}
          data-testid={`convert-${entity}-mode`}
        />
        {state.mode === 'new' && (
          <Group grow gap={6} align="flex-start" className={classes.fields}>
            {fields.map((f) => (
              <TextInput
                key={f}
                size="xs"
                label={t(`fields:f.${f}`)}
                value={state.values[f] ?? ''}
                onChange={(e) =>
                  onChange({ ...state, values: { ...state.values, [f]: e.currentTarget.value } })
                }
                error={errors[`${entity}.${f}`]}
              />
            ))}
          </Group>
        )}
        {state.mode === 'existing' &&
          (state.existing ? (
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={500} className={classes.chosen}>
                {state.existing.title}
              </Text>
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => onChange({ ...state, existing: null })}
              >
                {t('convert.change')}
              </Anchor>
            </Group>
          ) : (
            <RecordPicker
              entity={entity}
              label={t('related.find', { what: title })}
              autoFocus={false}
              onPick={(id, name) => onChange({ ...state, existing: { id, title: name } })}
              testId={`convert-${entity}-picker`}
            />
          ))}
        {errors[`${entity}.id`] && (
          <Text size="xs" c="red" role="alert">
            {errors[`${entity}.id`]}
          </Text>
        )}
      </Stack>
    </fieldset>
  );
}
