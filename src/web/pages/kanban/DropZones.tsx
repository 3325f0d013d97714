import { useDroppable } from '@dnd-kit/core';
import { IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type DropZone, zoneDropId } from './board';
import classes from './Kanban.module.css';

function Zone({ zone }: { zone: DropZone }) {
  const { setNodeRef, isOver } = useDroppable({ id: zoneDropId(zone.id) });
  const Icon = zone.semantics === 'won' ? IconTrophy : IconThumbDown;
  return (
    <div
      ref={setNodeRef}
      className={`${classes.zone} ${isOver ? classes.over : ''}`}
      style={{ '--zone-color': zone.color } as React.CSSProperties}
      data-testid={`kanban-zone-${zone.id}`}
      data-semantics={zone.semantics}
    >
      <Icon size={18} aria-hidden />
      {zone.name}
    </div>
  );
}

/** Won and lost stages, shown over the bottom of the board while a deal is dragged. */
export function DropZones({ zones }: { zones: DropZone[] }) {
  const { t } = useTranslation('kanban');
  if (!zones.length) return null;
  return (
    <section className={classes.zones} aria-label={t('zones.label')}>
      {zones.map((z) => (
        <Zone key={z.id} zone={z} />
      ))}
    </section>
  );
}
