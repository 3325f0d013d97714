import { useDroppable } from '@dnd-kit/core';
import { Center, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BoardEntity,
  type BoardScope,
  type ColumnTotals,
  useColumnCards,
  useCompanyTitles,
} from '../../api/kanban';
import type { CrmRecord } from '../../api/types';
import { type BoardColumn, columnDropId } from './board';
import { ColumnHeader } from './ColumnHeader';
import classes from './Kanban.module.css';
import { KanbanCard } from './KanbanCard';
import { QuickAdd } from './QuickAdd';

export interface ColumnProps {
  entity: BoardEntity;
  scope: BoardScope;
  column: BoardColumn;
  totals: ColumnTotals | undefined;
  /** A card is being dragged somewhere on the board. */
  dragging: boolean;
  pending: ReadonlySet<number>;
  userNames: ReadonlyMap<number, string>;
  /** The user may change this card (from their role); others are shown but not draggable. */
  mayMove: (responsibleId: unknown) => boolean;
  mayCreate: boolean;
  onMove: (card: CrmRecord, from: number) => void;
}

const EMPTY: CrmRecord[] = [];

/**
 * One stage or status: header, quick add, and its cards. Only the cards in view are in the DOM, so a
 * column of hundreds scrolls and drags as lightly as a short one; the next page loads near the end.
 */
export const KanbanColumn = memo(function KanbanColumn(props: ColumnProps) {
  const { entity, scope, column, totals, dragging, pending, userNames, mayMove, mayCreate, onMove } = props;
  const { t } = useTranslation('kanban');
  const list = useColumnCards(entity, scope, column.id);
  const cards = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? EMPTY, [list.data]);
  const companyIds = useMemo(
    () =>
      entity === 'deal'
        ? [...new Set(cards.map((c) => c.companyId).filter((v): v is number => typeof v === 'number'))].sort(
            (a, b) => a - b,
          )
        : [],
    [entity, cards],
  );
  const companies = useCompanyTitles(companyIds);
  const { setNodeRef, isOver } = useDroppable({
    id: columnDropId(column.id),
    disabled: !column.droppable,
  });

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 92,
    overscan: 6,
    getItemKey: (i) => cards[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (lastIndex >= cards.length - 8 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, cards.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const headingId = `kanban-heading-${column.id}`;
  const cls = [
    classes.column,
    dragging && column.droppable ? classes.target : '',
    isOver ? classes.over : '',
    column.droppable ? '' : classes.closed,
  ].join(' ');

  return (
    <section
      ref={setNodeRef}
      className={cls}
      style={{ '--column-color': column.color } as React.CSSProperties}
      aria-labelledby={headingId}
      data-testid={`kanban-column-${column.id}`}
    >
      <ColumnHeader
        column={column}
        totals={totals}
        headingId={headingId}
        idlePipelineId={entity === 'deal' ? scope.pipelineId : null}
      />
      {column.canAdd && mayCreate && (
        <QuickAdd entity={entity} scope={scope} columnId={column.id} columnName={column.name} />
      )}
      <div ref={scroller} className={classes.body}>
        {list.isPending ? (
          <Center p="md">
            <Loader size="xs" />
          </Center>
        ) : cards.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" p="md">
            {scope.q ? t('column.emptyFiltered') : t(`column.empty.${entity}`)}
          </Text>
        ) : (
          <ul className={classes.list} style={{ height: virtualizer.getTotalSize() }}>
            {items.map((v) => {
              const card = cards[v.index] as CrmRecord;
              const responsible = userNames.get(card.responsibleId as number) ?? null;
              const company =
                typeof card.companyId === 'number' ? (companies.data?.[card.companyId] ?? null) : null;
              return (
                <li
                  key={v.key}
                  data-index={v.index}
                  ref={virtualizer.measureElement}
                  className={classes.item}
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  <KanbanCard
                    entity={entity}
                    card={card}
                    company={company}
                    responsible={responsible}
                    columnId={column.id}
                    columnName={column.name}
                    draggable={column.draggable && mayMove(card.responsibleId)}
                    saving={pending.has(card.id)}
                    onMove={onMove}
                  />
                </li>
              );
            })}
          </ul>
        )}
        {isFetchingNextPage && (
          <Text size="xs" c="dimmed" ta="center" pb="xs">
            {t('column.loadingMore')}
          </Text>
        )}
      </div>
    </section>
  );
});
