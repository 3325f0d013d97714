import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';
import { fieldError } from './problem';

/** Asks for one name (a new pipeline, a renamed role...) and keeps the server's objection in view. */
export function NameModal({
  opened,
  title,
  label,
  description,
  initial = '',
  submitLabel,
  onSubmit,
  onClose,
  testId,
}: {
  opened: boolean;
  title: string;
  label: string;
  description?: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (opened) {
      setName(initial);
      setError(null);
    }
  }, [opened, initial]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="sm">
      <form onSubmit={(e) => void submit(e)} data-testid={testId}>
        <Stack gap="sm">
          <TextInput
            label={label}
            description={description}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(error, 'name')}
            required
            maxLength={100}
            data-autofocus
            data-testid={`${testId}-name`}
          />
          <FormError error={error} fields={['name']} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim()} data-testid={`${testId}-submit`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
