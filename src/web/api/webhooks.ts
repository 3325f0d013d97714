import {
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { del, get, patch, post, qs } from './client';

/** The scopes an inbound webhook may be limited to, as the server names them. */
export const INBOUND_SCOPES = ['crm', 'user', 'user_basic', 'user_brief', 'department', 'telephony'] as const;
export type InboundScope = (typeof INBOUND_SCOPES)[number];

/** An inbound webhook of the Bitrix24-compatible REST API (never its secret). */
export interface InboundWebhook {
  id: number;
  title: string;
  userId: number;
  scopes: string[];
  createdBy: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to a create: the secret and the base URL, shown this once. */
export interface InboundWebhookCreated extends InboundWebhook {
  secret: string;
  url: string;
}

export interface InboundWebhookInput {
  title: string;
  userId: number;
  scopes: InboundScope[];
}

export type WebhookFormat = 'native' | 'bitrix24';

export interface OutboundWebhook {
  id: number;
  name: string;
  url: string;
  /** In the spelling of the format: `deal.updated` (native) or `ONCRMDEALUPDATE` (bitrix24). */
  events: string[];
  format: WebhookFormat;
  active: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A webhook as its list shows it: with its newest delivery, or null before the first. */
export interface OutboundWebhookListItem extends OutboundWebhook {
  lastDelivery: Delivery | null;
}

export interface OutboundWebhookInput {
  name: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  active: boolean;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  id: number;
  eventId: string;
  event: string;
  entity: string;
  entityId: number;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** One event a webhook can receive, in both spellings. */
export interface WebhookEvent {
  native: string;
  bitrix24: string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const INBOUND = '/api/v1/webhooks/inbound';
const OUTBOUND = '/api/v1/webhooks/outbound';

export const webhookKeys = {
  all: ['webhooks'] as const,
  inbound: ['webhooks', 'inbound'] as const,
  events: ['webhooks', 'events'] as const,
  outbound: ['webhooks', 'outbound'] as const,
  outboundOne: (id: number) => ['webhooks', 'outbound', id] as const,
  deliveries: (id: number) => ['webhooks', 'deliveries', id] as const,
  deliveryPage: (id: number, status: DeliveryStatus | null) =>
    ['webhooks', 'deliveries', id, status] as const,
};

const items = <T>(path: string) => get<{ items: T[] }>(path).then((r) => r.items);

/** Refreshes the given queries after a write, also after a failed one (our copy may be stale). */
function useWrite<I, O>(fn: (input: I) => Promise<O>, keys: (input: I) => QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_data, _error, input) =>
      Promise.all(keys(input).map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

/* Inbound webhooks */
export const useInboundWebhooks = () =>
  useQuery({ queryKey: webhookKeys.inbound, queryFn: () => items<InboundWebhook>(INBOUND) });
export const useCreateInboundWebhook = () =>
  useWrite(
    (body: InboundWebhookInput) => post<InboundWebhookCreated>(INBOUND, body),
    () => [webhookKeys.inbound],
  );
export const useRevokeInboundWebhook = () =>
  useWrite(
    (id: number) => del(`${INBOUND}/${id}`),
    () => [webhookKeys.inbound],
  );

/* Outbound webhooks */
export const useWebhookEvents = () =>
  useQuery({
    queryKey: webhookKeys.events,
    queryFn: () => items<WebhookEvent>('/api/v1/webhooks/events'),
    staleTime: Number.POSITIVE_INFINITY,
  });
export const useOutboundWebhooks = () =>
  useQuery({ queryKey: webhookKeys.outbound, queryFn: () => items<OutboundWebhookListItem>(OUTBOUND) });
export const useOutboundWebhook = (id: number) =>
  useQuery({
    queryKey: webhookKeys.outboundOne(id),
    queryFn: () => get<OutboundWebhook>(`${OUTBOUND}/${id}`),
  });

const outboundKeys = () => [webhookKeys.outbound];
export const useCreateOutboundWebhook = () =>
  useWrite(
    (body: OutboundWebhookInput) => post<OutboundWebhook & { secret: string }>(OUTBOUND, body),
    outboundKeys,
  );
export const useUpdateOutboundWebhook = () =>
  useWrite(
    ({ id, ...body }: Partial<OutboundWebhookInput> & { id: number; rotateSecret?: true }) =>
      patch<OutboundWebhook & { secret?: string }>(`${OUTBOUND}/${id}`, body),
    ({ id }) => [webhookKeys.outbound, webhookKeys.outboundOne(id), webhookKeys.deliveries(id)],
  );
export const useDeleteOutboundWebhook = () =>
  useWrite((id: number) => del(`${OUTBOUND}/${id}`), outboundKeys);

const DELIVERY_PAGE = 50;
const deliveriesPath = (id: number, params: Record<string, string | number | null | undefined>) =>
  `${OUTBOUND}/${id}/deliveries${qs(params)}`;

/**
 * A webhook's delivery log, newest first, one page more as it scrolls. While a delivery of the newest page
 * is still pending the log refreshes itself every few seconds, so its outcome appears without a click.
 */
export function useDeliveries(id: number, status: DeliveryStatus | null) {
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveryPage(id, status),
    queryFn: ({ pageParam }) =>
      get<Page<Delivery>>(deliveriesPath(id, { status, limit: DELIVERY_PAGE, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages[0]?.items.some((d) => d.status === 'pending') ? 4000 : false,
  });
}

export const useRetryDelivery = (webhookId: number) =>
  useWrite(
    (deliveryId: number) => post<Delivery>(`${OUTBOUND}/${webhookId}/deliveries/${deliveryId}/retry`),
    // the list of webhooks shows each one's newest delivery
    () => [webhookKeys.deliveries(webhookId), webhookKeys.outbound],
  );
