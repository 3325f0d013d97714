import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteStage, useReorderStages } from '../../../api/settings';
import type { Pipeline, Stage } from '../../../api/types';
import classes from '../settings.module.css';
import { ConfirmAction } from '../shared/ConfirmAction';
import { problemText, problemTitle } from '../shared/problem';
import { RowAction } from '../shared/RowAction';
import { SemanticsBadge } from '../shared/SemanticsBadge';
import { SortableList } from '../shared/SortableList';
import { StageModal } from './StageModal';

/** The stages of one pipeline in kanban order: drag to reorder, edit, add, delete. */
export function StageList({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('settings');
  const reorder = useReorderStages(pipeline.id);
  const remove = useDeleteStage();
  const [editing, setEditing] = useState<Stage | 'new' | null>(null);

  const onReorder = (ids: number[]) =>
    reorder.mutate(ids, {
      onError: (err) =>
        notifications.show({
          color: 'red',
          title: t('stages.reorderFailed'),
          message: `${problemTitle(t, err)}: ${problemText(t, err)}`,
        }),
    });

  const row = (stage: Stage, handle: ReactNode) => (
    <div className={classes.row} data-indent="handle" data-testid={`stage-row-${stage.id}`}>
      {handle}
      <span className={classes.dot} style={{ background: stage.color }} aria-hidden />
      <div className={classes.main}>
        <Text size="sm" fw={500} truncate>
          {stage.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {stage.code}
        </Text>
      </div>
      <div className={classes.meta}>
        <SemanticsBadge semantics={stage.semantics} />
        <Text size="sm" c="dimmed" w={44} ta="right" aria-label={t('stages.probability')}>
          {stage.probability}%
        </Text>
      </div>
      <div className={classes.actions}>
        <RowAction label={t('stages.edit', { name: stage.name })} onClick={() => setEditing(stage)}>
          <IconPencil size={16} />
        </RowAction>
        <ConfirmAction
          title={t('stages.deleteTitle')}
          message={t('stages.deleteMessage', { name: stage.name })}
          confirmLabel={t('actions.delete', { ns: 'common' })}
          onConfirm={() => remove.mutateAsync({ pipelineId: pipeline.id, id: stage.id })}
        >
          {(open) => (
            <RowAction
              label={t('stages.delete', { name: stage.name })}
              color="red"
              onClick={open}
              testId={`stage-delete-${stage.id}`}
            >
              <IconTrash size={16} />
            </RowAction>
          )}
        </ConfirmAction>
      </div>
    </div>
  );

  return (
    <>
      <SortableList items={pipeline.stages} onReorder={onReorder} renderRow={row} testId="stage-list" />
      <Group justify="space-between" mt="sm" gap="xs">
        <Text size="xs" c="dimmed">
          {t('stages.dragHint')}
        </Text>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          data-testid="stage-create"
        >
          {t('stages.create')}
        </Button>
      </Group>
      <StageModal pipelineId={pipeline.id} stage={editing} onClose={() => setEditing(null)} />
    </>
  );
}
