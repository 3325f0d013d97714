import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/session';
import { type useDeliveries, useRetryDelivery } from '../../../api/webhooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ListSkeleton } from '../shared/ListSkeleton';
import { problemText, problemTitle } from '../shared/problem';
import { DeliveryCards } from './DeliveryCards';
import { DeliveryTable } from './DeliveryTable';

/** Asks for the next page when the end of the log scrolls into view. */
function useLoadMoreAt(more: boolean, load: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    const el = ref.current;
    if (!el || !more) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) latest.current();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [more]);
  return ref;
}

/**
 * The deliveries themselves: a table on wider screens, cards on a phone, older pages loaded as the end
 * scrolls into view (or by the button under the list, for keyboards), and a retry on each failure.
 */
export function DeliveryLog({
  webhookId,
  log,
  filtered,
}: {
  webhookId: number;
  log: ReturnType<typeof useDeliveries>;
  filtered: boolean;
}) {
  const { t } = useTranslation('integrations');
  const me = useMe();
  const phone = useMediaQuery('(max-width: 48em)');
  const retry = useRetryDelivery(webhookId);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;
  const sentinel = useLoadMoreAt(hasNextPage && !isFetchingNextPage, () => void fetchNextPage());
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const onRetry = (deliveryId: number) =>
    retry.mutate(deliveryId, {
      onError: (err) =>
        notifications.show({ color: 'red', title: problemTitle(t, err), message: problemText(t, err) }),
    });
  const listProps = {
    items,
    timeZone: me.data?.timeZone,
    retryingId: retry.isPending ? retry.variables : null,
    onRetry,
  };

  if (log.isPending) return <ListSkeleton rows={6} height={36} />;
  if (log.isError && !items.length)
    return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  if (!items.length)
    return (
      <EmptyState
        title={filtered ? t('log.emptyFilteredTitle') : t('log.emptyTitle')}
        hint={filtered ? t('log.emptyFilteredHint') : t('log.emptyHint')}
      />
    );
  return (
    <Stack gap="xs">
      {phone ? <DeliveryCards {...listProps} /> : <DeliveryTable {...listProps} />}
      {hasNextPage && (
        <Group ref={sentinel} justify="center" py="xs">
          {isFetchingNextPage ? (
            <Loader size="xs" aria-label={t('log.loadingMore')} />
          ) : (
            <Button size="compact-sm" variant="subtle" onClick={() => void fetchNextPage()}>
              {t('log.more')}
            </Button>
          )}
        </Group>
      )}
      {log.isError && <ErrorState error={log.error} onRetry={() => void log.refetch()} />}
      {!hasNextPage && items.length > 20 && (
        <Text size="xs" c="dimmed" ta="center">
          {t('log.end')}
        </Text>
      )}
    </Stack>
  );
}
