/**
 * The outgoing events Sevan emits: one per create, update and delete of a lead, contact, company, deal or
 * activity. Stored and bound under Bitrix24's names (ONCRMDEALUPDATE); native webhooks show the same
 * events as `deal.updated`. Either spelling is accepted wherever a name is read.
 */

export const OUTBOX_ENTITIES = ['lead', 'contact', 'company', 'deal', 'activity'] as const;
export type OutboxEntity = (typeof OUTBOX_ENTITIES)[number];

export const OUTBOX_ACTIONS = ['created', 'updated', 'deleted'] as const;
export type OutboxAction = (typeof OUTBOX_ACTIONS)[number];

const BITRIX_ACTION: Record<OutboxAction, string> = { created: 'ADD', updated: 'UPDATE', deleted: 'DELETE' };

/** ONCRM<ENTITY><ADD|UPDATE|DELETE>. */
export const eventName = (entity: OutboxEntity, action: OutboxAction): string =>
  `ONCRM${entity.toUpperCase()}${BITRIX_ACTION[action]}`;

/** Every event name, in Bitrix24's spelling. */
export const EVENT_NAMES: readonly string[] = OUTBOX_ENTITIES.flatMap((e) =>
  OUTBOX_ACTIONS.map((a) => eventName(e, a)),
);

const NATIVE_BY_EVENT = new Map<string, string>(
  OUTBOX_ENTITIES.flatMap((e) => OUTBOX_ACTIONS.map((a) => [eventName(e, a), `${e}.${a}`] as const)),
);
const EVENT_BY_NATIVE = new Map<string, string>([...NATIVE_BY_EVENT].map(([b, n]) => [n, b]));

/** `ONCRMDEALUPDATE` → `deal.updated`. */
export function nativeEventName(event: string): string {
  return NATIVE_BY_EVENT.get(event) ?? event.toLowerCase();
}

/**
 * The stored name of an event given in either spelling, case-insensitively (`onCrmDealUpdate`,
 * `ONCRMDEALUPDATE`, `deal.updated`); null when Sevan emits no such event.
 */
export function canonicalEventName(name: string): string | null {
  const trimmed = name.trim();
  const upper = trimmed.toUpperCase();
  if (NATIVE_BY_EVENT.has(upper)) return upper;
  return EVENT_BY_NATIVE.get(trimmed.toLowerCase()) ?? null;
}
