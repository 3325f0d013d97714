import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { del } from '../../api/client';
import { recordKeys } from '../../api/records';
import { ENTITY_PATH } from '../../api/types';
import { errorMessage } from '../../components/ErrorState';
import { useRecordPage } from './record-context';
import { recordTitle } from './record-text';

/** Delete, after saying exactly what goes; the failure, if any, stays in the dialog. */
export function DeleteRecordButton({ compact }: { compact: boolean }) {
  const { t } = useTranslation(['record', 'common', 'fields']);
  const { entity, record } = useRecordPage();
  const [opened, dialog] = useDisclosure(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const name = recordTitle(entity, record);
  // Leave the page first, then refresh the lists: refreshing while still here would show "not found".
  const remove = useMutation({
    mutationFn: () => del(`/api/v1/${ENTITY_PATH[entity]}/${record.id}`),
    onSuccess: () => {
      dialog.close();
      navigate(`/${ENTITY_PATH[entity]}`, { replace: true });
      notifications.show({ message: t('delete.done', { name }) });
      qc.removeQueries({ queryKey: recordKeys.one(entity, record.id) });
      void qc.invalidateQueries({ queryKey: recordKeys.all(entity) });
    },
  });
  const confirm = () => remove.mutate();
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        // stays red in the dark scheme, where the subtle variant would draw it almost white
        c="red.6"
        leftSection={compact ? undefined : <IconTrash size={14} />}
        onClick={() => {
          remove.reset();
          dialog.open();
        }}
        aria-label={t('delete.button')}
        data-testid="delete-button"
      >
        {compact ? <IconTrash size={16} /> : t('delete.button')}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t(`delete.title.${entity}`)} size="sm">
        <Text size="sm">{t('delete.text', { name })}</Text>
        {remove.isError && (
          <Alert color="red" variant="light" mt="sm" role="alert">
            {errorMessage((k: string) => t(`common:${k}`), remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" onClick={dialog.close} data-autofocus>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending} data-testid="confirm-delete">
            {t('delete.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
