import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconRotateClockwise, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Activity, useDeleteActivity, useReopenActivity } from '../../api/activities';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorMessage } from '../../components/ErrorState';
import { PlanActivityDialog } from './PlanActivityDialog';

/** The less frequent actions on an activity: edit, reopen a done one, delete (asked first). */
export function ActivityMenu({ activity }: { activity: Activity }) {
  const { t } = useTranslation(['activities', 'common']);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteActivity();
  const reopen = useReopenActivity();
  const fail = (err: unknown) =>
    notifications.show({
      color: 'red',
      message: errorMessage((k) => t(`common:${k}`), err),
      autoClose: 8000,
    });
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            aria-label={t('actions.more', { subject: activity.subject })}
            data-testid="activity-menu"
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            {t('actions.edit')}
          </Menu.Item>
          {activity.status !== 'planned' && (
            <Menu.Item
              leftSection={<IconRotateClockwise size={14} />}
              onClick={() =>
                reopen.mutate(activity, {
                  onSuccess: (a) =>
                    notifications.show({
                      color: 'teal',
                      message: t('done.reopened', { subject: a.subject }),
                    }),
                  onError: fail,
                })
              }
            >
              {t('actions.reopen')}
            </Menu.Item>
          )}
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(true)}>
            {t('actions.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <PlanActivityDialog opened={editing} onClose={() => setEditing(false)} activity={activity} />
      <ConfirmDialog
        opened={deleting}
        title={t('confirmDelete.title')}
        message={t('confirmDelete.message', { subject: activity.subject })}
        confirmLabel={t('actions.delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(activity, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('done.deleted') });
              setDeleting(false);
            },
            onError: (err) => {
              setDeleting(false);
              fail(err);
            },
          })
        }
      />
    </>
  );
}
