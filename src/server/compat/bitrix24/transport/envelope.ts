import type { Answer } from '../registry.js';

/**
 * The `time` object Bitrix24 puts in every success reply. Clients depend on it: the official JS SDK fails
 * on a reply without it, and it and other clients throttle on `operating` (always 0 here: no per-method
 * time budget is enforced).
 */
export interface TimeInfo {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating_reset_at: number;
  operating: number;
}

const isoWithOffset = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+00:00`;

export function timeInfo(startMs: number, finishMs = Date.now()): TimeInfo {
  const seconds = (finishMs - startMs) / 1000;
  return {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration: seconds,
    processing: seconds,
    date_start: isoWithOffset(startMs),
    date_finish: isoWithOffset(finishMs),
    operating_reset_at: Math.floor(startMs / 1000) + 600,
    operating: 0,
  };
}

/** `{result, total?, next?, time}` in the order Bitrix24 writes them. */
export function successBody(a: Answer, startMs: number) {
  return {
    result: a.result,
    ...(a.total === undefined ? {} : { total: a.total }),
    ...(a.next === undefined ? {} : { next: a.next }),
    time: timeInfo(startMs),
  };
}
