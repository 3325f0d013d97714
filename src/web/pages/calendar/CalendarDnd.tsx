import {
  type Announcements,
  type Collision,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  type ScreenReaderInstructions,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import { type PointerEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarActivity } from '../../api/calendar';
import { instantAt } from './calendar-dates';
import { dueAtOf, parseDropId } from './calendar-drop';
import { dayMonth, formatTime } from './calendar-format';
import { startOf } from './calendar-layout';
import { ChipOverlay, type DragData } from './EventChip';

/**
 * Dragging activities to another time (a half-hour slot of the day and week views) or another day (a cell
 * of the month, keeping the time of day). A mouse drags after 5 px, a finger after a long press, so a
 * swipe still scrolls. The keyboard reschedules through the date field of the activity's details.
 */
class MousePointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: PointerEvent) =>
        nativeEvent.isPrimary && nativeEvent.button === 0 && nativeEvent.pointerType !== 'touch',
    },
  ];
}

/** Scroll the grid only when the pointer is really at its edge. */
const AUTO_SCROLL = { threshold: { x: 0.06, y: 0.08 } };

/**
 * The target under the pointer; for half-hour slots, under the top edge of the dragged block, so the
 * block starts where it is seen, wherever it was grabbed.
 */
const calendarCollision: CollisionDetection = ({
  droppableContainers,
  droppableRects,
  pointerCoordinates,
  collisionRect,
}) => {
  const p = pointerCoordinates ?? {
    x: collisionRect.left + collisionRect.width / 2,
    y: collisionRect.top + collisionRect.height / 2,
  };
  const top = { x: p.x, y: collisionRect.top + Math.min(6, collisionRect.height / 2) };
  const hits: Collision[] = [];
  for (const c of droppableContainers) {
    const r = droppableRects.get(c.id);
    if (!r || c.disabled) continue;
    const at = String(c.id).startsWith('slot|') ? top : p;
    if (at.x >= r.left && at.x < r.right && at.y >= r.top && at.y < r.bottom)
      hits.push({ id: c.id, data: { droppableContainer: c, value: 0 } });
  }
  return hits.slice(0, 1);
};

function targetName(t: TFunction<'calendar'>, id: string | number | undefined, timeZone: string): string {
  const target = id === undefined ? null : parseDropId(id);
  if (!target) return '';
  if (target.kind === 'day') return dayMonth(t, target.ymd);
  return `${dayMonth(t, target.ymd)} ${formatTime(instantAt(target.ymd, target.minutes, timeZone), timeZone)}`;
}

function dndAccessibility(
  t: TFunction<'calendar'>,
  timeZone: string,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const subject = (data: unknown) => (data as DragData | undefined)?.activity.subject ?? '';
  return {
    screenReaderInstructions: { draggable: t('dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('dnd.pickedUp', { subject: subject(active.data.current) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('dnd.over', { subject: subject(active.data.current), target: targetName(t, over.id, timeZone) })
          : t('dnd.notOver', { subject: subject(active.data.current) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('dnd.dropped', {
              subject: subject(active.data.current),
              target: targetName(t, over.id, timeZone),
            })
          : t('dnd.cancelled', { subject: subject(active.data.current) }),
      onDragCancel: ({ active }) => t('dnd.cancelled', { subject: subject(active.data.current) }),
    },
  };
}

export function CalendarDnd({
  timeZone,
  onMove,
  children,
}: {
  timeZone: string;
  onMove: (activity: CalendarActivity, dueAt: string) => void;
  children: (wasDragged: () => boolean) => ReactNode;
}) {
  const { t } = useTranslation('calendar');
  const sensors = useSensors(
    useSensor(MousePointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );
  const [active, setActive] = useState<DragData | null>(null);
  const endedAt = useRef(0);
  // a click right after a drop belongs to the drag, not to opening the activity
  const wasDragged = () => Date.now() - endedAt.current < 250;

  const onDragStart = (e: DragStartEvent) => setActive((e.active.data.current as DragData) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    endedAt.current = Date.now();
    const data = e.active.data.current as DragData | undefined;
    const target = e.over ? parseDropId(e.over.id) : null;
    if (!data || !target) return;
    const dueAt = dueAtOf(data.activity, target, timeZone);
    if (dueAt && Date.parse(dueAt) !== Date.parse(startOf(data.activity))) onMove(data.activity, dueAt);
  };
  const accessibility = useMemo(() => dndAccessibility(t, timeZone), [t, timeZone]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={calendarCollision}
      autoScroll={AUTO_SCROLL}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
      accessibility={accessibility}
    >
      {children(wasDragged)}
      <DragOverlay dropAnimation={null}>{active && <ChipOverlay {...active} />}</DragOverlay>
    </DndContext>
  );
}
