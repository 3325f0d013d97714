import { ActionIcon, Loader, Switch, Text, Tooltip } from '@mantine/core';
import { IconLock, IconPencil } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldDisplay } from './FieldDisplay';
import { FieldEditor } from './FieldEditor';
import classes from './RecordPage.module.css';
import { useRecordPage } from './record-context';
import type { FieldSpec } from './record-layout';
import { useFieldLabel, useInlineEdit } from './useInlineEdit';

/** Yes/no fields switch and save in one click; no edit mode needed. */
function BooleanField({ spec, label }: { spec: FieldSpec; label: string }) {
  const { t } = useTranslation('common');
  const edit = useInlineEdit(spec);
  const on = Boolean(edit.value);
  return (
    <div className={classes.field} data-testid={`field-${spec.name}`}>
      <Text component="div" className={classes.fieldLabel} id={edit.labelId}>
        {label}
      </Text>
      <div className={classes.fieldValue}>
        <Switch
          size="xs"
          label={on ? t('common.yes') : t('common.no')}
          aria-labelledby={edit.labelId}
          checked={on}
          disabled={edit.readOnly || edit.saving}
          onChange={(e) => {
            edit.start();
            void edit.commit(e.currentTarget.checked);
          }}
          error={edit.error}
          classNames={{ label: classes.switchLabel }}
        />
      </div>
    </div>
  );
}

/**
 * One field of the record: its label and value; click the value (or its pencil, or press Enter on it) to
 * edit in place. Messages from the API stay on the field until the value is accepted.
 */
export function InlineField({ spec }: { spec: FieldSpec }) {
  const { t } = useTranslation('record');
  const { refs, locked } = useRecordPage();
  const label = useFieldLabel(spec);
  const edit = useInlineEdit(spec);
  const pencil = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // After Enter or Escape the editor is gone: give the focus back to the field, not to the page.
  useEffect(() => {
    if (wasEditing.current && !edit.editing && document.activeElement === document.body)
      pencil.current?.focus();
    wasEditing.current = edit.editing;
  }, [edit.editing]);
  const isBoolean =
    spec.kind === 'boolean' ||
    (spec.kind === 'custom' && refs.customFields.find((c) => c.apiName === spec.name)?.type === 'boolean');
  if (isBoolean) return <BooleanField spec={spec} label={label} />;
  const wide = spec.wide ? classes.wide : '';

  if (edit.editing) {
    // a list of phones needs room for a type and a value per line
    const room = spec.kind === 'comm' ? classes.wide : wide;
    return (
      <div className={`${classes.field} ${classes.editing} ${room}`} data-testid={`field-${spec.name}`}>
        <FieldEditor
          spec={spec}
          label={label}
          value={edit.value}
          error={edit.error}
          itemErrors={edit.itemErrors}
          onCommit={(v) => void edit.commit(v)}
          onCancel={edit.cancel}
        />
        {edit.saving && <Loader size={12} className={classes.savingMark} aria-label={t('saving')} />}
      </div>
    );
  }
  const lockedByRows = locked.has(spec.name);
  return (
    <div className={`${classes.field} ${wide}`} data-testid={`field-${spec.name}`}>
      <Text component="div" className={classes.fieldLabel} id={edit.labelId}>
        {label}
        {lockedByRows && (
          <Tooltip label={t('products.locked')} withArrow>
            <IconLock size={11} className={classes.lockMark} aria-label={t('products.locked')} />
          </Tooltip>
        )}
      </Text>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the pencil button is the keyboard way in */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the pencil button next to it handles the keyboard */}
      <div
        className={`${classes.fieldValue} ${edit.readOnly ? '' : classes.editable}`}
        onClick={(e) => {
          if (!(e.target as HTMLElement).closest('a')) edit.start();
        }}
      >
        <div className={classes.valueText}>
          <FieldDisplay spec={spec} value={edit.value} />
        </div>
        {!edit.readOnly && (
          <ActionIcon
            ref={pencil}
            variant="subtle"
            color="gray"
            size="sm"
            className={classes.pencil}
            onClick={(e) => {
              e.stopPropagation();
              edit.start();
            }}
            aria-label={t('edit', { field: label })}
            data-testid={`edit-${spec.name}`}
          >
            <IconPencil size={13} />
          </ActionIcon>
        )}
      </div>
    </div>
  );
}
