import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { BoardLayout } from './board';
import { parseDropId } from './board';
import type { DragData } from './KanbanCard';

/** Why a move was refused, in words the user can act on. */
export function moveFailure(t: TFunction<'kanban'>, error: unknown, title: string): string {
  if (!(error instanceof ApiError)) return t('errors.generic', { title });
  if (error.status === 0) return t('errors.network', { title });
  if (error.status === 409) return t('errors.conflict', { title });
  if (error.status === 403) return t('errors.forbidden', { title });
  if (error.status === 404) return t('errors.notFound', { title });
  if (error.status === 400) return t('errors.invalid', { title, message: error.message });
  return t('errors.generic', { title });
}

/** Name of a column or zone from its droppable id. */
export function targetName(layout: BoardLayout, dropId: string | number | undefined): string {
  const target = dropId === undefined ? null : parseDropId(dropId);
  if (!target) return '';
  const all = [...layout.columns, ...layout.zones];
  return all.find((c) => c.id === target.id)?.name ?? '';
}

/** What a screen reader hears while a card is dragged, in the user's language. */
export function dndAccessibility(
  t: TFunction<'kanban'>,
  layout: BoardLayout,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const title = (data: unknown) => String((data as DragData | undefined)?.card.title ?? '');
  return {
    screenReaderInstructions: { draggable: t('dnd.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('dnd.pickedUp', { title: title(active.data.current) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('dnd.over', { title: title(active.data.current), target: targetName(layout, over.id) })
          : t('dnd.notOver', { title: title(active.data.current) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('dnd.dropped', { title: title(active.data.current), target: targetName(layout, over.id) })
          : t('dnd.droppedNowhere', { title: title(active.data.current) }),
      onDragCancel: ({ active }) => t('dnd.cancelled', { title: title(active.data.current) }),
    },
  };
}
