import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from '../settings.module.css';

interface Item {
  id: number;
  name: string;
}

/**
 * A vertical list reordered by dragging its handles: with the mouse or a finger (after a few pixels, so
 * a tap still clicks), or with the keyboard (Space to lift, arrows to move, Space to drop, Esc to cancel).
 */
export function SortableList<T extends Item>({
  items,
  onReorder,
  renderRow,
  testId,
}: {
  items: T[];
  onReorder: (ids: number[]) => void;
  renderRow: (item: T, handle: ReactNode) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation('settings');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: UniqueIdentifier) => items.find((i) => i.id === id)?.name ?? '';
  const position = (id: UniqueIdentifier) => items.findIndex((i) => i.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.picked', { name: nameOf(active.id), position: position(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('dnd.over', { name: nameOf(active.id), position: position(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('dnd.dropped', { name: nameOf(active.id), position: position(over.id) }) : undefined,
    onDragCancel: ({ active }) => t('dnd.cancelled', { name: nameOf(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = items.map((i) => i.id);
    onReorder(arrayMove(ids, ids.indexOf(Number(active.id)), ids.indexOf(Number(over.id))));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        <div className={classes.list} data-testid={testId}>
          {items.map((item) => (
            <SortableRow key={item.id} item={item} renderRow={renderRow} />
          ))}
        </div>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow<T extends Item>({
  item,
  renderRow,
}: {
  item: T;
  renderRow: (item: T, handle: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation('settings');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: item.id });
  const handle = (
    <ActionIcon
      ref={setActivatorNodeRef}
      variant="subtle"
      color="gray"
      className={classes.handle}
      aria-label={t('dnd.handle', { name: item.name })}
      data-testid={`drag-handle-${item.id}`}
      {...attributes}
      {...listeners}
    >
      <IconGripVertical size={16} />
    </ActionIcon>
  );
  return (
    <div
      ref={setNodeRef}
      className={classes.sortableRow}
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {renderRow(item, handle)}
    </div>
  );
}
