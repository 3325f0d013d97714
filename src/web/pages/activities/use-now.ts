import { useSyncExternalStore } from 'react';

/**
 * The current minute, shared by every component that shows "overdue" or "today": one timer for the whole
 * page (a board renders hundreds of cards), started while anything listens.
 */
const MINUTE = 60_000;
const listeners = new Set<() => void>();
let current = floorToMinute(Date.now());
let timer: ReturnType<typeof setTimeout> | undefined;

function floorToMinute(ms: number): Date {
  return new Date(Math.floor(ms / MINUTE) * MINUTE);
}

function tick(): void {
  current = floorToMinute(Date.now());
  for (const l of listeners) l();
  timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    current = floorToMinute(Date.now());
    timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearTimeout(timer);
  };
}

export function useNow(): Date {
  return useSyncExternalStore(subscribe, () => current);
}
