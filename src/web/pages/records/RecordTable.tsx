// biome-ignore-all lint/a11y/useSemanticElements: a virtualized grid positions rows absolutely, which <table> layout cannot; ARIA roles keep it a table for assistive tech
// biome-ignore-all lint/a11y/useFocusableInteractive: rows are focusable (tabIndex) and headers hold focusable sort buttons
import { Center, Loader, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmRecord, EntityKind, Page } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { FieldValue, type RefData } from '../../components/FieldValue';
import type { ColumnDef } from './entities';
import classes from './RecordTable.module.css';

const ROW_HEIGHT = 34;
const CHECK_WIDTH = 36;

export interface ListProps {
  entity: EntityKind;
  rows: CrmRecord[];
  columns: ColumnDef[];
  refs: RefData;
  list: UseInfiniteQueryResult<InfiniteData<Page<CrmRecord>>>;
  onOpen: (id: number) => void;
  filtered: boolean;
}

/** A virtualized table: only visible rows are in the DOM, the next page loads as the end comes near. */
export function RecordTable(
  props: ListProps & {
    sort: string;
    label: (f: string) => string;
    onSort: (s: string) => void;
    onClearFilters: () => void;
    selected: Set<number>;
    onSelect: (ids: Set<number>) => void;
  },
) {
  const { rows, columns, refs, list, sort, onSort, onOpen, label, selected, onSelect } = props;
  // Rows are memoized: scrolling re-renders the table every frame, and only rows that enter the view
  // should render. The handlers they get stay the same function and read the latest state from a ref.
  const latest = useRef({ selected, onSelect, onOpen });
  latest.current = { selected, onSelect, onOpen };
  const toggle = useCallback((id: number) => {
    const next = new Set(latest.current.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    latest.current.onSelect(next);
  }, []);
  const onOpenRow = useCallback((id: number) => latest.current.onOpen(id), []);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const { t, i18n } = useTranslation(['common', 'fields', 'filters']);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 30 && list.hasNextPage && !list.isFetchingNextPage)
      void list.fetchNextPage();
  }, [lastIndex, rows.length, list]);

  const width = columns.reduce((s, c) => s + c.width, 0) + CHECK_WIDTH;
  const sortField = sort.split(',')[0]?.replace(/^-/, '');
  const desc = sort.startsWith('-');

  if (list.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (!rows.length) {
    return props.filtered ? (
      <EmptyState
        title={t('list.emptyTitle')}
        hint={t('list.emptyFiltered')}
        action={{ label: t('list.clearFilters'), onClick: props.onClearFilters }}
      />
    ) : (
      <EmptyState title={t('list.emptyTitle')} hint={t(`fields:emptyHint.${props.entity}`)} />
    );
  }
  return (
    <div ref={parent} className={classes.scroller} role="table" aria-rowcount={rows.length}>
      <div className={classes.header} style={{ minWidth: width }} role="row">
        <div className={classes.check} role="columnheader">
          <input
            type="checkbox"
            className={classes.rowCheck}
            aria-label={t('filters:bulk.selectAll')}
            checked={allSelected}
            ref={(el) => {
              if (el) el.indeterminate = !allSelected && selected.size > 0;
            }}
            onChange={() => onSelect(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
          />
        </div>
        {columns.map((c) => {
          const active = sortField === c.field;
          const sortable = c.sortable !== false;
          return (
            <div
              key={c.field}
              className={classes.th}
              style={{ width: c.width }}
              role="columnheader"
              aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}
            >
              {sortable ? (
                <UnstyledButton
                  className={classes.sortButton}
                  onClick={() => onSort(active && !desc ? `-${c.field}` : c.field)}
                >
                  <Text size="xs" fw={600} truncate>
                    {label(c.field)}
                  </Text>
                  {active &&
                    (desc ? (
                      <IconArrowDown size={12} aria-label={t('list.sortDesc')} />
                    ) : (
                      <IconArrowUp size={12} aria-label={t('list.sortAsc')} />
                    ))}
                </UnstyledButton>
              ) : (
                <Text size="xs" fw={600} truncate>
                  {label(c.field)}
                </Text>
              )}
            </div>
          );
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), minWidth: width, position: 'relative' }}>
        {items.map((v) => {
          const row = rows[v.index] as CrmRecord;
          return (
            <TableRow
              key={row.id}
              row={row}
              top={v.start}
              columns={columns}
              refs={refs}
              checked={selected.has(row.id)}
              language={i18n.language}
              onOpen={onOpenRow}
              onToggle={toggle}
              selectLabel={t('filters:bulk.selectRow')}
            />
          );
        })}
      </div>
      {list.isFetchingNextPage && (
        <Text size="xs" c="dimmed" p="xs">
          {t('list.loadingMore')}
        </Text>
      )}
    </div>
  );
}

interface RowProps {
  row: CrmRecord;
  top: number;
  columns: ColumnDef[];
  refs: RefData;
  checked: boolean;
  /** Only to re-render the row's values when the language changes. */
  language: string;
  onOpen: (id: number) => void;
  onToggle: (id: number) => void;
  selectLabel: string;
}

const TableRow = memo(function TableRow({
  row,
  top,
  columns,
  refs,
  checked,
  onOpen,
  onToggle,
  selectLabel,
}: RowProps) {
  return (
    <div
      role="row"
      tabIndex={0}
      className={classes.row}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(row.id)}
      data-testid="list-row"
      aria-selected={checked}
    >
      <div className={classes.check} role="cell">
        <input
          type="checkbox"
          className={classes.rowCheck}
          aria-label={selectLabel}
          checked={checked}
          onClick={(e) => e.stopPropagation()}
          onChange={() => onToggle(row.id)}
        />
      </div>
      {columns.map((c) => (
        <div key={c.field} className={classes.td} style={{ width: c.width }} role="cell">
          <FieldValue col={c} record={row} refs={refs} />
        </div>
      ))}
    </div>
  );
});
