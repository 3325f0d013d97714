import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { del, get, patch, post, qs } from './client';
import { type CrmRecord, ENTITY_PATH, type EntityKind, type Page } from './types';

export interface ListSpec {
  filter?: Record<string, unknown> | undefined;
  sort?: string | undefined;
  limit?: number;
}

/** Query keys of records: everything about one entity type sits under ['records', entity]. */
export const recordKeys = {
  all: (entity: EntityKind) => ['records', entity] as const,
  list: (entity: EntityKind, spec: ListSpec) => ['records', entity, 'list', spec] as const,
  one: (entity: EntityKind, id: number) => ['records', entity, 'one', id] as const,
  history: (entity: EntityKind, id: number) => ['records', entity, 'history', id] as const,
};

const base = (entity: EntityKind) => `/api/v1/${ENTITY_PATH[entity]}`;

export function listUrl(entity: EntityKind, spec: ListSpec, cursor?: string | null): string {
  return `${base(entity)}${qs({
    filter: spec.filter && Object.keys(spec.filter).length ? JSON.stringify(spec.filter) : undefined,
    sort: spec.sort,
    limit: spec.limit ?? 100,
    cursor: cursor ?? undefined,
    // The count comes with the first page; later pages skip it (it costs as much as the page itself).
    total: cursor ? 'false' : undefined,
  })}`;
}

/** Pages of a list, following the API's keyset cursor as the user scrolls. */
export function useRecordList(entity: EntityKind, spec: ListSpec) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(entity, spec),
    queryFn: ({ pageParam }) => get<Page<CrmRecord>>(listUrl(entity, spec, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useRecord(entity: EntityKind, id: number) {
  return useQuery({
    queryKey: recordKeys.one(entity, id),
    queryFn: () => get<CrmRecord>(`${base(entity)}/${id}`),
  });
}

export interface HistoryEntry {
  id: number;
  action: string;
  actorId: number | null;
  at: string;
  changes: { field: string; old: unknown; new: unknown }[];
}

export function useHistory(entity: EntityKind, id: number) {
  return useQuery({
    queryKey: recordKeys.history(entity, id),
    queryFn: () => get<{ items: HistoryEntry[] }>(`${base(entity)}/${id}/history`).then((r) => r.items),
  });
}

export function useCreateRecord(entity: EntityKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      post<CrmRecord>(base(entity), body, { 'idempotency-key': crypto.randomUUID() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: recordKeys.all(entity) }),
  });
}

export function useUpdateRecord(entity: EntityKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & Record<string, unknown>) =>
      patch<CrmRecord>(`${base(entity)}/${id}`, body),
    onSuccess: (rec) => {
      qc.setQueryData(recordKeys.one(entity, rec.id), rec);
      void qc.invalidateQueries({ queryKey: recordKeys.all(entity) });
    },
  });
}

export function useDeleteRecord(entity: EntityKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`${base(entity)}/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: recordKeys.all(entity) }),
  });
}
