import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks why a deal was lost before it moves to a lost stage; the reason goes into its comments. */
export function LostReasonModal({
  dealTitle,
  stageName,
  onConfirm,
  onCancel,
}: {
  /** The deal being closed; null keeps the modal closed. */
  dealTitle: string | null;
  stageName: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['kanban', 'common']);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (dealTitle !== null) {
      setReason('');
      setTouched(false);
    }
  }, [dealTitle]);
  const text = reason.trim();
  const submit = () => {
    setTouched(true);
    if (text) onConfirm(text);
  };
  return (
    <Modal opened={dealTitle !== null} onClose={onCancel} title={t('lost.title')} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('lost.deal', { title: dealTitle ?? '' })} → {stageName}
          </Text>
          <Textarea
            label={t('lost.reason')}
            placeholder={t('lost.placeholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
            }}
            error={touched && !text ? t('lost.required') : undefined}
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            required
            data-testid="kanban-lost-reason"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" data-testid="kanban-lost-confirm">
              {t('lost.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
