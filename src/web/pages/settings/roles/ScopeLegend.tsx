import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SCOPES } from '../../../../shared/access';

/** What each scope means, in words a sales head uses. */
export function ScopeLegend() {
  const { t } = useTranslation('settings');
  return (
    <Stack gap={2} mt="lg" maw={640}>
      <Text size="sm" fw={600}>
        {t('roles.legendTitle')}
      </Text>
      {SCOPES.map((s) => (
        <Text key={s} size="xs" c="dimmed">
          <Text span fw={600} size="xs" c="var(--mantine-color-text)">
            {t(`scopes.${s}`)}
          </Text>
          {' — '}
          {t(`scopeHints.${s}`)}
        </Text>
      ))}
    </Stack>
  );
}
