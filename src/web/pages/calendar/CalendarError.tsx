import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarScope } from '../../api/calendar';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../components/ErrorState';

/** Why the calendar could not be shown: someone else's calendar that is not there for the user, or a failure. */
export function CalendarError({
  error,
  scope,
  onRetry,
  onMine,
}: {
  error: unknown;
  scope: CalendarScope;
  onRetry: () => void;
  onMine: () => void;
}) {
  const { t } = useTranslation(['calendar', 'common']);
  const refused = error instanceof ApiError && (error.status === 404 || error.status === 403);
  const message =
    refused && scope.kind !== 'me'
      ? t(`calendar:scope.unavailable.${scope.kind}`)
      : errorMessage((k) => t(`common:${k}`), error);
  return (
    <Stack p="md" maw={560} gap="sm" data-testid="calendar-error">
      <Alert color="red" variant="light" role="alert">
        {message}
      </Alert>
      <Group gap="xs">
        {!refused && (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('common:actions.retry')}
          </Button>
        )}
        {scope.kind !== 'me' && (
          <Button variant="light" size="xs" onClick={onMine}>
            {t('calendar:scope.back')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
