import { ActionIcon, Anchor, Badge, Button, Group, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowsSplit, IconChevronLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENTITY_PATH } from '../../api/types';
import { DeleteRecordButton } from './DeleteRecordButton';
import classes from './RecordHeader.module.css';
import { useRecordPage } from './record-context';
import { RECORD_UI } from './record-layout';
import { recordTitle } from './record-text';
import { useInlineEdit } from './useInlineEdit';

const NAV_KEY = {
  lead: 'leads',
  deal: 'deals',
  contact: 'contacts',
  company: 'companies',
  product: 'products',
} as const;

/** The record's name, edited in place like any field (Enter saves, Escape cancels). */
function EditableTitle({ field }: { field: string }) {
  const { t } = useTranslation(['record', 'fields']);
  const edit = useInlineEdit({ name: field, kind: 'text', nullable: false });
  const [text, setText] = useState('');
  const label = t(`fields:f.${field}`);
  if (edit.editing) {
    return (
      <TextInput
        className={classes.titleInput}
        size="md"
        value={text}
        autoFocus
        aria-label={label}
        error={edit.error}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => void edit.commit(text.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void edit.commit(text.trim());
          if (e.key === 'Escape') edit.cancel();
        }}
        data-testid={`field-${field}`}
      />
    );
  }
  const begin = () => {
    setText(String(edit.value ?? ''));
    edit.start();
  };
  return (
    <Group gap={4} wrap="nowrap" className={classes.titleRow} data-testid={`field-${field}`}>
      <Title order={1} size="h3" className={classes.title} onClick={begin}>
        {String(edit.value ?? '')}
      </Title>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        onClick={begin}
        aria-label={t('edit', { field: label })}
        data-testid={`edit-${field}`}
      >
        <IconPencil size={14} />
      </ActionIcon>
    </Group>
  );
}

/** Back to the list, the record's name, what it is, and the actions on the whole record. */
export function RecordHeader({ onConvert }: { onConvert: () => void }) {
  const { t } = useTranslation(['record', 'common', 'fields']);
  const { entity, record } = useRecordPage();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const titleField = RECORD_UI[entity].titleField;
  const canConvert = entity === 'lead' && record.statusSemantics !== 'converted';
  return (
    <header className={classes.header}>
      <Anchor component={Link} to={`/${ENTITY_PATH[entity]}`} size="xs" className={classes.back}>
        <IconChevronLeft size={14} />
        {t(`common:nav.${NAV_KEY[entity]}`)}
      </Anchor>
      <div className={classes.main}>
        {titleField ? (
          <EditableTitle field={titleField} />
        ) : (
          <Title order={1} size="h3" className={classes.title}>
            {recordTitle(entity, record)}
          </Title>
        )}
        <Group gap={6} wrap="nowrap" className={classes.meta}>
          <Badge variant="default" radius="sm" size="sm" className={classes.kind}>
            {t(`fields:entity.${entity}`)} #{record.id}
          </Badge>
        </Group>
        <Group gap={4} wrap="nowrap" className={classes.actions}>
          {canConvert && (
            <Button
              size="xs"
              leftSection={<IconArrowsSplit size={14} />}
              onClick={onConvert}
              data-testid="convert-button"
            >
              {t('convert.button')}
            </Button>
          )}
          <DeleteRecordButton compact={phone} />
        </Group>
      </div>
    </header>
  );
}
