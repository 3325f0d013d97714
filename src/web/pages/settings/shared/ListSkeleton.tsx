import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The shape of a list while it loads, so the screen does not jump when it arrives. */
export function ListSkeleton({ rows = 5, height = 40 }: { rows?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} aria-busy="true" aria-label={t('common.loading')} data-testid="settings-loading">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity of their own
        <Skeleton key={i} h={height} radius="sm" />
      ))}
    </Stack>
  );
}
