import { Loader, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BoardEntity, type BoardScope, useQuickAdd } from '../../api/kanban';
import { errorMessage } from '../../components/ErrorState';
import classes from './Kanban.module.css';

/** Type a title and press Enter: a new card appears at the top of the column. */
export function QuickAdd({
  entity,
  scope,
  columnId,
  columnName,
}: {
  entity: BoardEntity;
  scope: BoardScope;
  columnId: number;
  columnName: string;
}) {
  const { t } = useTranslation(['kanban', 'common']);
  const [title, setTitle] = useState('');
  const add = useQuickAdd(entity, scope);
  const submit = () => {
    const text = title.trim();
    if (!text || add.isPending) return;
    add.mutate(
      { title: text, columnId },
      {
        onSuccess: () => setTitle(''),
        onError: (err) =>
          notifications.show({
            color: 'red',
            title: t('quickAdd.failed'),
            message: errorMessage((k) => t(`common:${k}`), err),
          }),
      },
    );
  };
  return (
    <div className={classes.quickAdd}>
      <TextInput
        size="xs"
        value={title}
        maxLength={255}
        placeholder={t(`quickAdd.placeholder.${entity}`)}
        aria-label={t('quickAdd.label', { column: columnName })}
        onChange={(e) => setTitle(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit();
          if (e.key === 'Escape') setTitle('');
        }}
        rightSection={add.isPending ? <Loader size={12} /> : null}
        data-testid={`kanban-quick-add-${columnId}`}
      />
    </div>
  );
}
