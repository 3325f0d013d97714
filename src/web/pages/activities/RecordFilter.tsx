import { Badge, Button, CloseButton, Popover, SegmentedControl, Stack } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityOwner } from '../../api/activities';
import { get } from '../../api/client';
import { recordKeys } from '../../api/records';
import { type CrmRecord, ENTITY_PATH } from '../../api/types';
import { RecordPicker } from '../record/RecordPicker';
import { recordTitle } from '../record/record-text';
import { OWNERS, type RecordRef } from './activity-view';

/** The chosen record's name (the URL holds only its kind and id). */
export function useRecordTitle(ref: RecordRef | null): string | null {
  const q = useQuery({
    queryKey: recordKeys.one(ref?.entity ?? 'deal', ref?.id ?? 0),
    queryFn: () => get<CrmRecord>(`/api/v1/${ENTITY_PATH[ref?.entity ?? 'deal']}/${ref?.id ?? 0}`),
    enabled: ref !== null,
  });
  if (!ref) return null;
  return q.data ? recordTitle(ref.entity, q.data) : `#${ref.id}`;
}

/** "Only the activities of this record": a found record shown as a removable badge. */
export function RecordFilter({
  value,
  onChange,
}: {
  value: RecordRef | null;
  onChange: (ref: RecordRef | null) => void;
}) {
  const { t } = useTranslation(['activities', 'fields']);
  const [opened, setOpened] = useState(false);
  const [entity, setEntity] = useState<ActivityOwner>('deal');
  const title = useRecordTitle(value);
  if (value) {
    return (
      <Badge
        variant="light"
        size="lg"
        radius="sm"
        styles={{ label: { textTransform: 'none', maxWidth: 220 } }}
        rightSection={
          <CloseButton size="xs" aria-label={t('filters.clearRecord')} onClick={() => onChange(null)} />
        }
        data-testid="activity-record-filter"
      >
        {t(`fields:entity.${value.entity}`)}: {title}
      </Badge>
    );
  }
  return (
    <Popover opened={opened} onChange={setOpened} width={300} position="bottom-start" trapFocus>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFilter size={14} />}
          onClick={() => setOpened((o) => !o)}
        >
          {t('filters.record')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <SegmentedControl
            size="xs"
            aria-label={t('filters.recordType')}
            value={entity}
            onChange={(v) => setEntity(v as ActivityOwner)}
            data={OWNERS.map((o) => ({ value: o, label: t(`fields:entity.${o}`) }))}
          />
          <RecordPicker
            key={entity}
            entity={entity}
            label={t('filters.findRecord')}
            onPick={(id) => {
              onChange({ entity, id });
              setOpened(false);
            }}
          />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
