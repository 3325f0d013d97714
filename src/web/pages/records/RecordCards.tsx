import { Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmRecord } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { FieldValue } from '../../components/FieldValue';
import { ENTITY_UI } from './entities';
import type { ListProps } from './RecordTable';

const CARD_HEIGHT = 96;
const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** On a phone the list becomes cards: the title and the next few columns, one record per card. */
export function RecordCards({ entity, rows, columns, refs, list, onOpen, filtered }: ListProps) {
  const { t } = useTranslation(['common', 'fields']);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 10 && list.hasNextPage && !list.isFetchingNextPage)
      void list.fetchNextPage();
  }, [lastIndex, rows.length, list]);
  const titleField = ENTITY_UI[entity].titleField;
  const shownInTitle = entity === 'contact' ? [titleField, 'lastName'] : [titleField];
  const rest = columns.filter((c) => !shownInTitle.includes(c.field));

  if (list.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (!rows.length) {
    return (
      <EmptyState
        title={t('list.emptyTitle')}
        hint={filtered ? t('list.emptyFiltered') : t(`fields:emptyHint.${entity}`)}
      />
    );
  }
  return (
    <div ref={parent} style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((v) => {
          const row = rows[v.index] as CrmRecord;
          return (
            <Paper
              key={row.id}
              withBorder
              p="xs"
              radius="sm"
              onClick={() => onOpen(row.id)}
              data-testid="list-card"
              style={{
                position: 'absolute',
                top: 0,
                left: 8,
                right: 8,
                height: CARD_HEIGHT - 8,
                transform: `translateY(${v.start + 8}px)`,
                cursor: 'pointer',
              }}
            >
              <Text fw={600} size="sm" truncate>
                {String(row[titleField] ?? `#${row.id}`)}
                {entity === 'contact' && row.lastName ? ` ${String(row.lastName)}` : ''}
              </Text>
              <Stack gap={0} mt={2}>
                {rest
                  .filter((c) => !isEmpty(row[c.field]))
                  .slice(0, 3)
                  .map((c) => (
                    <Text key={c.field} size="xs" c="dimmed" truncate component="div">
                      <FieldValue col={c} record={row} refs={refs} />
                    </Text>
                  ))}
              </Stack>
            </Paper>
          );
        })}
      </div>
    </div>
  );
}
