import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminUser, useUpdateUser } from '../../../api/settings';
import { FormError } from '../shared/FormError';
import { generatePassword } from '../shared/password';
import { SecretReveal } from '../shared/SecretReveal';

/** Gives a user who forgot their password a new random one, shown once to pass on. */
export function PasswordModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const update = useUpdateUser();
  const [password, setPassword] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start over when another user opens
  useEffect(() => {
    update.reset();
    setPassword(null);
  }, [user?.id]);

  const reset = () => {
    if (!user) return;
    const next = generatePassword();
    update.mutate(
      { id: user.id, version: user.version, password: next },
      { onSuccess: () => setPassword(next) },
    );
  };
  const name = user ? `${user.name} ${user.lastName}`.trim() : '';

  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.resetPassword')}>
      <Stack gap="sm">
        {password ? (
          <SecretReveal label={t('users.newPassword')} value={password} testId="user-password-once" />
        ) : (
          <Text size="sm">{t('users.resetPasswordMessage', { name })}</Text>
        )}
        <FormError error={update.error} />
        <Group justify="flex-end" gap="xs">
          {password ? (
            <Button onClick={onClose}>{t('done')}</Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose} data-autofocus>
                {t('actions.cancel', { ns: 'common' })}
              </Button>
              <Button
                color="red"
                loading={update.isPending}
                onClick={reset}
                data-testid="user-password-reset"
              >
                {t('users.resetPasswordSubmit')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
