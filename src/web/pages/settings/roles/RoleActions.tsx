import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, useDeleteRole, useUpdateRole } from '../../../api/settings';
import { ConfirmAction } from '../shared/ConfirmAction';
import { NameModal } from '../shared/NameModal';

/** Rename or delete a role; the roles every installation starts with stay. */
export function RoleActions({ role }: { role: Role }) {
  const { t } = useTranslation('settings');
  const update = useUpdateRole();
  const remove = useDeleteRole();
  const [renaming, setRenaming] = useState(false);
  return (
    <>
      <ConfirmAction
        title={t('roles.deleteTitle')}
        message={t('roles.deleteMessage', { name: role.name })}
        confirmLabel={t('actions.delete', { ns: 'common' })}
        onConfirm={() => remove.mutateAsync(role.id)}
      >
        {(confirmDelete) => (
          <Menu position="bottom-start">
            <Menu.Target>
              <Button
                variant="default"
                rightSection={<IconChevronDown size={14} />}
                style={{ flex: 'none' }}
                mb={1}
                data-testid="role-actions"
              >
                {t('roles.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setRenaming(true)}>
                {t('roles.rename')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                disabled={role.isDefault}
                onClick={confirmDelete}
                data-testid="role-delete"
              >
                {role.isDefault ? t('roles.builtIn') : t('roles.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </ConfirmAction>
      <NameModal
        opened={renaming}
        title={t('roles.rename')}
        label={t('roles.name')}
        initial={role.name}
        submitLabel={t('actions.save', { ns: 'common' })}
        onClose={() => setRenaming(false)}
        onSubmit={(name) => update.mutateAsync({ id: role.id, version: role.version, name })}
        testId="role-rename-form"
      />
    </>
  );
}
