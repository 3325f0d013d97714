import { Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApiToken } from '../../../api/settings';
import classes from '../settings.module.css';
import { FormError } from '../shared/FormError';
import { fieldError } from '../shared/problem';
import { SecretReveal } from '../shared/SecretReveal';

/** Names a new token (what will use it), then shows the token once, with how to send it. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (!opened) return;
    create.reset();
    setName('');
  }, [opened]);
  const token = create.data?.token;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim() });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={token ? t('tokens.created') : t('tokens.create')}
      size="lg"
    >
      {token ? (
        <Stack gap="sm" data-testid="api-token-created">
          <SecretReveal label={t('tokens.token')} value={token} testId="api-token-once" />
          <Text size="sm">{t('tokens.usage')}</Text>
          <Code block className={classes.wrapCode}>
            {`curl -H "Authorization: Bearer ${token}" \\\n  ${window.location.origin}/api/v1/deals`}
          </Code>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="api-token-close">
              {t('done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} data-testid="api-token-form">
          <Stack gap="sm">
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              placeholder={t('tokens.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(create.error, 'name')}
              required
              maxLength={100}
              data-autofocus
              data-testid="api-token-name"
            />
            <FormError error={create.error} fields={['name']} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel', { ns: 'common' })}
              </Button>
              <Button
                type="submit"
                loading={create.isPending}
                disabled={!name.trim()}
                data-testid="api-token-submit"
              >
                {t('actions.create', { ns: 'common' })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
