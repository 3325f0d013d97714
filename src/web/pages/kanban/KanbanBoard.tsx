import { DndContext, type DragEndEvent, DragOverlay, type DragStartEvent } from '@dnd-kit/core';
import { notifications } from '@mantine/notifications';
import { useMutationState } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BoardScope, type BoardTotals, type MoveVars, useMoveCard } from '../../api/kanban';
import { useUsers } from '../../api/reference';
import type { CrmRecord } from '../../api/types';
import { type BoardLayout, parseDropId } from './board';
import { DropZones } from './DropZones';
import { boardCollision, useBoardSensors } from './dnd';
import classes from './Kanban.module.css';
import { CardOverlay, type DragData } from './KanbanCard';
import { KanbanColumn } from './KanbanColumn';
import { LostReasonModal } from './LostReasonModal';
import { MoveModal } from './MoveModal';
import { dndAccessibility, moveFailure } from './messages';
import { useBoardRights } from './useBoardRights';

const EMPTY_TOTALS: BoardTotals = {};
/** Scroll the board only when the pointer is really at its edge (the default 20% fights dropping on the last column). */
const AUTO_SCROLL = { threshold: { x: 0.08, y: 0.12 } };

/**
 * The board: columns side by side, cards dragged between them. A move shows at once and is saved in the
 * background; a refusal puts the card back and says why. Dropping on a lost stage asks for the reason.
 */
export function KanbanBoard({
  layout,
  scope,
  totals = EMPTY_TOTALS,
}: {
  layout: BoardLayout;
  scope: BoardScope;
  totals?: BoardTotals | undefined;
}) {
  const { entity } = layout;
  const { t } = useTranslation('kanban');
  const sensors = useBoardSensors();
  const users = useUsers();
  const { mayMove, mayCreate } = useBoardRights(entity);
  const [active, setActive] = useState<DragData | null>(null);
  const [lost, setLost] = useState<MoveVars | null>(null);
  const [picking, setPicking] = useState<Omit<DragData, 'company'> | null>(null);

  const onFailed = useCallback(
    (error: unknown, vars: MoveVars) =>
      notifications.show({
        color: 'red',
        title: t('errors.title'),
        message: moveFailure(t, error, String(vars.card.title ?? '')),
        autoClose: 8000,
      }),
    [t],
  );
  const move = useMoveCard(entity, scope, onFailed);
  const pendingIds = useMutationState({
    filters: { mutationKey: ['kanban-move', entity], status: 'pending' },
    select: (m) => (m.state.variables as MoveVars).card.id,
  });
  const pending = useMemo(() => new Set(pendingIds), [pendingIds]);
  const userNames = useMemo(
    () => new Map((users.data ?? []).map((u) => [u.id, `${u.name} ${u.lastName}`.trim()])),
    [users.data],
  );

  const { mutate } = move;
  const requestMove = useCallback(
    (card: CrmRecord, from: number, to: number) => {
      if (from === to) return;
      const zone = layout.zones.find((z) => z.id === to);
      if (zone?.semantics === 'lost') setLost({ card, from, to });
      else mutate({ card, from, to });
    },
    [layout.zones, mutate],
  );
  const openMove = useCallback((card: CrmRecord, from: number) => setPicking({ card, from }), []);

  const onDragStart = (e: DragStartEvent) => setActive((e.active.data.current as DragData) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    const data = e.active.data.current as DragData | undefined;
    const target = e.over ? parseDropId(e.over.id) : null;
    if (data && target) requestMove(data.card, data.from, target.id);
  };
  const accessibility = useMemo(() => dndAccessibility(t, layout), [t, layout]);
  const lostStage = layout.zones.find((z) => z.id === lost?.to);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollision}
      autoScroll={AUTO_SCROLL}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
      accessibility={accessibility}
    >
      <div className={classes.boardArea}>
        <section
          className={`${classes.board} ${active ? classes.dragging : ''}`}
          aria-label={t(`board.label.${entity}`)}
          data-testid="kanban-board"
        >
          {layout.columns.map((c) => (
            <KanbanColumn
              key={c.id}
              entity={entity}
              scope={scope}
              column={c}
              totals={totals[c.id]}
              dragging={active !== null}
              pending={pending}
              userNames={userNames}
              mayMove={mayMove}
              mayCreate={mayCreate}
              onMove={openMove}
            />
          ))}
        </section>
        {active && <DropZones zones={layout.zones} />}
      </div>
      <DragOverlay dropAnimation={null}>
        {active && (
          <CardOverlay
            entity={entity}
            card={active.card}
            company={active.company}
            responsible={userNames.get(active.card.responsibleId as number) ?? null}
          />
        )}
      </DragOverlay>
      <LostReasonModal
        dealTitle={lost ? String(lost.card.title ?? '') : null}
        stageName={lostStage?.name ?? ''}
        onCancel={() => setLost(null)}
        onConfirm={(reason) => {
          if (lost) mutate({ ...lost, note: t('lost.line', { reason }) });
          setLost(null);
        }}
      />
      <MoveModal
        layout={layout}
        title={picking ? String(picking.card.title ?? '') : null}
        from={picking?.from ?? null}
        onClose={() => setPicking(null)}
        onPick={(to) => {
          if (picking) requestMove(picking.card, picking.from, to);
          setPicking(null);
        }}
      />
    </DndContext>
  );
}
