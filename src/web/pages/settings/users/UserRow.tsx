import { ActionIcon, Avatar, Badge, Menu, Text } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type AdminUser, useUpdateUser } from '../../../api/settings';
import { formatDateTime } from '../../../lib/format';
import classes from '../settings.module.css';
import { ConfirmAction } from '../shared/ConfirmAction';

/** One colleague: who, which role and department, whether active; and what an administrator can do. */
export function UserRow({
  user,
  roleName,
  departmentName,
  isMe,
  timeZone,
  onEdit,
  onPassword,
  onProblem,
}: {
  user: AdminUser;
  roleName: string | undefined;
  departmentName: string | undefined;
  isMe: boolean;
  timeZone: string;
  onEdit: () => void;
  onPassword: () => void;
  onProblem: (err: unknown) => void;
}) {
  const { t } = useTranslation('settings');
  const update = useUpdateUser();
  const name = `${user.name} ${user.lastName}`.trim();
  const initials = `${user.name.charAt(0)}${user.lastName.charAt(0)}`.toUpperCase();
  const setActive = (active: boolean) => update.mutateAsync({ id: user.id, version: user.version, active });

  return (
    <div
      className={classes.row}
      data-indent="avatar"
      data-testid={`user-row-${user.id}`}
      data-active={user.active}
    >
      <Avatar size={32} radius="xl" color={user.active ? 'blue' : 'gray'}>
        {initials}
      </Avatar>
      <div className={classes.main}>
        <Text size="sm" fw={500} truncate c={user.active ? undefined : 'dimmed'}>
          {name}{' '}
          {isMe && (
            <Text span size="xs" c="dimmed">
              {t('users.you')}
            </Text>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {user.email}
          {' · '}
          {user.lastLoginAt
            ? t('users.lastLogin', { when: formatDateTime(user.lastLoginAt, timeZone) })
            : t('users.neverLoggedIn')}
        </Text>
      </div>
      <div className={classes.meta}>
        {!user.active && (
          <Badge variant="light" color="gray" size="sm" radius="sm" tt="none">
            {t('users.deactivated')}
          </Badge>
        )}
        {user.isAdmin && (
          <Badge variant="light" color="grape" size="sm" radius="sm" tt="none">
            {t('users.admin')}
          </Badge>
        )}
        <Badge variant="light" color="blue" size="sm" radius="sm" tt="none">
          {roleName ?? t('users.noRole')}
        </Badge>
        <Badge variant="outline" color="gray" size="sm" radius="sm" tt="none">
          {departmentName ?? t('users.noDepartment')}
        </Badge>
      </div>
      <div className={classes.actions}>
        <ConfirmAction
          title={t('users.deactivateTitle')}
          message={t('users.deactivateMessage', { name })}
          confirmLabel={t('users.deactivate')}
          onConfirm={() => setActive(false)}
        >
          {(confirmDeactivate) => (
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('users.actionsFor', { name })}
                  loading={update.isPending}
                  data-testid={`user-actions-${user.id}`}
                >
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit} data-testid="user-edit">
                  {t('users.edit')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconKey size={16} />}
                  onClick={onPassword}
                  data-testid="user-password"
                >
                  {t('users.resetPassword')}
                </Menu.Item>
                {!isMe && (
                  <>
                    <Menu.Divider />
                    {user.active ? (
                      <Menu.Item
                        color="red"
                        leftSection={<IconUserOff size={16} />}
                        onClick={confirmDeactivate}
                        data-testid="user-deactivate"
                      >
                        {t('users.deactivate')}
                      </Menu.Item>
                    ) : (
                      <Menu.Item
                        leftSection={<IconUserCheck size={16} />}
                        onClick={() => setActive(true).catch(onProblem)}
                        data-testid="user-reactivate"
                      >
                        {t('users.reactivate')}
                      </Menu.Item>
                    )}
                  </>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </ConfirmAction>
      </div>
    </div>
  );
}
