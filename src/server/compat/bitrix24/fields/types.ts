import type { RecordEntity } from '../../../../shared/access.js';
import type { ApiRecord, EntityDescriptor } from '../../../modules/records/descriptor.js';
import type { Dictionaries } from '../dictionaries.js';

/** Type names of Bitrix24's field descriptors (crm.<entity>.fields). */
export type B24Type =
  | 'integer'
  | 'double'
  | 'string'
  | 'char'
  | 'date'
  | 'datetime'
  | 'user'
  | 'crm_status'
  | 'crm_currency'
  | 'crm_company'
  | 'crm_contact'
  | 'crm_lead'
  | 'crm_category'
  | 'crm_multifield'
  | 'enumeration'
  | 'boolean'
  | 'money'
  | 'url'
  | 'employee'
  | 'crm'
  | 'crm_enum_ownertype'
  | 'crm_enum_activitytype'
  | 'crm_enum_activitypriority'
  | 'crm_enum_activitystatus'
  | 'crm_enum_activitydirection'
  | 'crm_enum_activitynotifytype'
  | 'crm_activity_communication'
  | 'crm_activity_binding';

export type Input = Record<string, unknown>;

/**
 * One Bitrix24 field of an entity and how it maps onto our API field (`api`): reading it from our record,
 * writing it into our input, and turning a filter value into ours. Defaults follow `type`.
 */
export interface B24Field {
  name: string;
  type: B24Type;
  title: string;
  /** Our API field; filters and sorting on this Bitrix24 field use it. */
  api?: string;
  statusType?: string;
  required?: boolean;
  readOnly?: boolean;
  immutable?: boolean;
  multiple?: boolean;
  /** Part of `select: ["*"]` (multifields and some link fields are only returned when named). */
  inStar?: boolean;
  /** The value needs the record's links (contacts of a deal…) or communications loaded. */
  needs?: 'links' | 'comms';
  /** Our API fields a custom `read` uses besides `api` (a list reads only the columns it needs). */
  uses?: string[];
  /** Extra descriptor keys (items of a list user field, labels, settings). */
  extra?: Record<string, unknown>;
  read?(rec: ApiRecord, dict: Dictionaries): unknown;
  write?(value: unknown, input: Input, dict: Dictionaries, existing: ApiRecord | null): void;
  /** A filter value → our API filter value (undefined: the filter cannot match anything). */
  filterValue?(value: unknown, dict: Dictionaries): unknown;
}

/** A Bitrix24 entity (crm.lead, crm.deal, …) over one of our record types. */
export interface EntityMap {
  /** Method prefix: crm.lead, crm.deal, … */
  prefix: string;
  entity: RecordEntity;
  descriptor: EntityDescriptor;
  /** User-field entity id (CRM_LEAD…), null when the entity has no user fields here. */
  ufEntity: string | null;
  /** Bitrix24 entity type id (1 lead, 2 deal, 3 contact, 4 company). */
  typeId: number;
  fields: B24Field[];
  /** Has PHONE / EMAIL / WEB / IM. */
  multifields: boolean;
}
