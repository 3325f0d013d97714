import { Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminUser, type UserInput, useUpdateUser } from '../../../api/settings';
import { FormError } from '../shared/FormError';
import { USER_FIELDS, UserFields } from './UserFields';

/** Changes a colleague's name, email, role, department or administrator right. */
export function EditUserModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const update = useUpdateUser();
  const [form, setForm] = useState<UserInput | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill the form only when another user opens
  useEffect(() => {
    if (!user) return;
    update.reset();
    const { email, name, lastName, roleId, departmentId, isAdmin } = user;
    setForm({ email, name, lastName, roleId, departmentId, isAdmin });
  }, [user?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!user || !form) return;
    const body = {
      ...form,
      email: form.email.trim(),
      name: form.name.trim(),
      lastName: form.lastName.trim(),
    };
    update.mutate({ id: user.id, version: user.version, ...body }, { onSuccess: onClose });
  };

  return (
    <Modal opened={user !== null} onClose={onClose} title={t('users.editTitle')} size="lg">
      {form && (
        <form onSubmit={submit} data-testid="user-edit-form">
          <Stack gap="sm">
            <UserFields value={form} onChange={setForm} error={update.error} />
            <FormError error={update.error} fields={USER_FIELDS} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel', { ns: 'common' })}
              </Button>
              <Button
                type="submit"
                loading={update.isPending}
                disabled={!form.email.trim() || !form.name.trim()}
                data-testid="user-edit-submit"
              >
                {t('actions.save', { ns: 'common' })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
