import { useQuery } from '@tanstack/react-query';
import { get } from './client';
import type { Currency, CustomField, EntityKind, LeadStatus, Pipeline, Source, UserRef } from './types';

/** Small, slowly changing lists every screen needs for labels and pickers; cached for a few minutes. */
const REF_STALE = 5 * 60_000;
export const refKeys = {
  users: ['ref', 'users'] as const,
  pipelines: ['ref', 'pipelines'] as const,
  leadStatuses: ['ref', 'lead-statuses'] as const,
  currencies: ['ref', 'currencies'] as const,
  sources: ['ref', 'sources'] as const,
  customFields: (entity: EntityKind) => ['ref', 'custom-fields', entity] as const,
};

const items = <T>(path: string) =>
  get<{ items: T[] } | T[]>(path).then((r) => (Array.isArray(r) ? r : r.items));

export const useUsers = () =>
  useQuery({ queryKey: refKeys.users, queryFn: () => items<UserRef>('/api/v1/users'), staleTime: REF_STALE });
export const usePipelines = () =>
  useQuery({
    queryKey: refKeys.pipelines,
    queryFn: () => items<Pipeline>('/api/v1/pipelines'),
    staleTime: REF_STALE,
  });
export const useLeadStatuses = () =>
  useQuery({
    queryKey: refKeys.leadStatuses,
    queryFn: () => items<LeadStatus>('/api/v1/lead-statuses'),
    staleTime: REF_STALE,
  });
export const useCurrencies = () =>
  useQuery({
    queryKey: refKeys.currencies,
    queryFn: () => items<Currency>('/api/v1/currencies'),
    staleTime: REF_STALE,
  });
export const useSources = () =>
  useQuery({
    queryKey: refKeys.sources,
    queryFn: () => items<Source>('/api/v1/sources'),
    staleTime: REF_STALE,
  });
export const useCustomFields = (entity: EntityKind) =>
  useQuery({
    queryKey: refKeys.customFields(entity),
    queryFn: () => items<CustomField>(`/api/v1/custom-fields?entityType=${entity}`),
    staleTime: REF_STALE,
  });

export function userName(users: UserRef[] | undefined, id: unknown): string | null {
  const u = users?.find((x) => x.id === id);
  return u ? `${u.name} ${u.lastName}`.trim() : null;
}
