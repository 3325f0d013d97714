import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type UserInput, useDepartments, useRoles } from '../../../api/settings';
import { departmentOptions } from '../departments/tree';
import { fieldError } from '../shared/problem';

export const USER_FIELDS = ['email', 'name', 'lastName', 'roleId', 'departmentId', 'isAdmin', 'password'];

/** Who the user is and where they sit: the part of the form invite and edit share. */
export function UserFields({
  value,
  onChange,
  error,
}: {
  value: UserInput;
  onChange: (v: UserInput) => void;
  error: unknown;
}) {
  const { t } = useTranslation('settings');
  const roles = useRoles();
  const departments = useDepartments();
  const set = <K extends keyof UserInput>(key: K, v: UserInput[K]) => onChange({ ...value, [key]: v });
  const err = (f: string) => fieldError(error, f);
  return (
    <>
      <TextInput
        label={t('users.email')}
        type="email"
        value={value.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={err('email')}
        required
        data-autofocus
        data-testid="user-email"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('users.firstName')}
          value={value.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={err('name')}
          required
          data-testid="user-name"
        />
        <TextInput
          label={t('users.lastName')}
          value={value.lastName}
          onChange={(e) => set('lastName', e.currentTarget.value)}
          error={err('lastName')}
          data-testid="user-last-name"
        />
        <Select
          label={t('users.role')}
          data={(roles.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
          value={value.roleId === null ? null : String(value.roleId)}
          onChange={(v) => set('roleId', v ? Number(v) : null)}
          placeholder={roles.isPending ? t('loading') : t('users.noRole')}
          error={err('roleId')}
          clearable
          data-testid="user-role"
        />
        <Select
          label={t('users.department')}
          data={departmentOptions(departments.data ?? [])}
          value={value.departmentId === null ? null : String(value.departmentId)}
          onChange={(v) => set('departmentId', v ? Number(v) : null)}
          placeholder={departments.isPending ? t('loading') : t('users.noDepartment')}
          error={err('departmentId')}
          clearable
          searchable
          data-testid="user-department"
        />
      </SimpleGrid>
      <Checkbox
        label={t('users.isAdmin')}
        description={t('users.isAdminHint')}
        checked={value.isAdmin}
        onChange={(e) => set('isAdmin', e.currentTarget.checked)}
        data-testid="user-admin"
      />
    </>
  );
}
