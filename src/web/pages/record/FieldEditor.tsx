import { Autocomplete, Textarea, TextInput } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceEditor, MultiChoiceEditor } from './ChoiceEditors';
import { CommListEditor } from './CommListEditor';
import { isoToLocalInput, localInputToIso } from './datetime-tz';
import { normalizeDecimal, parseInteger, parseNumber } from './decimal';
import classes from './RecordPage.module.css';
import { useRecordPage } from './record-context';
import { type FieldSpec, MEASURES } from './record-layout';

export interface EditorProps {
  spec: FieldSpec;
  label: string;
  value: unknown;
  /** The message to show on the field (the API's, translated). */
  error: string | null;
  /** For list editors: messages per item path ("0.value"). */
  itemErrors: Record<string, string>;
  onCommit: (value: unknown) => void;
  onCancel: () => void;
}

/** Text typed → the API value, or a message when it cannot be one. */
type Parse = (text: string) => { value: unknown } | { error: string };

/** The input type and text conversions of the kinds edited as text. */
function useTextKind(spec: FieldSpec, customType: string | undefined) {
  const { t } = useTranslation('record');
  const { refs, record } = useRecordPage();
  const kind = spec.kind === 'custom' ? `custom:${customType}` : spec.kind;
  const empty = (text: string) => (text.trim() === '' ? { value: spec.nullable ? null : '' } : null);
  const plain: Parse = (text) => empty(text) ?? { value: text.trim() };
  switch (kind) {
    case 'money':
    case 'custom:money':
    case 'rate':
      return {
        type: 'text',
        inputMode: 'decimal' as const,
        toText: (v: unknown) => (v === null || v === undefined ? '' : String(v)),
        parse: ((text) => empty(text) ?? { value: normalizeDecimal(text) }) as Parse,
        suffix:
          kind === 'rate'
            ? '%'
            : kind === 'money'
              ? String(record[spec.currencyField ?? 'currency'] ?? '')
              : '',
      };
    case 'integer':
      return {
        type: 'text',
        inputMode: 'numeric' as const,
        toText: (v: unknown) => (v === null || v === undefined ? '' : String(v)),
        parse: ((text) => {
          const n = parseInteger(text);
          return empty(text) ?? (n === null ? { error: t('local.integer') } : { value: n });
        }) as Parse,
        suffix: '',
      };
    case 'custom:number':
      return {
        type: 'text',
        inputMode: 'decimal' as const,
        toText: (v: unknown) => (v === null || v === undefined ? '' : String(v)),
        parse: ((text) => {
          const n = parseNumber(text);
          return empty(text) ?? (n === null ? { error: t('local.number') } : { value: n });
        }) as Parse,
        suffix: '',
      };
    case 'date':
    case 'custom:date':
      return { type: 'date', toText: (v: unknown) => String(v ?? ''), parse: plain, suffix: '' };
    case 'datetime':
    case 'custom:datetime':
      return {
        type: 'datetime-local',
        toText: (v: unknown) => isoToLocalInput(v, refs.timeZone),
        parse: ((text) => {
          if (text.trim() === '') return { value: null };
          const iso = localInputToIso(text, refs.timeZone);
          return iso ? { value: iso } : { error: t('api.datetime') };
        }) as Parse,
        suffix: '',
      };
    case 'custom:url':
      return { type: 'url', toText: (v: unknown) => String(v ?? ''), parse: plain, suffix: '' };
    default:
      return { type: 'text', toText: (v: unknown) => String(v ?? ''), parse: plain, suffix: '' };
  }
}

/** Single-line and long text, numbers, money, dates: Enter or leaving the field saves, Escape cancels. */
function TextEditor({
  spec,
  label,
  value,
  error,
  onCommit,
  onCancel,
  customType,
}: EditorProps & { customType?: string }) {
  const k = useTextKind(spec, customType);
  const [text, setText] = useState(() => k.toText(value));
  const [localError, setLocalError] = useState<string | null>(null);
  const multiline = spec.kind === 'textarea' || customType === 'text';
  const commit = () => {
    const parsed = k.parse(text);
    if ('error' in parsed) setLocalError(parsed.error);
    else {
      setLocalError(null);
      onCommit(parsed.value);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    }
  };
  const common = {
    label,
    value: text,
    error: localError ?? error,
    autoFocus: true,
    size: 'xs' as const,
    classNames: { label: classes.fieldLabel },
    onKeyDown,
    onBlur: commit,
  };
  if (multiline)
    return (
      <Textarea
        {...common}
        autosize
        minRows={2}
        maxRows={12}
        onChange={(e) => setText(e.currentTarget.value)}
      />
    );
  if (spec.kind === 'measure') return <Autocomplete {...common} data={[...MEASURES]} onChange={setText} />;
  return (
    <TextInput
      {...common}
      type={k.type}
      inputMode={'inputMode' in k ? k.inputMode : undefined}
      rightSection={k.suffix ? <span className={classes.suffix}>{k.suffix}</span> : undefined}
      rightSectionWidth={k.suffix ? 44 : undefined}
      onChange={(e) => setText(e.currentTarget.value)}
    />
  );
}

const CHOICE_KINDS = new Set(['currency', 'user', 'source', 'code', 'pipeline', 'section']);

/** The editor a field's kind (or custom type) calls for. */
export function FieldEditor(props: EditorProps) {
  const { refs } = useRecordPage();
  const { spec } = props;
  if (spec.kind === 'comm') return <CommListEditor {...props} />;
  if (CHOICE_KINDS.has(spec.kind)) return <ChoiceEditor {...props} />;
  if (spec.kind === 'custom') {
    const def = refs.customFields.find((c) => c.apiName === spec.name);
    if (def?.type === 'enum' && def.multiple) return <MultiChoiceEditor {...props} />;
    if (def?.type === 'enum' || def?.type === 'user') return <ChoiceEditor {...props} />;
    return <TextEditor {...props} customType={def?.type} />;
  }
  return <TextEditor {...props} />;
}
