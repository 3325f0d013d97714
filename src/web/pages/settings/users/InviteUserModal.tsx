import { ActionIcon, Button, Group, Modal, PasswordInput, Stack, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserInput, useCreateUser, useDepartments, useRoles } from '../../../api/settings';
import classes from '../settings.module.css';
import { FormError } from '../shared/FormError';
import { generatePassword } from '../shared/password';
import { fieldError } from '../shared/problem';
import { SecretReveal } from '../shared/SecretReveal';
import { USER_FIELDS, UserFields } from './UserFields';

const EMPTY: UserInput = {
  email: '',
  name: '',
  lastName: '',
  roleId: null,
  departmentId: null,
  isAdmin: false,
};

/**
 * Adds a colleague: who they are, their role and department, and a first password (a random one unless
 * the administrator types another). The password is shown once, to pass on; nobody can read it later.
 */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const create = useCreateUser();
  const roles = useRoles();
  const departments = useDepartments();
  const [form, setForm] = useState<UserInput>(EMPTY);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<{ email: string; password: string } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (!opened) return;
    create.reset();
    // a user without a role sees no records: start from the ordinary manager role and the whole company
    setForm({
      ...EMPTY,
      roleId: roles.data?.find((r) => r.code === 'sales_manager')?.id ?? null,
      departmentId: departments.data?.find((d) => d.parentId === null)?.id ?? null,
    });
    setPassword(generatePassword());
    setDone(null);
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...form,
      email: form.email.trim(),
      name: form.name.trim(),
      lastName: form.lastName.trim(),
    };
    create.mutate({ ...body, password }, { onSuccess: () => setDone({ email: body.email, password }) });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={done ? t('users.invited') : t('users.invite')} size="lg">
      {done ? (
        <Stack gap="sm" data-testid="user-invited">
          <Text size="sm">{t('users.invitedHint', { email: done.email })}</Text>
          <SecretReveal
            label={t('users.initialPassword')}
            value={done.password}
            testId="user-password-once"
          />
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="user-invited-close">
              {t('done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} data-testid="user-form">
          <Stack gap="sm">
            <UserFields value={form} onChange={setForm} error={create.error} />
            <PasswordInput
              label={t('users.initialPassword')}
              description={t('users.initialPasswordHint')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError(create.error, 'password')}
              required
              minLength={8}
              visible
              classNames={{ innerInput: classes.secret }}
              rightSectionWidth={64}
              rightSection={
                <Tooltip label={t('users.generate')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('users.generate')}
                    onClick={() => setPassword(generatePassword())}
                  >
                    <IconRefresh size={16} />
                  </ActionIcon>
                </Tooltip>
              }
              data-testid="user-password"
            />
            <FormError error={create.error} fields={USER_FIELDS} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel', { ns: 'common' })}
              </Button>
              <Button
                type="submit"
                loading={create.isPending}
                disabled={!form.email.trim() || !form.name.trim() || password.length < 8}
                data-testid="user-submit"
              >
                {t('users.inviteSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
