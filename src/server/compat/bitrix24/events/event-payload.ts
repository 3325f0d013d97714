/**
 * An outgoing event as Bitrix24 posts it to a handler: application/x-www-form-urlencoded with PHP-style
 * keys, every value a string, only the record's ID in the data (the handler calls crm.*.get for the rest):
 *
 *   event=ONCRMDEALUPDATE&event_handler_id=3&data[FIELDS][ID]=42&ts=1766047124
 *   &auth[domain]=crm.example.com&auth[client_endpoint]=https://crm.example.com/rest/
 *   &auth[server_endpoint]=https://crm.example.com/rest/&auth[member_id]=<32 hex>
 *   &auth[application_token]=<the binding's or webhook's token, which the handler checks>
 *
 * Sevan has no separate OAuth server, so server_endpoint names the same REST endpoint as client_endpoint.
 */
export interface BitrixEventInput {
  event: string;
  handlerId: number;
  entityId: number;
  /** When the change happened (ISO); sent as `ts` in unix seconds. */
  occurredAt: string;
  applicationToken: string;
  /** This Sevan's public URL, without a trailing slash. */
  publicUrl: string;
  memberId: string;
}

export function bitrixEventBody(e: BitrixEventInput): string {
  const endpoint = `${e.publicUrl}/rest/`;
  const form = new URLSearchParams();
  form.append('event', e.event);
  form.append('event_handler_id', String(e.handlerId));
  form.append('data[FIELDS][ID]', String(e.entityId));
  form.append('ts', String(Math.floor(Date.parse(e.occurredAt) / 1000)));
  form.append('auth[domain]', new URL(e.publicUrl).host);
  form.append('auth[client_endpoint]', endpoint);
  form.append('auth[server_endpoint]', endpoint);
  form.append('auth[member_id]', e.memberId);
  form.append('auth[application_token]', e.applicationToken);
  return form.toString();
}

export const BITRIX_EVENT_CONTENT_TYPE = 'application/x-www-form-urlencoded';
