import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe, useSignIn } from '../../api/session';

/** Sign-in. A wrong password, rate limiting and an expired session each get their own clear message. */
export default function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const [expired] = useState(() => {
    const was = sessionStorage.getItem('sevan.expired') === '1';
    sessionStorage.removeItem('sevan.expired');
    return was;
  });
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/deals';
  if (me.data) return <Navigate to={target} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(target, { replace: true }) });
  };
  const err = signIn.error;
  const message =
    err instanceof ApiError
      ? err.status === 401
        ? t('auth.wrong')
        : err.status === 429
          ? t('auth.rateLimited')
          : err.status === 0
            ? t('errors.network')
            : t('errors.generic')
      : null;

  return (
    <Center mih="100dvh" p="md" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <Paper component="form" onSubmit={submit} withBorder shadow="sm" p="lg" w="100%" maw={380} radius="md">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h3">
              {t('auth.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth.subtitle')}
            </Text>
          </div>
          {expired && !message && (
            <Alert color="yellow" variant="light" p="xs">
              {t('auth.expired')}
            </Alert>
          )}
          {message && (
            <Alert color="red" variant="light" p="xs" role="alert">
              {message}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            {t('auth.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
