import {
  type Activators,
  type Collision,
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  type KeyboardSensorOptions,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { KeyboardEvent, PointerEvent } from 'react';

/**
 * Drag and drop of the board: a mouse or pen drags after 5 px, a finger after a long press (so a swipe
 * still scrolls the columns), the keyboard picks a card up with Space/Enter and moves it with arrows.
 */

/** Mouse and pen only: touch is left to TouchSensor, whose long press does not fight scrolling. */
class MousePointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: PointerEvent) =>
        nativeEvent.isPrimary && nativeEvent.button === 0 && nativeEvent.pointerType !== 'touch',
    },
  ];
}

/** Keys start a drag only on the card itself, so Enter on the title link still opens the record. */
class CardKeyboardSensor extends KeyboardSensor {
  static override activators: Activators<KeyboardSensorOptions> = KeyboardSensor.activators.map((a) => ({
    ...a,
    handler: (event: KeyboardEvent, options, context) =>
      event.target === event.currentTarget && a.handler(event, options, context),
  }));
}

/** Arrow keys jump to the next drop target in that direction (columns sideways, zones below). */
const jumpToTarget: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const dir = {
    [KeyboardCode.Right]: [1, 0],
    [KeyboardCode.Left]: [-1, 0],
    [KeyboardCode.Down]: [0, 1],
    [KeyboardCode.Up]: [0, -1],
  }[event.code];
  const rect = context.collisionRect;
  if (!dir || !rect) return undefined;
  event.preventDefault();
  const cx = rect.left + rect.width / 2;
  const cy = rect.top + rect.height / 2;
  let best: { x: number; y: number; score: number } | null = null;
  for (const container of context.droppableContainers.getEnabled()) {
    const r = context.droppableRects.get(container.id);
    if (!r) continue;
    // aim near the top of a tall column, at the middle of a zone
    const tx = r.left + r.width / 2;
    const ty = r.top + Math.min(r.height / 2, 60);
    const [dx, dy] = [tx - cx, ty - cy];
    const along = dx * (dir[0] ?? 0) + dy * (dir[1] ?? 0);
    if (along <= 4) continue;
    const across = Math.abs(dir[0] ? dy : dx);
    const score = along + across * 2;
    if (!best || score < best.score) best = { x: tx - rect.width / 2, y: ty - rect.height / 2, score };
  }
  return best ? { x: best.x, y: best.y } : currentCoordinates;
};

export function useBoardSensors() {
  return useSensors(
    useSensor(MousePointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(CardKeyboardSensor, { coordinateGetter: jumpToTarget }),
  );
}

/**
 * The target under the pointer (or under the card's centre when the keyboard drives). Zones float over
 * the bottom of the columns, so a zone under the pointer wins over the column behind it.
 */
export const boardCollision: CollisionDetection = ({
  droppableContainers,
  droppableRects,
  pointerCoordinates,
  collisionRect,
}) => {
  const p = pointerCoordinates ?? {
    x: collisionRect.left + collisionRect.width / 2,
    y: collisionRect.top + collisionRect.height / 2,
  };
  const hits: Collision[] = [];
  for (const c of droppableContainers) {
    const r = droppableRects.get(c.id);
    if (!r || c.disabled) continue;
    if (p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom) {
      hits.push({
        id: c.id,
        data: { droppableContainer: c, value: String(c.id).startsWith('zone:') ? 0 : 1 },
      });
    }
  }
  return hits.sort((a, b) => (a.data?.value as number) - (b.data?.value as number));
};
