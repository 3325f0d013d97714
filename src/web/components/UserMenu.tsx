import {
  Avatar,
  Menu,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  useMantineColorScheme,
} from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../api/session';
import type { Me } from '../api/types';
import { LANGUAGES, type Language, setLanguage } from '../i18n';

/** Who is signed in, language and theme switches, sign-out. */
export function UserMenu({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const initials = `${me.name.charAt(0)}${me.lastName.charAt(0)}`.toUpperCase();
  return (
    <Menu position="bottom-end" width={240} closeOnItemClick={false}>
      <Menu.Target>
        <UnstyledButton aria-label={t('user.menu')} data-testid="user-menu">
          <Avatar size={30} radius="xl" color="blue">
            {initials}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {`${me.name} ${me.lastName}`.trim()}
          </Text>
          <Text size="xs" c="dimmed">
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Stack gap={6} px="xs" py={4}>
          <Text size="xs" c="dimmed">
            {t('user.language')}
          </Text>
          <SegmentedControl
            size="xs"
            fullWidth
            value={i18n.language}
            onChange={(v) => void setLanguage(v as Language)}
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
            aria-label={t('user.language')}
          />
          <Text size="xs" c="dimmed">
            {t('user.theme')}
          </Text>
          <SegmentedControl
            size="xs"
            fullWidth
            value={colorScheme}
            onChange={(v) => setColorScheme(v as 'light' | 'dark' | 'auto')}
            data={[
              { value: 'light', label: t('user.light') },
              { value: 'dark', label: t('user.dark') },
              { value: 'auto', label: t('user.auto') },
            ]}
            aria-label={t('user.theme')}
          />
        </Stack>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
