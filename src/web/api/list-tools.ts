import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from './client';
import { recordKeys } from './records';
import { ENTITY_PATH, type EntityKind } from './types';

export interface SavedFilter {
  id: number;
  entityType: EntityKind;
  name: string;
  filter: Record<string, unknown>;
  sort: string | null;
  columns: string[] | null;
}

const savedKey = (entity: EntityKind) => ['saved-filters', entity] as const;

export function useSavedFilters(entity: EntityKind) {
  return useQuery({
    queryKey: savedKey(entity),
    queryFn: () =>
      get<{ items: SavedFilter[] }>(`/api/v1/saved-filters?entityType=${entity}`).then((r) => r.items),
  });
}

export function useSaveFilter(entity: EntityKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      name: string;
      filter: Record<string, unknown>;
      sort?: string;
      columns?: string[];
    }) => post<SavedFilter>('/api/v1/saved-filters', { entityType: entity, ...body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: savedKey(entity) }),
  });
}

export function useDeleteSavedFilter(entity: EntityKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => del(`/api/v1/saved-filters/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: savedKey(entity) }),
  });
}

export interface BulkResult {
  done: number[];
  failed: { id: number; code: string; message: string }[];
}

export function useBulkChange(entity: EntityKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: number[]; action: 'assign' | 'stage' | 'status' | 'delete'; value?: number }) =>
      post<BulkResult>(`/api/v1/${ENTITY_PATH[entity]}/bulk`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: recordKeys.all(entity) }),
  });
}
