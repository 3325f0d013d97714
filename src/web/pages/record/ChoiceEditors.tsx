import { Button, Group, MultiSelect, Select, Stack } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProps } from './FieldEditor';
import classes from './RecordPage.module.css';
import { useRecordPage } from './record-context';
import { CODE_LISTS } from './record-layout';

interface Option {
  value: string;
  label: string;
}

/** The choices of a field; the current value is always among them, even if no longer offered. */
function useOptions(props: EditorProps): { options: Option[]; numeric: boolean } {
  const { t } = useTranslation(['record', 'fields']);
  const { refs, currencies, sections } = useRecordPage();
  const { spec, value } = props;
  const users = (keep: unknown) =>
    refs.users
      .filter((u) => u.active || u.id === keep)
      .map((u) => ({ value: String(u.id), label: `${u.name} ${u.lastName}`.trim() || u.email }));
  const withCurrent = (options: Option[], numeric: boolean) => {
    const current = value === null || value === undefined || Array.isArray(value) ? null : String(value);
    if (current && !options.some((o) => o.value === current))
      options.push({ value: current, label: current });
    return { options, numeric };
  };
  switch (spec.kind) {
    case 'currency':
      return withCurrent(
        currencies.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` })),
        false,
      );
    case 'user':
      return withCurrent(users(value), true);
    case 'source':
      return withCurrent(
        refs.sources.map((s) => ({ value: String(s.id), label: s.name })),
        true,
      );
    case 'pipeline':
      return withCurrent(
        refs.pipelines.map((p) => ({ value: String(p.id), label: p.name })),
        true,
      );
    case 'section': {
      const byId = new Map(sections.map((s) => [s.id, s]));
      const path = (id: number): string => {
        const s = byId.get(id);
        const parent = s?.parentId ? byId.get(s.parentId) : undefined;
        return parent ? `${path(parent.id)} / ${s?.name}` : (s?.name ?? `#${id}`);
      };
      return withCurrent(
        sections.map((s) => ({ value: String(s.id), label: path(s.id) })),
        true,
      );
    }
    case 'code': {
      const list = spec.codes ?? 'contactType';
      return withCurrent(
        CODE_LISTS[list].map((c) => ({ value: c, label: t(`codes.${list}.${c}`) })),
        false,
      );
    }
    default: {
      const def = refs.customFields.find((c) => c.apiName === spec.name);
      if (def?.type === 'user') return withCurrent(users(value), true);
      return withCurrent(
        (def?.options ?? []).map((o) => ({ value: String(o.id), label: o.label })),
        true,
      );
    }
  }
}

const escapeCancels = (onCancel: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Escape' && !e.defaultPrevented) onCancel();
};

/** One choice from a list: picking saves at once; leaving the field or Escape cancels. */
export function ChoiceEditor(props: EditorProps) {
  const { spec, label, value, error, onCommit, onCancel } = props;
  const { options, numeric } = useOptions(props);
  return (
    <Select
      label={label}
      classNames={{ label: classes.fieldLabel }}
      size="xs"
      data={options}
      value={value === null || value === undefined ? null : String(value)}
      onChange={(v) => onCommit(v === null ? null : numeric ? Number(v) : v)}
      searchable={options.length > 7}
      clearable={Boolean(spec.nullable)}
      defaultDropdownOpened
      autoFocus
      allowDeselect={false}
      error={error}
      onBlur={onCancel}
      onKeyDown={escapeCancels(onCancel)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Several choices (multiple enum custom fields): saved with the button, Escape cancels. */
export function MultiChoiceEditor(props: EditorProps) {
  const { label, value, error, onCommit, onCancel } = props;
  const { t } = useTranslation('common');
  const { options } = useOptions(props);
  const [picked, setPicked] = useState<string[]>(() => (Array.isArray(value) ? value.map(String) : []));
  return (
    <Stack gap={4}>
      <MultiSelect
        label={label}
        classNames={{ label: classes.fieldLabel }}
        size="xs"
        data={options}
        value={picked}
        onChange={setPicked}
        searchable
        autoFocus
        error={error}
        onKeyDown={escapeCancels(onCancel)}
      />
      <Group gap={4} justify="flex-end">
        <Button size="compact-xs" variant="default" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button size="compact-xs" onClick={() => onCommit(picked.map(Number))}>
          {t('actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}
