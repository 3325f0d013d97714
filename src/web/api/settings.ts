import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permissions } from '../../shared/access';
import type { CustomFieldType } from '../../shared/schemas/custom-fields';
import { del, get, patch, post, put } from './client';
import { refKeys } from './reference';
import { meKey } from './session';
import type { CustomField, EntityKind, LeadStatus, Pipeline, Stage } from './types';

/** A user as administrators see them (the directory in reference.ts has fewer fields). */
export interface AdminUser {
  id: number;
  email: string;
  name: string;
  lastName: string;
  isAdmin: boolean;
  roleId: number | null;
  departmentId: number | null;
  active: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface Department {
  id: number;
  name: string;
  parentId: number | null;
  headId: number | null;
  sort: number;
  userCount: number;
  childCount: number;
  version: number;
}

export interface Role {
  id: number;
  name: string;
  code: string | null;
  permissions: Permissions;
  isDefault: boolean;
  userCount: number;
  version: number;
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const settingsKeys = {
  users: ['settings', 'users'] as const,
  departments: ['settings', 'departments'] as const,
  roles: ['settings', 'roles'] as const,
  apiTokens: ['settings', 'api-tokens'] as const,
};

const items = <T>(path: string) => get<{ items: T[] }>(path).then((r) => r.items);

export const useAdminUsers = () =>
  useQuery({ queryKey: settingsKeys.users, queryFn: () => items<AdminUser>('/api/v1/users') });
export const useDepartments = () =>
  useQuery({ queryKey: settingsKeys.departments, queryFn: () => items<Department>('/api/v1/departments') });
export const useRoles = () =>
  useQuery({ queryKey: settingsKeys.roles, queryFn: () => items<Role>('/api/v1/roles') });
export const useApiTokens = () =>
  useQuery({ queryKey: settingsKeys.apiTokens, queryFn: () => items<ApiToken>('/api/v1/api-tokens') });

/**
 * A write that refreshes the listed queries afterwards, on failure too: a 409 means our copy is stale,
 * and the fresh one is what the user needs to see next to the message.
 */
function useWrite<I, O>(fn: (input: I) => Promise<O>, keys: (input: I) => QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_data, _error, input) =>
      Promise.all(keys(input).map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

/* Pipelines and stages */
const pipelinePath = (id: number) => `/api/v1/pipelines/${id}`;
const stagePath = (pipelineId: number, stageId: number) => `${pipelinePath(pipelineId)}/stages/${stageId}`;
const pipelineKeys = () => [refKeys.pipelines];
export type StageInput = Pick<Stage, 'name' | 'semantics' | 'probability' | 'color'>;

export const useCreatePipeline = () =>
  useWrite((body: { name: string }) => post<Pipeline>('/api/v1/pipelines', body), pipelineKeys);
export const useUpdatePipeline = () =>
  useWrite(
    ({ id, ...body }: { id: number; version: number; name?: string; isDefault?: boolean }) =>
      patch<Pipeline>(pipelinePath(id), body),
    pipelineKeys,
  );
export const useDeletePipeline = () => useWrite((id: number) => del(pipelinePath(id)), pipelineKeys);
export const useCreateStage = () =>
  useWrite(
    ({ pipelineId, ...body }: StageInput & { pipelineId: number }) =>
      post<Stage>(`${pipelinePath(pipelineId)}/stages`, body),
    pipelineKeys,
  );
export const useUpdateStage = () =>
  useWrite(
    ({ pipelineId, id, ...body }: Partial<StageInput> & { pipelineId: number; id: number }) =>
      patch<Stage>(stagePath(pipelineId, id), body),
    pipelineKeys,
  );
export const useDeleteStage = () =>
  useWrite(
    ({ pipelineId, id }: { pipelineId: number; id: number }) => del(stagePath(pipelineId, id)),
    pipelineKeys,
  );

/** Puts `ids` first in the given order, keeping anything else after them. */
function ordered<T extends { id: number }>(list: T[], ids: number[]): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  const first = ids.map((id) => byId.get(id)).filter((x): x is T => Boolean(x));
  return [...first, ...list.filter((x) => !ids.includes(x.id))];
}

/** Optimistic reorder: the list moves at once; on failure it moves back (the caller says why). */
function useOptimisticOrder<T>(
  key: QueryKey,
  apply: (data: T, ids: number[]) => T,
  send: (ids: number[]) => Promise<unknown>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onMutate: async (ids: number[]) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<T>(key);
      if (before !== undefined) qc.setQueryData<T>(key, apply(before, ids));
      return { before };
    },
    onError: (_err, _ids, ctx) => {
      if (ctx?.before !== undefined) qc.setQueryData(key, ctx.before);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export const useReorderStages = (pipelineId: number) =>
  useOptimisticOrder<Pipeline[]>(
    refKeys.pipelines,
    (list, ids) => list.map((p) => (p.id === pipelineId ? { ...p, stages: ordered(p.stages, ids) } : p)),
    (stageIds) => put<Pipeline>(`${pipelinePath(pipelineId)}/stages/order`, { stageIds }),
  );

/* Lead statuses */
export type LeadStatusInput = Pick<LeadStatus, 'name' | 'semantics' | 'color'>;
const statusKeys = () => [refKeys.leadStatuses];
export const useCreateLeadStatus = () =>
  useWrite((body: LeadStatusInput) => post<LeadStatus>('/api/v1/lead-statuses', body), statusKeys);
export const useUpdateLeadStatus = () =>
  useWrite(
    ({ id, ...body }: Partial<LeadStatusInput> & { id: number }) =>
      patch<LeadStatus>(`/api/v1/lead-statuses/${id}`, body),
    statusKeys,
  );
export const useDeleteLeadStatus = () =>
  useWrite((id: number) => del(`/api/v1/lead-statuses/${id}`), statusKeys);

/** Lead statuses have no order endpoint: each status whose place changed gets a new sort value. */
export function useReorderLeadStatuses() {
  const qc = useQueryClient();
  return useOptimisticOrder<LeadStatus[]>(refKeys.leadStatuses, ordered, async (ids) => {
    const current = qc.getQueryData<LeadStatus[]>(refKeys.leadStatuses) ?? [];
    for (const [i, id] of ids.entries()) {
      const sort = (i + 1) * 10;
      if (current.find((s) => s.id === id)?.sort !== sort)
        await patch(`/api/v1/lead-statuses/${id}`, { sort });
    }
  });
}

/* Custom fields */
export interface CustomFieldInput {
  entityType: EntityKind;
  name: string;
  type: CustomFieldType;
  required: boolean;
  options?: { id?: number; label: string }[];
}
const fieldKeys = (input: { entityType: EntityKind }) => [refKeys.customFields(input.entityType)];
export const useCreateCustomField = () =>
  useWrite((body: CustomFieldInput) => post<CustomField>('/api/v1/custom-fields', body), fieldKeys);
export const useUpdateCustomField = () =>
  useWrite(
    ({
      id,
      entityType: _e,
      ...body
    }: Partial<Omit<CustomFieldInput, 'type'>> & {
      id: number;
      entityType: EntityKind;
      version: number;
    }) => patch<CustomField>(`/api/v1/custom-fields/${id}`, body),
    fieldKeys,
  );
export const useDeleteCustomField = () =>
  useWrite(({ id }: { id: number; entityType: EntityKind }) => del(`/api/v1/custom-fields/${id}`), fieldKeys);

/* Users, departments, roles: a user change moves counts on departments and roles, and may change "me". */
export interface UserInput {
  email: string;
  name: string;
  lastName: string;
  roleId: number | null;
  departmentId: number | null;
  isAdmin: boolean;
}
const userKeys = () => [
  settingsKeys.users,
  refKeys.users,
  settingsKeys.departments,
  settingsKeys.roles,
  meKey,
];
export const useCreateUser = () =>
  useWrite((body: UserInput & { password: string }) => post<AdminUser>('/api/v1/users', body), userKeys);
export const useUpdateUser = () =>
  useWrite(
    ({
      id,
      ...body
    }: Partial<UserInput> & { id: number; version: number; active?: boolean; password?: string }) =>
      patch<AdminUser>(`/api/v1/users/${id}`, body),
    userKeys,
  );

export type DepartmentInput = Pick<Department, 'name' | 'parentId' | 'headId'>;
const departmentKeys = () => [settingsKeys.departments];
export const useCreateDepartment = () =>
  useWrite((body: DepartmentInput) => post<Department>('/api/v1/departments', body), departmentKeys);
export const useUpdateDepartment = () =>
  useWrite(
    ({ id, ...body }: Partial<DepartmentInput> & { id: number; version: number }) =>
      patch<Department>(`/api/v1/departments/${id}`, body),
    departmentKeys,
  );
export const useDeleteDepartment = () =>
  useWrite((id: number) => del(`/api/v1/departments/${id}`), departmentKeys);

const roleKeys = () => [settingsKeys.roles, meKey];
export const useCreateRole = () =>
  useWrite((body: { name: string; permissions: Permissions }) => post<Role>('/api/v1/roles', body), roleKeys);
export const useUpdateRole = () =>
  useWrite(
    ({ id, ...body }: { id: number; version: number; name?: string; permissions?: Permissions }) =>
      patch<Role>(`/api/v1/roles/${id}`, body),
    roleKeys,
  );
export const useDeleteRole = () => useWrite((id: number) => del(`/api/v1/roles/${id}`), roleKeys);

/* API tokens: every user manages their own */
const tokenKeys = () => [settingsKeys.apiTokens];
export const useCreateApiToken = () =>
  useWrite(
    (body: { name: string }) => post<ApiToken & { token: string }>('/api/v1/api-tokens', body),
    tokenKeys,
  );
export const useRevokeApiToken = () => useWrite((id: number) => del(`/api/v1/api-tokens/${id}`), tokenKeys);
