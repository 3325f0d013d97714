import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';

/**
 * Asks before a destructive change. Cancel has the focus, so Enter does no harm; when the server refuses
 * (409 "stage has deals"), its reason stays in the dialog instead of vanishing in a toast.
 */
export function ConfirmAction({
  title,
  message,
  confirmLabel,
  onConfirm,
  children,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  children: (open: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setOpened(false);
    setError(null);
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {children(() => setOpened(true))}
      <Modal opened={opened} onClose={close} title={title} size="sm">
        <Stack gap="sm">
          <Text size="sm">{message}</Text>
          <FormError error={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} data-autofocus>
              {t('actions.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="confirm-action">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
