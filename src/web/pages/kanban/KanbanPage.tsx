import { Center, Loader } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type BoardEntity, useBoardTotals } from '../../api/kanban';
import { useLeadStatuses, usePipelines } from '../../api/reference';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { dealLayout, leadLayout } from './board';
import classes from './Kanban.module.css';
import { KanbanBoard } from './KanbanBoard';
import { KanbanToolbar } from './KanbanToolbar';

/**
 * The deal board of one pipeline, or the lead board by status. Pipeline and search live in the URL
 * (?pipeline=2&q=acme) so a link reproduces the view.
 */
export default function KanbanPage({ entity }: { entity: BoardEntity }) {
  const { t } = useTranslation('kanban');
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const statuses = useLeadStatuses();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);

  useEffect(() => {
    const next = new URLSearchParams(params);
    if (debouncedQ) next.set('q', debouncedQ);
    else next.delete('q');
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [debouncedQ, params, setParams]);

  const wanted = Number(params.get('pipeline')) || null;
  const list = pipelines.data ?? [];
  const pipeline =
    entity === 'deal'
      ? (list.find((p) => p.id === wanted) ?? list.find((p) => p.isDefault) ?? list[0])
      : undefined;
  const layout = useMemo(
    () => (entity === 'deal' ? dealLayout(pipeline) : leadLayout(statuses.data ?? [])),
    [entity, pipeline, statuses.data],
  );
  const pipelineId = pipeline?.id ?? null;
  const scope = useMemo(() => ({ pipelineId, q: debouncedQ }), [pipelineId, debouncedQ]);
  const totals = useBoardTotals(entity, scope, entity === 'lead' || pipelineId !== null);
  const total = totals.data ? layout.columns.reduce((n, c) => n + (totals.data[c.id]?.count ?? 0), 0) : null;

  const ref = entity === 'deal' ? pipelines : statuses;
  const setPipeline = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('pipeline', String(id));
    setParams(next, { replace: true });
  };

  return (
    <div className={classes.page}>
      <KanbanToolbar
        entity={entity}
        total={total}
        pipelines={list}
        pipelineId={pipelineId}
        onPipeline={setPipeline}
        q={q}
        onQ={setQ}
      />
      {ref.isError ? (
        <ErrorState error={ref.error} onRetry={() => void ref.refetch()} />
      ) : ref.isPending ? (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      ) : layout.columns.length === 0 ? (
        <EmptyState
          title={entity === 'deal' ? t('board.noPipeline') : t('board.noStatuses')}
          hint={t('board.noPipelineHint')}
        />
      ) : (
        <KanbanBoard layout={layout} scope={scope} totals={totals.data} />
      )}
    </div>
  );
}
