/** Table types of integrations: inbound webhooks and the outbox of outgoing events (merged into DB in schema.ts). */
import type { Generated } from 'kysely';

type Id = Generated<number>;

export interface InboundWebhooksTable {
  id: Id;
  user_id: number;
  title: string;
  secret_hash: string;
  /** JSON array of Bitrix24 scopes, e.g. ["crm","user"]. */
  scopes: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

// Outgoing events (outbox), their subscribers and deliveries.
export interface OutboxTable {
  id: Id;
  /** The event's id for receivers' de-duplication (a UUID), the same on every retry. */
  uid: string;
  /** Bitrix24's name: ONCRMDEALUPDATE. */
  event: string;
  entity: string;
  entity_id: number;
  /** JSON: whose read rights let a subscriber see it (see jobs/outbox.ts). */
  payload: string;
  created_at: string;
  /** When its deliveries were created (null: not yet). */
  dispatched_at: string | null;
}

export interface EventBindingsTable {
  id: Id;
  user_id: number;
  event: string;
  handler: string;
  auth_type: number | null;
  event_type: string;
  application_token: string;
  created_at: string;
}

export interface OutboundWebhooksTable {
  id: Id;
  name: string;
  url: string;
  /** JSON array of event names (Bitrix24 spelling). */
  events: string;
  format: string;
  active: number;
  secret: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: Id;
  outbox_id: number;
  webhook_id: number | null;
  binding_id: number | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  last_status_code: number | null;
  delivered_at: string | null;
  created_at: string;
}

export interface IntegrationTables {
  inbound_webhooks: InboundWebhooksTable;
  outbox: OutboxTable;
  event_bindings: EventBindingsTable;
  outbound_webhooks: OutboundWebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
