import { Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Permissions } from '../../../../shared/access';
import { useCreateRole, useRoles, useUpdateRole } from '../../../api/settings';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../settings.module.css';
import { FormError } from '../shared/FormError';
import { ListSkeleton } from '../shared/ListSkeleton';
import { NameModal } from '../shared/NameModal';
import { SectionHeader } from '../shared/SectionHeader';
import { RoleActions } from './RoleActions';
import { RoleMatrix } from './RoleMatrix';
import { ScopeLegend } from './ScopeLegend';

/** Roles and their rights: pick a role, set whose records it may read, create, change, delete, export. */
export default function RolesPage() {
  const { t } = useTranslation('settings');
  const roles = useRoles();
  const create = useCreateRole();
  const update = useUpdateRole();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const list = roles.data ?? [];
  const role = list.find((r) => String(r.id) === params.get('role')) ?? list[0];
  const [draft, setDraft] = useState<Permissions>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: a draft per role; a refetch of the same role keeps the edits
  useEffect(() => {
    if (role) setDraft(role.permissions);
    update.reset();
  }, [role?.id]);
  const dirty = role !== undefined && JSON.stringify(draft) !== JSON.stringify(role.permissions);
  const choose = (id: number) => setParams({ role: String(id) }, { replace: true });
  const save = () =>
    role &&
    update.mutate(
      { id: role.id, version: role.version, permissions: draft },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: t('roles.saved', { name: role.name }) }),
      },
    );

  return (
    <>
      <SectionHeader title={t('roles.title')} hint={t('roles.hint')}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setCreating(true)}
          data-testid="role-create"
        >
          {t('roles.create')}
        </Button>
      </SectionHeader>
      {roles.isPending ? (
        <ListSkeleton rows={6} />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : !role ? (
        <EmptyState
          title={t('roles.emptyTitle')}
          hint={t('roles.emptyHint')}
          action={{ label: t('roles.create'), onClick: () => setCreating(true) }}
        />
      ) : (
        <>
          <Group gap="xs" mb="sm" align="flex-end" wrap="nowrap">
            <Select
              label={t('roles.role')}
              data={list.map((r) => ({
                value: String(r.id),
                label: `${r.name} · ${t('roles.users', { count: r.userCount })}`,
              }))}
              value={String(role.id)}
              onChange={(v) => v && choose(Number(v))}
              allowDeselect={false}
              className={classes.picker}
              data-testid="role-select"
            />
            <RoleActions role={role} />
          </Group>
          <RoleMatrix permissions={draft} onChange={setDraft} />
          <FormError error={update.error} />
          <Group justify="space-between" mt="sm" gap="xs" className={classes.saveBar}>
            <Text size="xs" c={dirty ? 'orange' : 'dimmed'}>
              {dirty ? t('roles.unsaved') : t('roles.adminNote')}
            </Text>
            <Group gap="xs">
              <Button variant="default" disabled={!dirty} onClick={() => setDraft(role.permissions)}>
                {t('actions.reset', { ns: 'common' })}
              </Button>
              <Button disabled={!dirty} loading={update.isPending} onClick={save} data-testid="role-save">
                {t('actions.save', { ns: 'common' })}
              </Button>
            </Group>
          </Group>
          <ScopeLegend />
        </>
      )}
      <NameModal
        opened={creating}
        title={t('roles.create')}
        label={t('roles.name')}
        description={role ? t('roles.copyOf', { name: role.name }) : undefined}
        submitLabel={t('actions.create', { ns: 'common' })}
        onClose={() => setCreating(false)}
        onSubmit={async (name) =>
          choose((await create.mutateAsync({ name, permissions: role?.permissions ?? {} })).id)
        }
        testId="role-form"
      />
    </>
  );
}
