import { Alert, Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/session';
import { type AdminUser, useAdminUsers, useDepartments, useRoles } from '../../../api/settings';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../settings.module.css';
import { ListSkeleton } from '../shared/ListSkeleton';
import { problemText, problemTitle } from '../shared/problem';
import { SectionHeader } from '../shared/SectionHeader';
import { EditUserModal } from './EditUserModal';
import { InviteUserModal } from './InviteUserModal';
import { PasswordModal } from './PasswordModal';
import { UserRow } from './UserRow';

type Show = 'active' | 'inactive' | 'all';

/** The people who work in the CRM: invite, change role or department, deactivate (never delete). */
export default function UsersPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const users = useAdminUsers();
  const roles = useRoles();
  const departments = useDepartments();
  const [inviting, setInviting] = useState(false);
  // ids, not copies: after a 409 the fresh version from the refetch is the one sent next
  const [editingId, setEditingId] = useState<number | null>(null);
  const [passwordForId, setPasswordForId] = useState<number | null>(null);
  const byId = (id: number | null): AdminUser | null => users.data?.find((u) => u.id === id) ?? null;
  const [show, setShow] = useState<Show>('active');
  const [q, setQ] = useState('');

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (users.data ?? []).filter(
      (u) =>
        (show === 'all' || u.active === (show === 'active')) &&
        (!needle || `${u.name} ${u.lastName} ${u.email}`.toLowerCase().includes(needle)),
    );
  }, [users.data, show, q]);
  const onProblem = (err: unknown) =>
    notifications.show({ color: 'red', title: problemTitle(t, err), message: problemText(t, err) });

  return (
    <>
      <SectionHeader title={t('users.title')} hint={t('users.hint')}>
        <Button
          leftSection={<IconUserPlus size={16} />}
          onClick={() => setInviting(true)}
          data-testid="user-invite"
        >
          {t('users.invite')}
        </Button>
      </SectionHeader>
      <Group gap="xs" mb="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('users.show')}
          value={show}
          onChange={(v) => setShow(v as Show)}
          data={(['active', 'inactive', 'all'] as const).map((v) => ({
            value: v,
            label: t(`users.filter.${v}`),
          }))}
        />
        <TextInput
          className={classes.grow}
          maw={320}
          miw={180}
          leftSection={<IconSearch size={14} />}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="user-search"
        />
      </Group>
      {users.isPending ? (
        <ListSkeleton rows={4} height={46} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed" p="md" ta="center" data-testid="user-list-empty">
          {t('users.noneMatch')}
        </Text>
      ) : (
        <div className={classes.list} data-testid="user-list">
          {shown.map((u) => (
            <UserRow
              key={u.id}
              user={u}
              roleName={roles.data?.find((r) => r.id === u.roleId)?.name}
              departmentName={departments.data?.find((d) => d.id === u.departmentId)?.name}
              isMe={u.id === me.data?.id}
              timeZone={me.data?.timeZone ?? 'UTC'}
              onEdit={() => setEditingId(u.id)}
              onPassword={() => setPasswordForId(u.id)}
              onProblem={onProblem}
            />
          ))}
        </div>
      )}
      {users.data?.length === 1 && (
        <Alert variant="light" mt="md" title={t('users.aloneTitle')}>
          {t('users.aloneHint')}
        </Alert>
      )}
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
      <EditUserModal user={byId(editingId)} onClose={() => setEditingId(null)} />
      <PasswordModal user={byId(passwordForId)} onClose={() => setPasswordForId(null)} />
    </>
  );
}
