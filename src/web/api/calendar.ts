import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, del, get, patch, post, qs } from './client';
import { type Department, settingsKeys } from './settings';
import type { ActivityKind, CrmEntity } from './timeline';

/**
 * The calendar (GET /api/v1/calendar), rescheduling from it (PATCH /api/v1/activities/:id) and the user's
 * iCal subscription (/api/v1/me/calendar-feed). Keys sit under ['calendar'], which live updates refresh on
 * any activity change.
 */
export interface CalendarActivity {
  id: number;
  version: number;
  type: ActivityKind;
  subject: string;
  description: string | null;
  startAt: string | null;
  endAt: string | null;
  deadline: string | null;
  /** When it is due: the start of a call or meeting, the deadline of an email or task. */
  dueAt: string;
  responsibleId: number;
  participantIds: number[];
  priority: 'low' | 'normal' | 'high';
  status: 'planned' | 'done' | 'cancelled';
  result: string | null;
  completedAt: string | null;
  ownerEntity: CrmEntity;
  ownerId: number;
  ownerTitle: string | null;
  commType: 'phone' | 'email' | null;
  commValue: string | null;
}

export interface CalendarAnswer {
  items: CalendarActivity[];
  /** The range held more activities than the answer: a shorter view shows them all. */
  truncated: boolean;
}

/** Whose activities: mine (and those I take part in), a colleague's, or a department's people. */
export type CalendarScope =
  | { kind: 'me' }
  | { kind: 'user'; id: number }
  | { kind: 'department'; id: number };

export const calendarKeys = {
  all: ['calendar'] as const,
  events: ['calendar', 'events'] as const,
  range: (scope: CalendarScope, from: string, to: string) => ['calendar', 'events', scope, from, to] as const,
  feed: ['calendar', 'feed'] as const,
};

export const isTimedKind = (type: string) => type === 'call' || type === 'meeting';

export function useCalendar(scope: CalendarScope, range: { from: string; to: string }) {
  return useQuery({
    queryKey: calendarKeys.range(scope, range.from, range.to),
    queryFn: () =>
      get<CalendarAnswer>(
        `/api/v1/calendar${qs({
          from: range.from,
          to: range.to,
          userId: scope.kind === 'user' ? scope.id : undefined,
          departmentId: scope.kind === 'department' ? scope.id : undefined,
        })}`,
      ),
    placeholderData: keepPreviousData,
    enabled: Boolean(range.from && range.to),
    // a calendar that is not there for the user (404, 403) stays so: say it at once
    retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status < 500),
  });
}

const shift = (iso: string | null, ms: number) =>
  iso === null ? null : new Date(Date.parse(iso) + ms).toISOString();

/** The activity as it will be once due at `dueAt`: its time block moves with it, keeping its length. */
export function movedActivity(a: CalendarActivity, dueAt: string): CalendarActivity {
  const delta = Date.parse(dueAt) - Date.parse(a.dueAt);
  const moved = { ...a, dueAt, startAt: shift(a.startAt, delta), endAt: shift(a.endAt, delta) };
  if (isTimedKind(a.type)) return { ...moved, startAt: dueAt };
  return { ...moved, deadline: dueAt };
}

/** The PATCH that makes an activity due at `dueAt`: a new start for calls and meetings, else a new deadline. */
export function rescheduleBody(a: CalendarActivity, dueAt: string): Record<string, unknown> {
  if (isTimedKind(a.type)) return { startAt: dueAt, version: a.version };
  const moved = movedActivity(a, dueAt);
  return { deadline: dueAt, ...(a.startAt ? { startAt: moved.startAt } : {}), version: a.version };
}

export interface RescheduleVars {
  activity: CalendarActivity;
  dueAt: string;
  /** The caller reports a failure itself. */
  silent?: boolean;
}

type Snapshot = [readonly unknown[], CalendarAnswer | undefined][];

const replaceIn = (data: CalendarAnswer | undefined, next: CalendarActivity) =>
  data && { ...data, items: data.items.map((x) => (x.id === next.id ? next : x)) };

/**
 * Reschedules an activity: it moves at once on every cached calendar, is saved in the background, and
 * goes back (and `onFailed` says why) when the server refuses.
 */
export function useReschedule(onFailed: (error: unknown, vars: RescheduleVars) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['calendar-move'],
    mutationFn: ({ activity, dueAt }: RescheduleVars) =>
      patch<CalendarActivity>(`/api/v1/activities/${activity.id}`, rescheduleBody(activity, dueAt)),
    onMutate: async ({ activity, dueAt }): Promise<Snapshot> => {
      await qc.cancelQueries({ queryKey: calendarKeys.events });
      const saved = qc.getQueriesData<CalendarAnswer>({ queryKey: calendarKeys.events });
      const moved = movedActivity(activity, dueAt);
      qc.setQueriesData<CalendarAnswer>({ queryKey: calendarKeys.events }, (d) => replaceIn(d, moved));
      return saved;
    },
    onSuccess: (saved) => {
      qc.setQueriesData<CalendarAnswer>({ queryKey: calendarKeys.events }, (d) => replaceIn(d, saved));
    },
    onError: (error, vars, saved) => {
      for (const [key, data] of saved ?? []) qc.setQueryData(key, data);
      onFailed(error, vars);
    },
    onSettled: () => {
      // the activity may have changed under us (409); lists and counters of activities depend on it too
      for (const queryKey of [calendarKeys.events, ['activities'], ['counters'], ['timeline']])
        void qc.invalidateQueries({ queryKey });
    },
  });
}

export interface FeedState {
  exists: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}
export interface FeedLink {
  url: string;
  webcalUrl: string;
  createdAt: string;
}

export const useCalendarFeed = (enabled = true) =>
  useQuery({
    queryKey: calendarKeys.feed,
    queryFn: () => get<FeedState>('/api/v1/me/calendar-feed'),
    enabled,
    // "last read" changes whenever a calendar app fetches the feed: ask again each time the dialog opens
    staleTime: 0,
  });

/** Creates the secret subscription URL (replacing any earlier one, which stops working). */
export function useCreateFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<FeedLink>('/api/v1/me/calendar-feed'),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}

export function useRevokeFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => del('/api/v1/me/calendar-feed'),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}

/** The department tree for the calendar's scope switcher (the settings screens share the cache). */
export const useDepartmentsFor = (enabled: boolean) =>
  useQuery({
    queryKey: settingsKeys.departments,
    queryFn: () => get<{ items: Department[] }>('/api/v1/departments').then((r) => r.items),
    enabled,
    staleTime: 5 * 60_000,
  });
