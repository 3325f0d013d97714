import { useDraggable } from '@dnd-kit/core';
import { ActionIcon } from '@mantine/core';
import { IconArrowsExchange, IconBuilding, IconCalendarPlus, IconUser } from '@tabler/icons-react';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardEntity } from '../../api/kanban';
import { type CrmRecord, ENTITY_PATH } from '../../api/types';
import { formatMoney } from '../../lib/format';
import { NextActivity } from '../activities/NextActivity';
import { PlanActivityDialog } from '../activities/PlanActivityDialog';
import classes from './KanbanCard.module.css';

/** What a dragged card carries: the record and the column it came from. */
export interface DragData {
  card: CrmRecord;
  from: number;
  company: string | null;
}

export interface CardView {
  entity: BoardEntity;
  card: CrmRecord;
  /** Company title (deals) or null while unknown. */
  company: string | null;
  responsible: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The card's content; also drawn under the pointer while dragging. */
export const CardBody = memo(function CardBody({
  entity,
  card,
  company,
  responsible,
  onMove,
  onPlan,
}: CardView & { onMove?: () => void; onPlan?: () => void }) {
  const { t } = useTranslation(['kanban', 'fields', 'activities']);
  const title = str(card.title) || t('card.untitled');
  const amount = str(card.amount);
  const person = entity === 'lead' ? `${str(card.name)} ${str(card.lastName)}`.trim() : '';
  return (
    <>
      <Link
        to={`/${ENTITY_PATH[entity]}/${card.id}`}
        className={classes.title}
        draggable={false}
        data-testid="kanban-card-title"
      >
        {title}
      </Link>
      {onMove && (
        <ActionIcon
          className={classes.menuButton}
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t('card.move')}
          title={t('card.move')}
          onPointerDown={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onClick={onMove}
        >
          <IconArrowsExchange size={14} />
        </ActionIcon>
      )}
      {person && (
        <div className={classes.meta}>
          <IconUser size={12} aria-hidden />
          <span>{person}</span>
        </div>
      )}
      {entity === 'deal' && typeof card.companyId === 'number' && (
        <div className={classes.meta}>
          <IconBuilding size={12} aria-hidden />
          <Link to={`/companies/${card.companyId}`} draggable={false} className={classes.company}>
            {company ?? `#${card.companyId}`}
          </Link>
        </div>
      )}
      {entity === 'lead' && str(card.companyTitle) && (
        <div className={classes.meta}>
          <IconBuilding size={12} aria-hidden />
          <span>{str(card.companyTitle)}</span>
        </div>
      )}
      <div className={classes.next}>
        <NextActivity
          entity={entity}
          id={card.id}
          at={str(card.nextActivityAt) || null}
          open={entity === 'deal' || card.statusSemantics === 'process'}
        />
        {onPlan && (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="xs"
            aria-label={t('activities:kanban.plan')}
            title={t('activities:kanban.plan')}
            onPointerDown={(e) => e.stopPropagation()}
            onKeyDown={(e) => e.stopPropagation()}
            onClick={onPlan}
            data-testid="kanban-plan-activity"
          >
            <IconCalendarPlus size={13} />
          </ActionIcon>
        )}
      </div>
      <div className={classes.footer}>
        <span className={classes.amount}>
          {amount && amount !== '0.00' ? formatMoney(amount, card.currency) : ''}
        </span>
        <span className={classes.responsible} title={t('fields:f.responsibleId')}>
          {responsible ?? t('card.unassigned')}
        </span>
      </div>
    </>
  );
});

/** The card under the pointer while it is dragged. */
export function CardOverlay(props: CardView) {
  return (
    <div className={`${classes.card} ${classes.overlay}`}>
      <CardBody {...props} />
    </div>
  );
}

export interface KanbanCardProps extends CardView {
  columnId: number;
  columnName: string;
  draggable: boolean;
  saving: boolean;
  onMove: (card: CrmRecord, from: number) => void;
}

/** A card on the board: drag it to another column, or use its move button. */
export const KanbanCard = memo(function KanbanCard(props: KanbanCardProps) {
  const { card, columnId, columnName, draggable, saving, onMove, ...view } = props;
  const { t } = useTranslation('kanban');
  const data: DragData = { card, from: columnId, company: view.company };
  const move = useCallback(() => onMove(card, columnId), [onMove, card, columnId]);
  const [planning, setPlanning] = useState(false);
  const plan = useCallback(() => setPlanning(true), []);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `card:${card.id}`,
    data,
    disabled: !draggable || saving,
    attributes: { roleDescription: t('card.roleDescription') },
  });
  const cls = [
    classes.card,
    isDragging ? classes.ghost : '',
    saving ? classes.saving : '',
    draggable ? '' : classes.locked,
  ].join(' ');
  return (
    <>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the spread dnd-kit attributes give the card role="button", which takes a label */}
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        className={cls}
        aria-label={t('card.label', { title: str(card.title), column: columnName })}
        aria-busy={saving || undefined}
        data-testid={`kanban-card-${card.id}`}
      >
        <CardBody
          {...view}
          card={card}
          onMove={draggable && !saving ? move : undefined}
          onPlan={draggable ? plan : undefined}
        />
      </div>
      {planning && (
        <PlanActivityDialog
          opened
          onClose={() => setPlanning(false)}
          owner={{ entity: view.entity, id: card.id, title: str(card.title) || `#${card.id}` }}
        />
      )}
    </>
  );
});
