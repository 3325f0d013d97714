/** Access-rights vocabulary shared by the server and the settings screens. */
export const RECORD_ENTITIES = ['lead', 'contact', 'company', 'deal', 'product'] as const;
export type RecordEntity = (typeof RECORD_ENTITIES)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

/** Widening scopes: a role grants, per entity and action, the records of whom the user may touch. */
export const SCOPES = ['none', 'own', 'department', 'subdepartments', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export type Permissions = Partial<Record<RecordEntity, Partial<Record<Action, Scope>>>>;
