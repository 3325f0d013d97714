import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconPencil, IconStar, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeletePipeline, useUpdatePipeline } from '../../../api/settings';
import type { Pipeline } from '../../../api/types';
import { ConfirmAction } from '../shared/ConfirmAction';
import { NameModal } from '../shared/NameModal';
import { problemText, problemTitle } from '../shared/problem';

/** Rename, make default, delete: what one does to a whole pipeline, kept in one menu. */
export function PipelineActions({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('settings');
  const update = useUpdatePipeline();
  const remove = useDeletePipeline();
  const [renaming, setRenaming] = useState(false);

  const makeDefault = () =>
    update.mutate(
      { id: pipeline.id, version: pipeline.version, isDefault: true },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('pipelines.madeDefault') }),
        onError: (err) =>
          notifications.show({ color: 'red', title: problemTitle(t, err), message: problemText(t, err) }),
      },
    );

  return (
    <>
      <ConfirmAction
        title={t('pipelines.deleteTitle')}
        message={t('pipelines.deleteMessage', { name: pipeline.name })}
        confirmLabel={t('actions.delete', { ns: 'common' })}
        onConfirm={() => remove.mutateAsync(pipeline.id)}
      >
        {(confirmDelete) => (
          <Menu position="bottom-start">
            <Menu.Target>
              <Button
                variant="default"
                rightSection={<IconChevronDown size={14} />}
                style={{ flex: 'none' }}
                mb={1}
                loading={update.isPending}
                data-testid="pipeline-actions"
              >
                {t('pipelines.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setRenaming(true)}>
                {t('pipelines.rename')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconStar size={16} />}
                disabled={pipeline.isDefault}
                onClick={makeDefault}
                data-testid="pipeline-make-default"
              >
                {t('pipelines.makeDefault')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={confirmDelete}
                data-testid="pipeline-delete"
              >
                {t('pipelines.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </ConfirmAction>
      <NameModal
        opened={renaming}
        title={t('pipelines.rename')}
        label={t('pipelines.name')}
        initial={pipeline.name}
        submitLabel={t('actions.save', { ns: 'common' })}
        onClose={() => setRenaming(false)}
        onSubmit={(name) => update.mutateAsync({ id: pipeline.id, version: pipeline.version, name })}
        testId="pipeline-rename-form"
      />
    </>
  );
}
