import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, qs } from './client';
import type { PersonRef } from './comments';
import type { CrmEntity } from './timeline';

export type NotificationKind = 'assigned' | 'activity_due' | 'activity_overdue' | 'mention' | 'stage_changed';

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  /** The record to open: /<entity path>/<recordId>. */
  entity: CrmEntity;
  recordId: number;
  /** The record's title when the notification was made. */
  title: string;
  actor: PersonRef | null;
  activityId: number | null;
  commentId: number | null;
  data: Record<string, unknown> | null;
  createdAt: string;
  readAt: string | null;
}

interface NotificationPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unreadCount: number;
}

/** Query keys of the bell, under ['notifications'], which live updates refresh when one arrives or is read. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
};

const PAGE = 20;

/** The unread count behind the bell's badge. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: () =>
      get<{ unreadCount: number }>('/api/v1/notifications/unread-count').then((r) => r.unreadCount),
    // live updates refresh it at once; this only covers a stream that could not connect
    refetchInterval: 5 * 60_000,
  });
}

/** The user's notifications, newest first, a page more as the list scrolls. */
export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      get<NotificationPage>(`/api/v1/notifications${qs({ limit: PAGE, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Marks notifications read; the answer carries the new count, shown at once. */
function useReadMutation<T>(call: (arg: T) => Promise<{ unreadCount: number }>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (res) => {
      qc.setQueryData(notificationKeys.unreadCount, res.unreadCount);
      void qc.invalidateQueries({ queryKey: notificationKeys.list });
    },
  });
}

export const useMarkRead = () =>
  useReadMutation((id: number) => post<{ unreadCount: number }>(`/api/v1/notifications/${id}/read`));

export const useMarkAllRead = () =>
  useReadMutation(() => post<{ unreadCount: number }>('/api/v1/notifications/read-all'));
