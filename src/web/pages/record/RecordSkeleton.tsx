import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './RecordPage.module.css';

/** The page's shape while the record loads, so nothing jumps when it arrives. */
export function RecordSkeleton() {
  const { t } = useTranslation('common');
  return (
    <div
      className={classes.page}
      role="status"
      aria-busy="true"
      aria-label={t('common.loading')}
      data-testid="record-loading"
    >
      <Stack gap={6} p="sm" pb={0}>
        <Skeleton h={12} w={80} />
        <Skeleton h={26} w="45%" />
        <Skeleton h={28} />
      </Stack>
      <div className={classes.layout}>
        <div className={classes.column}>
          <div className={`${classes.panel} ${classes.panelBody} ${classes.grid}`}>
            {Array.from({ length: 12 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders with nothing else to tell them apart
              <Stack key={i} gap={4} py={4}>
                <Skeleton h={10} w="40%" />
                <Skeleton h={16} w="80%" />
              </Stack>
            ))}
          </div>
        </div>
        <div className={classes.column}>
          <Skeleton h={120} />
          <Skeleton h={200} />
        </div>
      </div>
    </div>
  );
}
