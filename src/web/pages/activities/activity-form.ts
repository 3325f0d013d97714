import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { activityCreate, activityUpdate } from '../../../shared/schemas/activities';
import type { Activity, ActivityOwner, ActivityPriority, ActivityType } from '../../api/activities';
import { isoToLocalInput, localInputToIso } from '../record/datetime-tz';
import { isTimed } from './activity-meta';

/**
 * The plan/edit form's state and the API bodies it becomes. Times are typed as wall-clock values in the
 * user's time zone ("2026-12-01T10:00") and sent as UTC instants. A change sends only what changed, so a
 * responsible who may not edit the record can still move their own activity.
 */
export interface FormState {
  type: ActivityType;
  subject: string;
  /** The user typed a subject: changing the type no longer rewrites it. */
  subjectEdited: boolean;
  when: string;
  /** Minutes a meeting lasts. */
  duration: number;
  responsibleId: number | null;
  priority: ActivityPriority;
  description: string;
  /** "phone:+374 10 123456", "email:anna@example.com" or "" for none. */
  comm: string;
  remind: number | null;
}

export const DEFAULT_DURATION = 60;

export function stateFromActivity(a: Activity, timeZone: string): FormState {
  const start = a.startAt ? Date.parse(a.startAt) : null;
  const end = a.endAt ? Date.parse(a.endAt) : null;
  return {
    type: a.type,
    subject: a.subject,
    subjectEdited: true,
    when: isoToLocalInput(isTimed(a.type) ? (a.startAt ?? a.dueAt) : a.dueAt, timeZone),
    duration:
      start !== null && end !== null && end > start ? Math.round((end - start) / 60_000) : DEFAULT_DURATION,
    responsibleId: a.responsibleId,
    priority: a.priority,
    description: a.description ?? '',
    comm: a.commType && a.commValue ? `${a.commType}:${a.commValue}` : '',
    remind: a.remindBeforeMinutes,
  };
}

export function splitComm(comm: string): { commType: 'phone' | 'email'; commValue: string } | null {
  const at = comm.indexOf(':');
  if (at < 0) return null;
  const type = comm.slice(0, at);
  return type === 'phone' || type === 'email' ? { commType: type, commValue: comm.slice(at + 1) } : null;
}

interface Timing {
  startAt: string | null;
  endAt: string | null;
  deadline: string | null;
}

/** The time fields of the form's type; null when the "when" field holds no valid time. */
function timingOf(s: FormState, timeZone: string): Timing | null {
  const at = localInputToIso(s.when, timeZone);
  if (!at) return null;
  if (!isTimed(s.type)) return { startAt: null, endAt: null, deadline: at };
  const endAt = s.type === 'meeting' ? new Date(Date.parse(at) + s.duration * 60_000).toISOString() : null;
  return { startAt: at, endAt, deadline: null };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

export type Built = { body: Record<string, unknown>; issues: FieldIssue[] };

function issuesOf(result: z.ZodSafeParseResult<unknown>): FieldIssue[] {
  return result.success
    ? []
    : result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

const whenIssue = (s: FormState): FieldIssue => ({
  field: isTimed(s.type) ? 'startAt' : 'deadline',
  message: 'is required',
});

/** POST /api/v1/activities, checked by the API's own schema first. */
export function createBody(
  s: FormState,
  owner: { entity: ActivityOwner; id: number },
  timeZone: string,
): Built {
  const timing = timingOf(s, timeZone);
  const comm = splitComm(s.comm);
  const body: Record<string, unknown> = {
    type: s.type,
    subject: s.subject.trim(),
    description: orNull(s.description),
    ...(timing ? (isTimed(s.type) ? { startAt: timing.startAt } : { deadline: timing.deadline }) : {}),
    ...(timing?.endAt ? { endAt: timing.endAt } : {}),
    ...(s.responsibleId !== null ? { responsibleId: s.responsibleId } : {}),
    priority: s.priority,
    ...(comm ?? {}),
    remindBeforeMinutes: s.remind,
    ownerEntity: owner.entity,
    ownerId: owner.id,
  };
  const issues = issuesOf(activityCreate.safeParse(body));
  if (!timing) issues.push(whenIssue(s));
  return { body, issues };
}

const sameInstant = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));

/** PATCH /api/v1/activities/:id with the fields that changed (the version is added by the mutation). */
export function changeBody(s: FormState, a: Activity, timeZone: string): Built {
  const body: Record<string, unknown> = {};
  const timing = timingOf(s, timeZone);
  const typeChanged = s.type !== a.type;
  if (typeChanged) body.type = s.type;
  if (s.subject.trim() !== a.subject) body.subject = s.subject.trim();
  if (orNull(s.description) !== a.description) body.description = orNull(s.description);
  if (s.priority !== a.priority) body.priority = s.priority;
  if (s.responsibleId !== null && s.responsibleId !== a.responsibleId) body.responsibleId = s.responsibleId;
  if (s.remind !== a.remindBeforeMinutes) body.remindBeforeMinutes = s.remind;
  if (timing) {
    if (isTimed(s.type)) {
      if (typeChanged || !sameInstant(timing.startAt, a.startAt)) body.startAt = timing.startAt;
      // a call keeps whatever end it has; a meeting's end follows its duration
      if (s.type === 'meeting' && (typeChanged || !sameInstant(timing.endAt, a.endAt)))
        body.endAt = timing.endAt;
      if (typeChanged && s.type === 'call') body.endAt = null;
    } else {
      if (typeChanged || !sameInstant(timing.deadline, a.dueAt)) body.deadline = timing.deadline;
      if (typeChanged) Object.assign(body, { startAt: null, endAt: null });
    }
  }
  const comm = splitComm(s.comm);
  if ((comm?.commType ?? null) !== a.commType || (comm?.commValue ?? null) !== a.commValue)
    Object.assign(body, comm ?? { commType: null, commValue: null });
  const issues = issuesOf(activityUpdate.safeParse(body));
  if (!timing) issues.push(whenIssue(s));
  return { body, issues };
}
