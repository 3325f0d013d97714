import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comm } from '../../api/types';
import type { EditorProps } from './FieldEditor';
import classes from './RecordPage.module.css';

/** The types the API accepts for each list (docs/API.md). */
const TYPES: Record<string, readonly string[]> = {
  phones: ['work', 'mobile', 'home', 'fax', 'other'],
  emails: ['work', 'home', 'other'],
  websites: ['work', 'home', 'other'],
  messengers: ['telegram', 'whatsapp', 'viber', 'skype', 'other'],
};
const INPUT_TYPE: Record<string, string> = {
  phones: 'tel',
  emails: 'email',
  websites: 'url',
  messengers: 'text',
};

interface Item {
  /** The entry's id when it exists already: sent back, so the entry keeps it. */
  id?: number;
  key: number;
  value: string;
  type: string;
}

let nextKey = 0;

/**
 * Phones, emails, websites, messengers: a typed list edited as a whole (the API replaces the list).
 * Each line shows its own message from the API ("phones.1.value: must contain digits").
 */
export function CommListEditor({ spec, label, value, error, itemErrors, onCommit, onCancel }: EditorProps) {
  const { t } = useTranslation(['record', 'fields', 'common']);
  const types = TYPES[spec.name] ?? ['other'];
  const [items, setItems] = useState<Item[]>(() => {
    const list = (Array.isArray(value) ? (value as Comm[]) : []).map((c) => ({
      key: ++nextKey,
      id: c.id,
      value: c.value,
      type: c.type,
    }));
    return list.length ? list : [{ key: ++nextKey, value: '', type: types[0] as string }];
  });
  const change = (key: number, patch: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const save = () => {
    // blank lines are dropped here too, so the API's "phones.N" messages land on the lines shown
    const kept = items.filter((i) => i.value.trim());
    setItems(kept.length ? kept : items.slice(0, 1));
    onCommit(kept.map((i) => ({ ...(i.id ? { id: i.id } : {}), value: i.value.trim(), type: i.type })));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onCancel();
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    }
  };
  const typeOptions = types.map((ty) => ({ value: ty, label: t(`fields:commType.${ty}`) }));

  return (
    <Stack gap={4} role="group" aria-label={label}>
      <Text className={classes.fieldLabel} component="div">
        {label}
      </Text>
      {items.map((item, n) => (
        <Group key={item.key} gap={4} wrap="nowrap" align="flex-start">
          <Select
            size="xs"
            w={104}
            data={typeOptions}
            value={item.type}
            allowDeselect={false}
            onChange={(v) => v && change(item.key, { type: v })}
            aria-label={t('comm.type', { field: label, n: n + 1 })}
            error={itemErrors[`${n}.type`]}
          />
          <TextInput
            size="xs"
            className={classes.grow}
            type={INPUT_TYPE[spec.name] ?? 'text'}
            value={item.value}
            autoFocus={n === items.length - 1}
            onChange={(e) => change(item.key, { value: e.currentTarget.value })}
            onKeyDown={onKeyDown}
            aria-label={t('comm.value', { field: label, n: n + 1 })}
            error={itemErrors[`${n}.value`]}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}
            aria-label={t('comm.remove', { n: n + 1 })}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group gap={4} justify="space-between">
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={12} />}
          onClick={() =>
            setItems((list) => [...list, { key: ++nextKey, value: '', type: types[0] as string }])
          }
        >
          {t('comm.add')}
        </Button>
        <Group gap={4}>
          <Button size="compact-xs" variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button size="compact-xs" onClick={save}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
