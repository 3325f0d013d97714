import type { Permissions } from '../../shared/access';

export type EntityKind = 'lead' | 'contact' | 'company' | 'deal' | 'product';
export const ENTITY_PATH: Record<EntityKind, string> = {
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  product: 'products',
};

export interface Me {
  id: number;
  email: string;
  name: string;
  lastName: string;
  isAdmin: boolean;
  roleId: number | null;
  departmentId: number | null;
  timeZone: string;
  locale: string;
  permissions: Permissions;
  csrfToken: string | null;
}

export interface Comm {
  id?: number;
  value: string;
  type: string;
}

/** A CRM record as the API returns it; the fields depend on the entity and its custom fields. */
export type CrmRecord = { id: number; version: number } & Record<string, unknown>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
}

export interface UserRef {
  id: number;
  name: string;
  lastName: string;
  email: string;
  active: boolean;
  departmentId: number | null;
}

export interface Stage {
  id: number;
  code: string;
  name: string;
  sort: number;
  semantics: 'process' | 'won' | 'lost';
  probability: number;
  color: string;
}

export interface Pipeline {
  id: number;
  name: string;
  sort: number;
  isDefault: boolean;
  stages: Stage[];
  version: number;
}

export interface LeadStatus {
  id: number;
  code: string;
  name: string;
  sort: number;
  semantics: 'process' | 'converted' | 'junk';
  color: string;
}

export interface Currency {
  code: string;
  name: string;
  isBase: boolean;
}

export interface Source {
  id: number;
  code: string;
  name: string;
}

export interface CustomField {
  id: number;
  entityType: EntityKind;
  code: string;
  apiName: string;
  name: string;
  type: string;
  multiple: boolean;
  required: boolean;
  options: { id: number; label: string }[];
  sort: number;
  version: number;
}

export interface SearchHit {
  entityType: Exclude<EntityKind, 'product'>;
  id: number;
  title: string;
}
