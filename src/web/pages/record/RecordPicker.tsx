import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../api/types';
import { useRecordSearch } from './record-queries';
import { recordTitle } from './record-text';

/** Finds a record of `entity` by what is typed and hands back its id; already linked ones are left out. */
export function RecordPicker({
  entity,
  label,
  exclude = [],
  onPick,
  onClose,
  autoFocus = true,
  testId,
}: {
  entity: EntityKind;
  label: string;
  exclude?: number[];
  onPick: (id: number, title: string) => void;
  onClose?: () => void;
  autoFocus?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('record');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 200);
  const found = useRecordSearch(entity, q);
  const options = (found.data ?? [])
    .filter((r) => !exclude.includes(r.id))
    .map((r) => ({ value: String(r.id), label: recordTitle(entity, r) }));
  return (
    <Select
      size="xs"
      searchable
      autoFocus={autoFocus}
      aria-label={label}
      placeholder={t('pickers.search')}
      data={options}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        q.trim()
          ? found.isFetching
            ? t('pickers.searching')
            : t('pickers.nothing')
          : t('pickers.typeToSearch')
      }
      onChange={(v) => {
        if (v) {
          onPick(Number(v), options.find((o) => o.value === v)?.label ?? `#${v}`);
          setSearch('');
        }
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose?.();
      }}
      onBlur={() => onClose?.()}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
