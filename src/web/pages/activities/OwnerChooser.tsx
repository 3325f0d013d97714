import { Anchor, Group, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityOwner } from '../../api/activities';
import { RecordPicker } from '../record/RecordPicker';
import { OWNERS } from './activity-view';

/** The record an activity is planned on. */
export interface OwnerPick {
  entity: ActivityOwner;
  id: number;
  title: string;
}

/**
 * Which record the activity belongs to: fixed when planned from a record or a card, otherwise found by
 * typing its name (the record pages' own picker).
 */
export function OwnerChooser({
  value,
  onChange,
  fixed,
  error,
}: {
  value: OwnerPick | null;
  onChange: (pick: OwnerPick | null) => void;
  fixed: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation(['activities', 'fields']);
  const [entity, setEntity] = useState<ActivityOwner>(value?.entity ?? 'deal');
  if (value) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid="activity-owner">
        <Text size="sm" truncate>
          <Text span c="dimmed" inherit>
            {t(`fields:entity.${value.entity}`)}:
          </Text>{' '}
          <Text span fw={600} inherit>
            {value.title}
          </Text>
        </Text>
        {!fixed && (
          <Anchor component="button" type="button" size="xs" onClick={() => onChange(null)}>
            {t('form.changeRecord')}
          </Anchor>
        )}
      </Group>
    );
  }
  return (
    <Input.Wrapper label={t('form.record')} labelElement="div" required error={error}>
      <Stack gap={6}>
        <SegmentedControl
          size="xs"
          aria-label={t('form.recordType')}
          value={entity}
          onChange={(v) => setEntity(v as ActivityOwner)}
          data={OWNERS.map((o) => ({ value: o, label: t(`fields:entity.${o}`) }))}
        />
        <RecordPicker
          key={entity}
          entity={entity}
          label={t('form.chooseRecord')}
          autoFocus={false}
          onPick={(id, title) => onChange({ entity, id, title })}
          testId="activity-record-picker"
        />
      </Stack>
    </Input.Wrapper>
  );
}
