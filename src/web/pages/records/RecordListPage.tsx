import { Button, Group, SegmentedControl, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useRecordList } from '../../api/records';
import { useRefData } from '../../api/ref-data';
import { useMe } from '../../api/session';
import { ENTITY_PATH, type EntityKind } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { formatNumber } from '../../lib/format';
import { BulkBar } from './BulkBar';
import { ColumnPicker } from './ColumnPicker';
import { CreateRecordModal } from './CreateRecordModal';
import { type ColumnDef, ENTITY_UI } from './entities';
import { FilterBuilder } from './FilterBuilder';
import { type Condition, decodeConditions, encodeConditions, toApiFilter } from './filter-model';
import { RecordCards } from './RecordCards';
import classes from './RecordListPage.module.css';
import { RecordTable } from './RecordTable';
import { SavedFiltersMenu, type View } from './SavedFiltersMenu';

const NAV_KEY: Record<EntityKind, string> = {
  lead: 'nav.leads',
  deal: 'nav.deals',
  contact: 'nav.contacts',
  company: 'nav.companies',
  product: 'nav.products',
};

/**
 * The list of one entity: quick search, sortable columns of any field, infinite scroll over the API
 * cursor, the count. Search, sort and columns live in the URL, so a link reproduces the view.
 */
export default function RecordListPage({ entity }: { entity: EntityKind }) {
  const { t } = useTranslation(['common', 'fields']);
  const ui = ENTITY_UI[entity];
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const refs = useRefData(entity);
  const [creating, setCreating] = useState(false);
  const me = useMe();
  const [selected, setSelected] = useState<Set<number>>(new Set());

  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const sort = params.get('sort') ?? ui.defaultSort;
  const visible = params.get('cols')?.split(',').filter(Boolean) ?? ui.defaultColumns;

  useEffect(() => {
    const next = new URLSearchParams(params);
    if (debouncedQ) next.set('q', debouncedQ);
    else next.delete('q');
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [debouncedQ, params, setParams]);

  const allColumns: ColumnDef[] = useMemo(
    () => [
      ...ui.columns,
      ...refs.customFields.map((c) => ({
        field: c.apiName,
        kind: 'custom' as const,
        width: 150,
        sortable: !c.multiple,
      })),
    ],
    [ui.columns, refs.customFields],
  );
  const cols = params.get('cols');
  // the same array while the view is unchanged: list rows are memoized on it
  const columns = useMemo(
    () =>
      (cols?.split(',').filter(Boolean) ?? ui.defaultColumns)
        .map((f) => allColumns.find((c) => c.field === f))
        .filter((c): c is ColumnDef => Boolean(c)),
    [cols, ui.defaultColumns, allColumns],
  );
  const conditions = useMemo(() => decodeConditions(params.get('f')), [params]);
  const filter = toApiFilter(conditions, { field: ui.quickSearchField, text: debouncedQ });
  const list = useRecordList(entity, { filter, sort });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? null;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const open = (id: number) => navigate(`/${ENTITY_PATH[entity]}/${id}`);
  const applyView = (v: View) => {
    const next = new URLSearchParams(params);
    const f = encodeConditions(v.conditions);
    for (const [key, value] of [
      ['f', f],
      ['sort', v.sort],
      ['cols', v.columns?.join(',') ?? null],
    ] as const) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
    setSelected(new Set());
  };
  const setConditions = (c: Condition[]) =>
    applyView({ conditions: c, sort: params.get('sort'), columns: params.get('cols')?.split(',') ?? null });
  const label = (field: string) =>
    refs.customFields.find((c) => c.apiName === field)?.name ??
    t(`fields:f.${field}`, { defaultValue: field });
  const hasKanban = entity === 'deal' || entity === 'lead';

  return (
    <div className={classes.page}>
      <Group className={classes.toolbar} gap="xs" wrap="wrap">
        <Title order={1} size="h4">
          {t(NAV_KEY[entity])}
        </Title>
        {total !== null && (
          <Text size="sm" c="dimmed" data-testid="row-count">
            {t('list.rows', { count: total, n: formatNumber(total) })}
          </Text>
        )}
        {hasKanban && (
          <SegmentedControl
            size="xs"
            value="list"
            onChange={(v) =>
              v === 'kanban' &&
              navigate(
                `/${ENTITY_PATH[entity]}/kanban${debouncedQ ? `?q=${encodeURIComponent(debouncedQ)}` : ''}`,
              )
            }
            data={[
              { value: 'list', label: t('list.list') },
              { value: 'kanban', label: t('list.kanban') },
            ]}
          />
        )}
        <TextInput
          className={classes.search}
          size="xs"
          leftSection={<IconSearch size={14} />}
          placeholder={t('list.quickSearch')}
          aria-label={t('list.quickSearch')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <FilterBuilder
          columns={allColumns}
          refs={refs}
          label={label}
          value={conditions}
          onApply={setConditions}
        />
        {me.data && (
          <SavedFiltersMenu
            entity={entity}
            me={me.data.id}
            current={{
              conditions,
              sort: params.get('sort'),
              columns: params.get('cols')?.split(',') ?? null,
            }}
            onApply={applyView}
          />
        )}
        {!phone && (
          <ColumnPicker
            columns={allColumns}
            visible={visible}
            label={label}
            onChange={(cols) => setParam('cols', cols.join(','))}
            onReset={() => setParam('cols', null)}
          />
        )}
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
          {t(`fields:newRecord.${entity}`)}
        </Button>
      </Group>
      {selected.size > 0 && (
        <BulkBar entity={entity} ids={[...selected]} refs={refs} onDone={() => setSelected(new Set())} />
      )}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : phone ? (
        <RecordCards
          entity={entity}
          rows={rows}
          columns={columns}
          refs={refs}
          list={list}
          onOpen={open}
          filtered={Boolean(filter)}
        />
      ) : (
        <RecordTable
          entity={entity}
          rows={rows}
          columns={columns}
          refs={refs}
          list={list}
          sort={sort}
          label={label}
          onSort={(s) => setParam('sort', s)}
          onOpen={open}
          filtered={Boolean(filter)}
          onClearFilters={() => {
            setQ('');
            setConditions([]);
          }}
          selected={selected}
          onSelect={setSelected}
        />
      )}
      <CreateRecordModal
        entity={entity}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={open}
      />
    </div>
  );
}
