import { ActionIcon, Badge, Button, Group, Popover, Select, Stack } from '@mantine/core';
import { IconFilter, IconPlus, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefData } from '../../components/FieldValue';
import { ConditionValue } from './ConditionValue';
import type { ColumnDef } from './entities';
import { type Condition, isComplete, type Op, opsFor } from './filter-model';

type Keyed = Condition & { key: number };
let nextKey = 1;
const withKey = (c: Condition): Keyed => ({ ...c, key: nextKey++ });

/** Build a filter on any field and condition; applied conditions live in the URL. */
export function FilterBuilder({
  columns,
  refs,
  label,
  value,
  onApply,
}: {
  columns: ColumnDef[];
  refs: RefData;
  label: (field: string) => string;
  value: Condition[];
  onApply: (conditions: Condition[]) => void;
}) {
  const { t } = useTranslation(['filters', 'common']);
  const [opened, setOpened] = useState(false);
  // Each draft row carries a key of its own so React keeps inputs in place as rows come and go.
  const [draft, setDraft] = useState<Keyed[]>([]);
  useEffect(() => {
    if (opened) setDraft(value.map(withKey));
  }, [opened, value]);
  const filterable = columns.filter((c) => c.kind !== 'comm');
  const colOf = (field: string) => filterable.find((c) => c.field === field);
  const update = (i: number, patch: Partial<Condition>) =>
    setDraft((d) => d.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const add = () => {
    const first = filterable[0];
    if (first)
      setDraft((d) => [...d, withKey({ field: first.field, op: opsFor(first.kind)[0] as Op, value: null })]);
  };
  const apply = (next: Keyed[]) => {
    onApply(next.filter(isComplete).map(({ key: _key, ...c }) => c));
    setOpened(false);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={560} trapFocus>
      <Popover.Target>
        <Button
          size="xs"
          variant={value.length ? 'light' : 'default'}
          leftSection={<IconFilter size={14} />}
          rightSection={
            value.length ? (
              <Badge size="xs" circle>
                {value.length}
              </Badge>
            ) : null
          }
          onClick={() => setOpened((o) => !o)}
          data-testid="filter-button"
        >
          {t('common:list.filters')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={6}>
          {draft.map((c, i) => {
            const col = colOf(c.field);
            return (
              <Group key={c.key} gap={6} wrap="nowrap" data-testid="filter-condition">
                <Select
                  size="xs"
                  comboboxProps={{ withinPortal: false }}
                  w={170}
                  aria-label={t('field')}
                  searchable
                  data={filterable.map((f) => ({ value: f.field, label: label(f.field) }))}
                  value={c.field}
                  onChange={(f) => {
                    const nextCol = f ? colOf(f) : undefined;
                    if (nextCol)
                      update(i, { field: nextCol.field, op: opsFor(nextCol.kind)[0] as Op, value: null });
                  }}
                />
                <Select
                  size="xs"
                  comboboxProps={{ withinPortal: false }}
                  w={140}
                  aria-label={t('operator')}
                  data={opsFor(col?.kind ?? 'text').map((op) => ({ value: op, label: t(`op.${op}`) }))}
                  value={c.op}
                  onChange={(op) =>
                    op &&
                    update(i, {
                      op: op as Op,
                      value: op === 'in' ? [] : Array.isArray(c.value) ? null : c.value,
                    })
                  }
                />
                <div style={{ flex: 1, minWidth: 0 }}>
                  {col && (
                    <ConditionValue
                      col={col}
                      cond={c}
                      refs={refs}
                      onChange={(v) => update(i, { value: v })}
                    />
                  )}
                </div>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('common:actions.remove')}
                  onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            );
          })}
          <Group justify="space-between" mt={4}>
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={add}>
              {t('add')}
            </Button>
            <Group gap={6}>
              <Button size="xs" variant="default" onClick={() => apply([])}>
                {t('clear')}
              </Button>
              <Button size="xs" onClick={() => apply(draft)} data-testid="filter-apply">
                {t('apply')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
