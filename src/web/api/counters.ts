import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, qs } from './client';

/**
 * The signed-in user's work counters (GET /api/v1/counters): planned activities due from now to the end
 * of their day, overdue ones, idle deals and leads. Days follow the user's time zone (the server's).
 */
export interface Counters {
  today: number;
  overdue: number;
  idleDeals: number;
  idleLeads: number;
  day: { date: string; timeZone: string; start: string; end: string };
  idleByStage?: { stageId: number; count: number }[];
}

/**
 * The navigation badges sit under ['counters'], which live updates refresh on every activity change.
 * Idle deals per stage sit under the deals' key instead: what makes a deal idle or not (a move, a close,
 * a planned activity, which also republishes its deal) is always published as a deal change.
 */
export const counterKeys = {
  all: ['counters'] as const,
  mine: ['counters', 'me'] as const,
  idleByStage: (pipelineId: number) => ['records', 'deal', 'kanban', 'idle', pipelineId] as const,
};

/**
 * "Due today" turns into "overdue" as the clock passes a due time, with no change to announce: a quiet
 * refresh each minute keeps the badges true while the tab is visible.
 */
const TICK_MS = 60_000;

export function useCounters(enabled = true) {
  return useQuery({
    queryKey: counterKeys.mine,
    queryFn: () => get<Counters>('/api/v1/counters'),
    enabled,
    refetchInterval: TICK_MS,
    staleTime: 30_000,
  });
}

/** Idle open deals per stage of a pipeline (those the user may see), for the kanban column headers. */
export function useIdleByStage(pipelineId: number | null) {
  return useQuery({
    queryKey: counterKeys.idleByStage(pipelineId ?? 0),
    queryFn: async () => {
      const res = await get<Counters>(`/api/v1/counters${qs({ pipelineId })}`);
      return new Map((res.idleByStage ?? []).map((s) => [s.stageId, s.count]));
    },
    enabled: pipelineId !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
