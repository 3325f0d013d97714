import type { WebhookEvent, WebhookFormat } from '../../../api/webhooks';

/** What happened to a record: the second half of a native event name (`deal.updated`). */
export const EVENT_ACTIONS = ['created', 'updated', 'deleted'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** The events of one kind of record, in the order created, updated, deleted. */
export interface EventGroup {
  entity: string;
  events: (WebhookEvent & { action: EventAction })[];
}

const isAction = (s: string | undefined): s is EventAction => EVENT_ACTIONS.includes(s as EventAction);

/** The server's event list grouped per kind of record, kinds in the server's order. */
export function groupEvents(events: WebhookEvent[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const event of events) {
    const [entity = '', action] = event.native.split('.');
    if (!isAction(action)) continue;
    const group = groups.get(entity) ?? { entity, events: [] };
    group.events.push({ ...event, action });
    groups.set(entity, group);
  }
  for (const g of groups.values())
    g.events.sort((a, b) => EVENT_ACTIONS.indexOf(a.action) - EVENT_ACTIONS.indexOf(b.action));
  return [...groups.values()];
}

/** Event names in either spelling → native names (the form keeps those; the server accepts both). */
export function toNativeNames(names: string[], events: WebhookEvent[]): string[] {
  return names.map((name) => {
    const upper = name.toUpperCase();
    return events.find((e) => e.native === name || e.bitrix24 === upper)?.native ?? name;
  });
}

/** A native event name in the spelling of a format. */
export function spelled(native: string, format: WebhookFormat, events: WebhookEvent[]): string {
  if (format === 'native') return native;
  return events.find((e) => e.native === native)?.bitrix24 ?? native;
}

/** Per kind of record, which of its actions a webhook receives: for a short summary in a list row. */
export function summarize(
  names: string[],
  events: WebhookEvent[],
): { entity: string; actions: EventAction[]; all: boolean }[] {
  const chosen = new Set(toNativeNames(names, events));
  return groupEvents(events)
    .map((g) => {
      const actions = g.events.filter((e) => chosen.has(e.native)).map((e) => e.action);
      return { entity: g.entity, actions, all: actions.length === g.events.length };
    })
    .filter((g) => g.actions.length > 0);
}
