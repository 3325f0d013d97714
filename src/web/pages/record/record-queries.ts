import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, get, qs } from '../../api/client';
import { recordKeys } from '../../api/records';
import { type CrmRecord, ENTITY_PATH, type EntityKind, type Page } from '../../api/types';
import { searchFilter } from './record-text';

/** Queries the record page needs beyond the shared ones; keys sit under ['records', entity] like the rest. */

const listUrl = (
  entity: EntityKind,
  filter: Record<string, unknown>,
  extra: Record<string, string | number> = {},
) => `/api/v1/${ENTITY_PATH[entity]}${qs({ filter: JSON.stringify(filter), ...extra })}`;

/** Retry only what may pass on a second try: never a 4xx (a missing record stays missing). */
const retryServerErrors = (count: number, err: unknown) =>
  count < 1 && !(err instanceof ApiError && err.status >= 400 && err.status < 500);

export function useRecordForPage(entity: EntityKind, id: number) {
  return useQuery({
    queryKey: recordKeys.one(entity, id),
    queryFn: () => get<CrmRecord>(`/api/v1/${ENTITY_PATH[entity]}/${id}`),
    retry: retryServerErrors,
  });
}

/** Records by id, in the order given (those the user may not read are simply absent). */
export function useRecordsByIds(entity: EntityKind, ids: number[]) {
  const sorted = [...ids].sort((a, b) => a - b);
  return useQuery({
    queryKey: [...recordKeys.all(entity), 'byIds', sorted] as const,
    queryFn: async () => {
      const page = await get<Page<CrmRecord>>(
        listUrl(entity, { id: { in: sorted } }, { limit: sorted.length, total: 'false' }),
      );
      const byId = new Map(page.items.map((r) => [r.id, r]));
      return ids.map((i) => byId.get(i)).filter((r): r is CrmRecord => Boolean(r));
    },
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** A short list of records matching a filter, newest first, with the total count. */
export function useRecordsWhere(
  entity: EntityKind,
  filter: Record<string, unknown>,
  enabled = true,
  limit = 20,
) {
  return useQuery({
    queryKey: [...recordKeys.all(entity), 'where', filter, limit] as const,
    queryFn: () => get<Page<CrmRecord>>(listUrl(entity, filter, { sort: '-id', limit })),
    enabled,
    retry: retryServerErrors,
  });
}

/** Records whose name or title contains what the user typed (for pickers). */
export function useRecordSearch(entity: EntityKind, q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: [...recordKeys.all(entity), 'search', text] as const,
    queryFn: () =>
      get<Page<CrmRecord>>(listUrl(entity, searchFilter(entity, text), { limit: 20, total: 'false' })).then(
        (p) => p.items,
      ),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export interface ProductSection {
  id: number;
  name: string;
  parentId: number | null;
}

export function useProductSections(enabled: boolean) {
  return useQuery({
    queryKey: ['ref', 'product-sections'] as const,
    queryFn: () => get<{ items: ProductSection[] }>('/api/v1/product-sections').then((r) => r.items),
    enabled,
    staleTime: 5 * 60_000,
  });
}
