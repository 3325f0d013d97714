import { notifications } from '@mantine/notifications';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/errors';
import type { Comm } from '../../api/types';
import { apiMessageKey, issuesFor } from './api-messages';
import { useRecordPage } from './record-context';
import type { FieldSpec } from './record-layout';

/** Comparable form of a value: lists of phones etc. without their ids. */
const comparable = (v: unknown) =>
  JSON.stringify(
    Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && 'value' in x)
      ? (v as Comm[]).map((c) => ({ value: c.value, type: c.type }))
      : (v ?? null),
  );

/** An API message in the user's language (or as written when it is not a known one). */
export function useApiMessage() {
  const { t } = useTranslation('record');
  return (message: string) => {
    const known = apiMessageKey(message);
    return known ? t(known.key, known.values) : message;
  };
}

export function useFieldLabel(spec: FieldSpec): string {
  const { t } = useTranslation('fields');
  const { refs } = useRecordPage();
  if (spec.kind === 'custom')
    return refs.customFields.find((c) => c.apiName === spec.name)?.name ?? spec.name;
  return t(`f.${spec.name}`, { defaultValue: spec.name });
}

/**
 * The edit cycle of one field: open, commit (nothing is sent when nothing changed), show the API's
 * messages on the field and keep the editor open until the value is accepted or the user cancels.
 */
export function useInlineEdit(spec: FieldSpec) {
  const { record, save, locked } = useRecordPage();
  const { t } = useTranslation('fields');
  const translate = useApiMessage();
  const labelId = useId();
  const value = record[spec.name];
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [itemErrors, setItemErrors] = useState<Record<string, string>>({});
  const open = useRef(false);
  const busy = useRef(false);
  const readOnly = Boolean(spec.readOnly) || locked.has(spec.name);

  const reset = () => {
    setError(null);
    setItemErrors({});
  };
  const start = () => {
    if (readOnly) return;
    reset();
    open.current = true;
    setEditing(true);
  };
  const cancel = () => {
    if (busy.current) return;
    open.current = false;
    reset();
    setEditing(false);
  };
  const showIssues = (issues: FieldIssue[]) => {
    const mine = issuesFor(issues, spec.name);
    const items: Record<string, string> = {};
    const whole: string[] = [];
    for (const i of mine) {
      if (i.field === spec.name) whole.push(translate(i.message));
      else items[i.field.slice(spec.name.length + 1)] = translate(i.message);
    }
    // a refusal about another field (e.g. the stage a pipeline change implies) is still shown here
    for (const i of issues.filter((x) => !mine.includes(x)))
      whole.push(`${t(`f.${i.field}`, { defaultValue: i.field })}: ${translate(i.message)}`);
    setError(whole.length ? whole.join('; ') : null);
    setItemErrors(items);
  };
  const commit = async (next: unknown) => {
    if (!open.current || busy.current) return;
    if (comparable(next) === comparable(value)) return cancel();
    busy.current = true;
    setSaving(true);
    const outcome = await save({ [spec.name]: next });
    busy.current = false;
    setSaving(false);
    if (outcome.status === 'invalid') showIssues(outcome.issues);
    else if (outcome.status === 'failed') setError(outcome.message);
    else {
      open.current = false;
      reset();
      setEditing(false);
    }
  };
  return { value, editing, saving, error, itemErrors, readOnly, labelId, start, cancel, commit };
}

/** Saves a change made outside a field editor (a stage click, a link); refusals are announced. */
export function useReportedSave() {
  const { save } = useRecordPage();
  const { t } = useTranslation('fields');
  const translate = useApiMessage();
  return async (patch: Record<string, unknown>) => {
    const outcome = await save(patch);
    if (outcome.status === 'invalid') {
      notifications.show({
        color: 'red',
        message: outcome.issues
          .map((i) => `${t(`f.${i.field}`, { defaultValue: i.field })}: ${translate(i.message)}`)
          .join('; '),
      });
    }
    return outcome;
  };
}
