import type { FieldIssue } from '../../../shared/errors.js';
import type { ActivityRow } from './activity.fields.js';
import { isTimed } from './activity.fields.js';

/**
 * When an activity is due, from what the user gave: a call or meeting is due at its start, an email or
 * task at its deadline. A change of start keeps the duration unless a new end is given too.
 */
export interface TimingInput {
  type?: string | undefined;
  startAt?: string | null | undefined;
  endAt?: string | null | undefined;
  deadline?: string | null | undefined;
  remindBeforeMinutes?: number | null | undefined;
}

export interface Timing {
  start_at: string | null;
  end_at: string | null;
  due_at: string;
  remind_before_minutes: number | null;
  remind_at: string | null;
}

const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);
const ms = (v: string) => Date.parse(v);

export function deriveTiming(
  input: TimingInput,
  existing: ActivityRow | null,
  issues: FieldIssue[],
): Timing | null {
  const type = input.type ?? existing?.type ?? 'task';
  const timed = isTimed(type);
  const start = input.startAt !== undefined ? iso(input.startAt) : (existing?.start_at ?? null);
  let end = input.endAt !== undefined ? iso(input.endAt) : (existing?.end_at ?? null);
  if (
    existing &&
    input.startAt &&
    input.endAt === undefined &&
    existing.start_at &&
    existing.end_at &&
    start
  ) {
    end = new Date(ms(start) + (ms(existing.end_at) - ms(existing.start_at))).toISOString();
  }
  if (start === null && input.endAt === undefined) end = null;
  let due: string | null;
  if (timed) {
    if (input.deadline) {
      issues.push({ field: 'deadline', message: `a ${type} is due at its start; set startAt instead` });
    }
    if (!start) issues.push({ field: 'startAt', message: `is required for a ${type}` });
    due = start;
  } else {
    due = input.deadline !== undefined ? iso(input.deadline) : (existing?.due_at ?? null);
    if (!due)
      issues.push({ field: 'deadline', message: `is required for ${type === 'email' ? 'an' : 'a'} ${type}` });
  }
  if (end && !start) issues.push({ field: 'endAt', message: 'needs startAt' });
  if (end && start && ms(end) < ms(start))
    issues.push({ field: 'endAt', message: 'must not be before startAt' });
  const remind =
    input.remindBeforeMinutes !== undefined
      ? input.remindBeforeMinutes
      : (existing?.remind_before_minutes ?? null);
  if (!due) return null;
  return {
    start_at: start,
    end_at: end,
    due_at: due,
    remind_before_minutes: remind,
    remind_at: remind === null ? null : new Date(ms(due) - remind * 60_000).toISOString(),
  };
}
