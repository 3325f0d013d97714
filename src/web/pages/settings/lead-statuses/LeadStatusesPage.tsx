import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeadStatuses } from '../../../api/reference';
import { useDeleteLeadStatus, useReorderLeadStatuses } from '../../../api/settings';
import type { LeadStatus } from '../../../api/types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../settings.module.css';
import { DeleteRowAction } from '../shared/DeleteRowAction';
import { ListSkeleton } from '../shared/ListSkeleton';
import { problemText } from '../shared/problem';
import { RowAction } from '../shared/RowAction';
import { SectionHeader } from '../shared/SectionHeader';
import { SemanticsBadge } from '../shared/SemanticsBadge';
import { SortableList } from '../shared/SortableList';
import { LeadStatusModal } from './LeadStatusModal';

/** Lead statuses in the order leads move through them: drag to reorder, edit, add, delete. */
export default function LeadStatusesPage() {
  const { t } = useTranslation('settings');
  const statuses = useLeadStatuses();
  const reorder = useReorderLeadStatuses();
  const remove = useDeleteLeadStatus();
  const [editing, setEditing] = useState<LeadStatus | 'new' | null>(null);

  const onReorder = (ids: number[]) =>
    reorder.mutate(ids, {
      onError: (err) =>
        notifications.show({ color: 'red', title: t('stages.reorderFailed'), message: problemText(t, err) }),
    });

  const row = (status: LeadStatus, handle: ReactNode) => (
    <div className={classes.row} data-indent="handle" data-testid={`lead-status-row-${status.id}`}>
      {handle}
      <span className={classes.dot} style={{ background: status.color }} aria-hidden />
      <div className={classes.main}>
        <Text size="sm" fw={500} truncate>
          {status.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {status.code}
        </Text>
      </div>
      <div className={classes.meta}>
        <SemanticsBadge semantics={status.semantics} />
      </div>
      <div className={classes.actions}>
        <RowAction label={t('statuses.edit', { name: status.name })} onClick={() => setEditing(status)}>
          <IconPencil size={16} />
        </RowAction>
        <DeleteRowAction
          title={t('statuses.deleteTitle')}
          message={t('statuses.deleteMessage', { name: status.name })}
          confirmLabel={t('actions.delete', { ns: 'common' })}
          label={t('statuses.delete', { name: status.name })}
          testId={`lead-status-delete-${status.id}`}
          onConfirm={() => remove.mutateAsync(status.id)}
        />
      </div>
    </div>
  );

  return (
    <>
      <SectionHeader title={t('statuses.title')} hint={t('statuses.hint')}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          data-testid="lead-status-create"
        >
          {t('statuses.create')}
        </Button>
      </SectionHeader>
      {statuses.isPending ? (
        <ListSkeleton rows={5} />
      ) : statuses.isError ? (
        <ErrorState error={statuses.error} onRetry={() => void statuses.refetch()} />
      ) : statuses.data.length === 0 ? (
        <EmptyState
          title={t('statuses.emptyTitle')}
          hint={t('statuses.emptyHint')}
          action={{ label: t('statuses.create'), onClick: () => setEditing('new') }}
        />
      ) : (
        <>
          <SortableList
            items={statuses.data}
            onReorder={onReorder}
            renderRow={row}
            testId="lead-status-list"
          />
          <Text size="xs" c="dimmed" mt="sm">
            {t('stages.dragHint')}
          </Text>
        </>
      )}
      <LeadStatusModal status={editing} onClose={() => setEditing(null)} />
    </>
  );
}
