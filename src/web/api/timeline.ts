import { useInfiniteQuery } from '@tanstack/react-query';
import { get, qs } from './client';
import type { CommentView, PersonRef } from './comments';
import { ENTITY_PATH } from './types';

/** The CRM records that have a timeline, comments and notifications (products do not). */
export type CrmEntity = 'lead' | 'contact' | 'company' | 'deal';
export const isCrmEntity = (entity: string): entity is CrmEntity =>
  entity === 'lead' || entity === 'contact' || entity === 'company' || entity === 'deal';

export type ActivityKind = 'call' | 'meeting' | 'email' | 'task';

export interface TimelineActivity {
  id: number;
  type: ActivityKind;
  subject: string;
  description: string | null;
  status: 'planned' | 'done' | 'cancelled';
  priority: 'low' | 'normal' | 'high';
  startAt: string | null;
  endAt: string | null;
  dueAt: string;
  responsibleId: number;
  responsible: PersonRef | null;
  result: string | null;
  completedAt: string | null;
}

interface ItemBase {
  id: number;
  at: string;
  actor: PersonRef | null;
}
export type TimelineItem =
  | (ItemBase & { type: 'comment'; comment: CommentView })
  | (ItemBase & {
      type: 'change';
      action: string;
      changes: { field: string; old: unknown; new: unknown }[];
    })
  | (ItemBase & { type: 'activity'; event: 'created' | 'completed'; activity: TimelineActivity });

/** What the filter chips ask the API for: `types` of GET …/timeline (all when absent). */
export type TimelineFilter = 'all' | 'comment' | 'activity' | 'change';

/** Query keys of timelines: under ['timeline'], which live updates refresh on any record or comment change. */
export const timelineKeys = {
  all: ['timeline'] as const,
  record: (entity: CrmEntity, id: number) => ['timeline', entity, id] as const,
  page: (entity: CrmEntity, id: number, filter: TimelineFilter) => ['timeline', entity, id, filter] as const,
};

const PAGE = 30;

/** A record's timeline, newest first, one page more each time "Show older" is pressed. */
export function useTimeline(entity: CrmEntity, id: number, filter: TimelineFilter) {
  return useInfiniteQuery({
    queryKey: timelineKeys.page(entity, id, filter),
    queryFn: ({ pageParam }) =>
      get<{ items: TimelineItem[]; nextCursor: string | null }>(
        `/api/v1/${ENTITY_PATH[entity]}/${id}/timeline${qs({
          types: filter === 'all' ? undefined : filter,
          limit: PAGE,
          cursor: pageParam ?? undefined,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
