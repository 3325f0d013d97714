import { MultiSelect, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RefData } from '../../components/FieldValue';
import type { ColumnDef } from './entities';
import type { Condition } from './filter-model';

type Option = { value: string; label: string };

/** The choices for fields whose values are ids or codes; null for free-typed fields. */
function optionsFor(col: ColumnDef, refs: RefData, t: (k: string) => string): Option[] | null {
  switch (col.kind) {
    case 'user':
      return refs.users.map((u) => ({ value: String(u.id), label: `${u.name} ${u.lastName}`.trim() }));
    case 'stage':
      return refs.pipelines.flatMap((p) =>
        p.stages.map((s) => ({
          value: String(s.id),
          label: refs.pipelines.length > 1 ? `${p.name}: ${s.name}` : s.name,
        })),
      );
    case 'leadStatus':
      return refs.leadStatuses.map((s) => ({ value: String(s.id), label: s.name }));
    case 'pipeline':
      return refs.pipelines.map((p) => ({ value: String(p.id), label: p.name }));
    case 'source':
      return refs.sources.map((s) => ({ value: String(s.id), label: s.name }));
    case 'semantics':
      return ['process', 'won', 'lost'].map((v) => ({ value: v, label: t(`fields:semantics.${v}`) }));
    case 'boolean':
      return [
        { value: 'true', label: t('filters:yes') },
        { value: 'false', label: t('filters:no') },
      ];
    case 'custom': {
      const def = refs.customFields.find((c) => c.apiName === col.field);
      if (def?.type === 'enum') return def.options.map((o) => ({ value: String(o.id), label: o.label }));
      if (def?.type === 'boolean') return optionsFor({ ...col, kind: 'boolean' }, refs, t);
      if (def?.type === 'user') return optionsFor({ ...col, kind: 'user' }, refs, t);
      return null;
    }
    default:
      return null;
  }
}

const NUMERIC_IDS = new Set(['user', 'stage', 'leadStatus', 'pipeline', 'source', 'ref', 'custom']);

function fromOption(col: ColumnDef, v: string): string | number | boolean {
  if (v === 'true' || v === 'false') return v === 'true';
  return NUMERIC_IDS.has(col.kind) && /^\d+$/.test(v) ? Number(v) : v;
}

/** The value input of one condition, shaped by the field's kind. */
export function ConditionValue({
  col,
  cond,
  refs,
  onChange,
}: {
  col: ColumnDef;
  cond: Condition;
  refs: RefData;
  onChange: (value: Condition['value']) => void;
}) {
  const { t } = useTranslation(['filters', 'fields']);
  if (cond.op === 'isNull' || cond.op === 'notNull') return null;
  const options = optionsFor(col, refs, t);
  const label = t('filters:value');
  if (options && cond.op === 'in') {
    const value = Array.isArray(cond.value) ? cond.value.map(String) : [];
    return (
      <MultiSelect
        comboboxProps={{ withinPortal: false }}
        size="xs"
        aria-label={label}
        data={options}
        value={value}
        searchable
        onChange={(v) => onChange(v.map((x) => fromOption(col, x) as string | number))}
      />
    );
  }
  if (options) {
    const value = cond.value === null || cond.value === undefined ? null : String(cond.value);
    return (
      <Select
        comboboxProps={{ withinPortal: false }}
        size="xs"
        aria-label={label}
        data={options}
        value={value}
        searchable
        onChange={(v) => onChange(v === null ? null : fromOption(col, v))}
      />
    );
  }
  const type = col.kind === 'date' ? 'date' : col.kind === 'datetime' ? 'datetime-local' : 'text';
  const shown =
    typeof cond.value === 'string' && col.kind === 'datetime'
      ? cond.value.slice(0, 16)
      : String(cond.value ?? '');
  return (
    <TextInput
      size="xs"
      aria-label={label}
      type={type}
      inputMode={col.kind === 'money' || col.kind === 'number' ? 'decimal' : undefined}
      value={shown}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (col.kind === 'datetime') onChange(v ? new Date(v).toISOString() : '');
        else if (col.kind === 'number' && v !== '' && !Number.isNaN(Number(v))) onChange(Number(v));
        else onChange(v);
      }}
    />
  );
}
