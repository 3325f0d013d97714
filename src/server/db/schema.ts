/**
 * Kysely table types. CRM record tables (leads, contacts, companies, deals, products) also carry
 * custom-field columns added at run time (`uf_crm_*`); those are reached through dynamic references.
 * Conventions (docs/decisions/0002): booleans are 0/1 integers, money is integer hundredths, quantities
 * thousandths, rates basis points, timestamps ISO-8601 UTC strings, JSON stored as text.
 */
import type { Generated } from 'kysely';
import type { IntegrationTables } from './schema-integrations.js';
import type { WorkTables } from './schema-work.js';

export type * from './schema-integrations.js';
export type * from './schema-work.js';

type Id = Generated<number>;

interface Audited {
  version: number;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  last_name: string;
  password_hash: string | null;
  is_admin: number;
  role_id: number | null;
  department_id: number | null;
  active: number;
  time_zone: string;
  locale: string;
  position: string;
  phone: string;
  last_login_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: Id;
  name: string;
  parent_id: number | null;
  head_id: number | null;
  sort: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RolesTable {
  id: Id;
  name: string;
  code: string | null;
  permissions: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface IdempotencyKeysTable {
  id: Id;
  user_id: number;
  key: string;
  fingerprint: string;
  status_code: number | null;
  response: string | null;
  created_at: string;
}

export interface CurrenciesTable {
  code: string;
  name: string;
  exponent: number;
  is_base: number;
  sort: number;
}

export interface SourcesTable {
  id: Id;
  code: string;
  name: string;
  sort: number;
}

export interface PipelinesTable {
  id: Id;
  name: string;
  sort: number;
  is_default: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StagesTable {
  id: Id;
  pipeline_id: number;
  code: string;
  name: string;
  sort: number;
  semantics: 'process' | 'won' | 'lost';
  probability: number;
  color: string;
}

export interface LeadStatusesTable {
  id: Id;
  code: string;
  name: string;
  sort: number;
  semantics: 'process' | 'converted' | 'junk';
  color: string;
}

export interface LeadsTable extends Audited {
  id: Id;
  title: string;
  status_id: number;
  status_semantics: string;
  honorific: string | null;
  name: string | null;
  second_name: string | null;
  last_name: string | null;
  company_title: string | null;
  post: string | null;
  address: string | null;
  birthdate: string | null;
  amount: number;
  currency: string;
  source_id: number | null;
  source_description: string | null;
  comments: string | null;
  responsible_id: number;
  contact_id: number | null;
  company_id: number | null;
  converted_at: string | null;
  /** Earliest due time of the lead's planned activities (maintained by activity writes). */
  next_activity_at: string | null;
}

export interface ContactsTable extends Audited {
  id: Id;
  honorific: string | null;
  name: string;
  second_name: string | null;
  last_name: string | null;
  post: string | null;
  address: string | null;
  birthdate: string | null;
  type_id: string | null;
  source_id: number | null;
  source_description: string | null;
  comments: string | null;
  responsible_id: number;
  lead_id: number | null;
}

export interface CompaniesTable extends Audited {
  id: Id;
  title: string;
  company_type: string | null;
  industry: string | null;
  employees: string | null;
  revenue: number | null;
  currency: string;
  address: string | null;
  source_id: number | null;
  comments: string | null;
  responsible_id: number;
  lead_id: number | null;
}

export interface DealsTable extends Audited {
  id: Id;
  title: string;
  pipeline_id: number;
  stage_id: number;
  stage_semantics: string;
  probability: number | null;
  amount: number;
  currency: string;
  company_id: number | null;
  lead_id: number | null;
  type_id: string | null;
  begin_date: string | null;
  close_date: string | null;
  closed: number;
  source_id: number | null;
  source_description: string | null;
  comments: string | null;
  responsible_id: number;
  has_product_rows: number;
  /** Earliest due time of the deal's planned activities (maintained by activity writes). */
  next_activity_at: string | null;
}

export interface ContactCompaniesTable {
  contact_id: number;
  company_id: number;
  sort: number;
}

export interface DealContactsTable {
  deal_id: number;
  contact_id: number;
  sort: number;
}

export interface CommunicationsTable {
  id: Id;
  entity_type: string;
  entity_id: number;
  kind: string;
  value_type: string;
  value: string;
  normalized: string;
  sort: number;
}

export interface ProductSectionsTable {
  id: Id;
  name: string;
  parent_id: number | null;
  sort: number;
}

export interface ProductsTable extends Audited {
  id: Id;
  name: string;
  sku: string | null;
  section_id: number | null;
  description: string | null;
  price: number;
  currency: string;
  vat_rate: number | null;
  vat_included: number;
  measure: string;
  active: number;
  sort: number;
}

export interface ProductRowsTable {
  id: Id;
  owner_type: string;
  owner_id: number;
  product_id: number | null;
  name: string;
  price: number;
  quantity: number;
  discount_type: string;
  discount_rate: number;
  discount_sum: number;
  tax_rate: number | null;
  tax_included: number;
  measure: string;
  sort: number;
}

export interface CustomFieldsTable {
  id: Id;
  entity_type: string;
  code: string;
  column_name: string;
  name: string;
  type: string;
  multiple: number;
  required: number;
  options: string;
  sort: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HistoryTable {
  id: Id;
  entity_type: string;
  entity_id: number;
  action: string;
  actor_id: number | null;
  at: string;
  changes: string;
}

export interface SearchDocsTable {
  entity_type: string;
  entity_id: number;
  responsible_id: number;
  title: string;
  body: string;
}

export interface SavedFiltersTable {
  id: Id;
  user_id: number;
  entity_type: string;
  name: string;
  filter: string;
  sort: string | null;
  columns: string | null;
  created_at: string;
}

export interface DB extends WorkTables, IntegrationTables {
  users: UsersTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  currencies: CurrenciesTable;
  sources: SourcesTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  lead_statuses: LeadStatusesTable;
  leads: LeadsTable;
  contacts: ContactsTable;
  companies: CompaniesTable;
  deals: DealsTable;
  contact_companies: ContactCompaniesTable;
  deal_contacts: DealContactsTable;
  communications: CommunicationsTable;
  product_sections: ProductSectionsTable;
  products: ProductsTable;
  product_rows: ProductRowsTable;
  custom_fields: CustomFieldsTable;
  history: HistoryTable;
  search_docs: SearchDocsTable;
  saved_filters: SavedFiltersTable;
}
