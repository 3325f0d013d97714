import { Button, Checkbox, Popover, ScrollArea, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from './entities';

/** Choose the list's columns among every standard and custom field. */
export function ColumnPicker({
  columns,
  visible,
  label,
  onChange,
  onReset,
}: {
  columns: ColumnDef[];
  visible: string[];
  label: (field: string) => string;
  onChange: (fields: string[]) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const toggle = (field: string, on: boolean) => {
    const next = on ? [...visible, field] : visible.filter((f) => f !== field);
    if (next.length) onChange(next);
  };
  return (
    <Popover position="bottom-end" shadow="md" width={240}>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns size={14} />}>
          {t('list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <ScrollArea.Autosize mah={360}>
          <Stack gap={6}>
            {columns.map((c) => (
              <Checkbox
                key={c.field}
                size="xs"
                label={label(c.field)}
                checked={visible.includes(c.field)}
                onChange={(e) => toggle(c.field, e.currentTarget.checked)}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Button size="xs" variant="subtle" mt="xs" fullWidth onClick={onReset}>
          {t('actions.reset')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
