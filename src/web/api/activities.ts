import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ActivityOwner, ActivityStatus, ActivityType } from '../../shared/schemas/activities';
import { del, get, patch, post, qs } from './client';
import { counterKeys } from './counters';
import { recordKeys } from './records';
import type { Page } from './types';

/**
 * Activities (calls, meetings, emails, tasks on a lead, contact, company or deal): lists through the
 * shared filter language, the next activity of a deal or lead, and the changes a manager makes all day
 * (plan, reschedule, complete, reopen, delete). Keys sit under ['activities'], which live updates refresh
 * on any activity change; a change also refreshes the counters and its record (its next activity).
 */
export type { ActivityOwner, ActivityType };
export type ActivityPriority = 'low' | 'normal' | 'high';

export interface Activity {
  id: number;
  version: number;
  type: ActivityType;
  subject: string;
  description: string | null;
  startAt: string | null;
  endAt: string | null;
  deadline: string | null;
  /** When it is due: the start of a call or meeting, the deadline of an email or task. */
  dueAt: string;
  responsibleId: number;
  participantIds: number[];
  priority: ActivityPriority;
  status: ActivityStatus;
  result: string | null;
  completedAt: string | null;
  ownerEntity: ActivityOwner;
  ownerId: number;
  ownerTitle: string | null;
  commType: 'phone' | 'email' | null;
  commValue: string | null;
  remindBeforeMinutes: number | null;
  remindAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityListSpec {
  filter?: Record<string, unknown> | undefined;
  sort: string;
}

/** The next planned activity of a deal or lead, as its card or row says it ("Call tomorrow 10:00"). */
export interface NextActivityInfo {
  id: number;
  type: ActivityType;
  subject: string;
}

export const activityKeys = {
  all: ['activities'] as const,
  list: (spec: ActivityListSpec) => ['activities', 'list', spec] as const,
  ofRecord: (entity: ActivityOwner, id: number) => ['activities', 'record', entity, id] as const,
  next: (entity: ActivityOwner, id: number, at: string) => ['activities', 'next', entity, id, at] as const,
};

const BASE = '/api/v1/activities';
const PAGE = 50;

const listUrl = (spec: ActivityListSpec, cursor: string | null) =>
  `${BASE}${qs({
    filter: spec.filter ? JSON.stringify(spec.filter) : undefined,
    sort: spec.sort,
    limit: PAGE,
    cursor: cursor ?? undefined,
    total: cursor ? 'false' : undefined,
  })}`;

/** Pages of activities for a filter, following the API's cursor. */
export function useActivityList(spec: ActivityListSpec) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(spec),
    queryFn: ({ pageParam }) => get<Page<Activity>>(listUrl(spec, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The planned activities of one record, soonest first. */
export function useRecordActivities(entity: ActivityOwner, id: number) {
  return useQuery({
    queryKey: activityKeys.ofRecord(entity, id),
    queryFn: () =>
      get<Page<Activity>>(
        `${BASE}${qs({
          filter: JSON.stringify({ ownerEntity: entity, ownerId: id, status: 'planned' }),
          sort: 'dueAt',
          limit: 20,
        })}`,
      ),
  });
}

// --- the next activity of many cards or rows, fetched in one request per batch ---
// A board or a scrolling list mounts rows a few at a time: what mounts within BATCH_MS shares a request.

interface Pending {
  id: number;
  at: string;
  resolve: (value: NextActivityInfo | null) => void;
  reject: (error: unknown) => void;
}

const BATCH_MS = 100;
const BATCH_MAX = 150;
const queues = new Map<ActivityOwner, Pending[]>();

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

async function flush(entity: ActivityOwner): Promise<void> {
  const waiting = queues.get(entity) ?? [];
  queues.delete(entity);
  for (let i = 0; i < waiting.length; i += BATCH_MAX) {
    const chunk = waiting.slice(i, i + BATCH_MAX);
    // The records' own nextActivityAt narrows the answer to (about) one activity per record.
    const filter = {
      ownerEntity: entity,
      ownerId: { in: [...new Set(chunk.map((p) => p.id))] },
      status: 'planned',
      dueAt: { in: [...new Set(chunk.map((p) => p.at))] },
    };
    try {
      const page = await get<Page<Activity>>(
        `${BASE}${qs({
          filter: JSON.stringify(filter),
          sort: 'dueAt',
          limit: 500,
          fields: 'type,subject,ownerId,dueAt',
          total: 'false',
        })}`,
      );
      for (const p of chunk) {
        const hit = page.items.find((a) => a.ownerId === p.id && sameInstant(a.dueAt, p.at));
        p.resolve(hit ? { id: hit.id, type: hit.type, subject: hit.subject } : null);
      }
    } catch (error) {
      for (const p of chunk) p.reject(error);
    }
  }
}

function loadNext(entity: ActivityOwner, id: number, at: string): Promise<NextActivityInfo | null> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(entity);
    if (!queue) {
      queue = [];
      queues.set(entity, queue);
      setTimeout(() => void flush(entity), BATCH_MS);
    }
    queue.push({ id, at, resolve, reject });
  });
}

/**
 * What the record's next activity is (its type and subject), given the time the record carries. Cards and
 * rows that render together are answered by one request.
 */
export function useNextActivity(entity: ActivityOwner, id: number, at: string | null) {
  return useQuery({
    queryKey: activityKeys.next(entity, id, at ?? ''),
    queryFn: () => loadNext(entity, id, at as string),
    enabled: Boolean(at),
    staleTime: 60_000,
  });
}

// --- changes ---

/** What an activity change makes stale: activity lists, counters, and its record's next activity. */
function refreshAfter(qc: QueryClient, owner: ActivityOwner | undefined): void {
  void qc.invalidateQueries({ queryKey: activityKeys.all });
  void qc.invalidateQueries({ queryKey: counterKeys.all });
  void qc.invalidateQueries({ queryKey: ['timeline'] });
  void qc.invalidateQueries({ queryKey: ['calendar'] });
  if (owner === 'deal' || owner === 'lead') void qc.invalidateQueries({ queryKey: recordKeys.all(owner) });
}

export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      post<Activity>(BASE, body, { 'idempotency-key': crypto.randomUUID() }),
    onSuccess: (a) => refreshAfter(qc, a.ownerEntity),
  });
}

export interface ActivityChange {
  activity: Activity;
  body: Record<string, unknown>;
}

/** Any change (reschedule, edit, cancel), made on the version the user saw (409 when someone was faster). */
export function useUpdateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ activity, body }: ActivityChange) =>
      patch<Activity>(`${BASE}/${activity.id}`, { ...body, version: activity.version }),
    onSettled: (_a, _e, { activity }) => refreshAfter(qc, activity.ownerEntity),
  });
}

export function useCompleteActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ activity, result }: { activity: Activity; result?: string }) =>
      post<Activity>(`${BASE}/${activity.id}/complete`, {
        ...(result?.trim() ? { result: result.trim() } : {}),
        version: activity.version,
      }),
    onSettled: (_a, _e, { activity }) => refreshAfter(qc, activity.ownerEntity),
  });
}

export function useReopenActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (activity: Activity) =>
      post<Activity>(`${BASE}/${activity.id}/reopen`, { version: activity.version }),
    onSettled: (_a, _e, activity) => refreshAfter(qc, activity.ownerEntity),
  });
}

export function useDeleteActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (activity: Activity) => del(`${BASE}/${activity.id}`),
    onSettled: (_a, _e, activity) => refreshAfter(qc, activity.ownerEntity),
  });
}
