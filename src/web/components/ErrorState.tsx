import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Turns an API error into the sentence a user can act on. */
export function errorMessage(t: (k: string) => string, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.status === 0) return t('errors.network');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status === 409) return t('errors.conflict');
  if (error.status === 400) return error.message || t('errors.validation');
  return t('errors.generic');
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack p="md" maw={560}>
      <Alert color="red" variant="light" role="alert">
        {errorMessage(t, error)}
      </Alert>
      {onRetry && (
        <Button variant="default" size="xs" w="fit-content" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      )}
    </Stack>
  );
}
