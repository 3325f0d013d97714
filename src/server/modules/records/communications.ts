import { normalizePhone } from '../../../shared/phone.js';
import type { CommunicationInput } from '../../../shared/schemas/common.js';
import type { Ctx } from '../../context.js';

/** Multi-value, typed phones, emails, websites and messengers of leads, contacts and companies. */
export const COMM_KINDS = { phones: 'phone', emails: 'email', websites: 'web', messengers: 'im' } as const;
export type CommKey = keyof typeof COMM_KINDS;
export const COMM_KEYS = Object.keys(COMM_KINDS) as CommKey[];

export interface CommItem {
  id: number;
  value: string;
  type: string;
}
export type CommSet = Record<CommKey, CommItem[]>;

export function normalizeComm(kind: string, value: string, region: string): string {
  if (kind === 'phone') return normalizePhone(value, region);
  return value.trim().toLowerCase();
}

/** Replaces each kind present in `input` (absent kinds are left alone). */
export async function saveCommunications(
  ctx: Ctx,
  entityType: string,
  entityId: number,
  input: Partial<Record<CommKey, CommunicationInput[] | undefined>>,
): Promise<void> {
  for (const key of COMM_KEYS) {
    const items = input[key];
    if (!items) continue;
    const kind = COMM_KINDS[key];
    await ctx.db.kysely
      .deleteFrom('communications')
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .where('kind', '=', kind)
      .execute();
    if (!items.length) continue;
    await ctx.db.kysely
      .insertInto('communications')
      .values(
        items.map((item, i) => ({
          entity_type: entityType,
          entity_id: entityId,
          kind,
          value_type: item.type,
          value: item.value,
          normalized: normalizeComm(kind, item.value, ctx.phoneRegion),
          sort: i,
        })),
      )
      .execute();
  }
}

export async function loadCommunications(
  ctx: Ctx,
  entityType: string,
  ids: number[],
): Promise<Map<number, CommSet>> {
  const out = new Map<number, CommSet>();
  for (const id of ids) out.set(id, { phones: [], emails: [], websites: [], messengers: [] });
  if (!ids.length) return out;
  const rows = await ctx.db.kysely
    .selectFrom('communications')
    .select(['id', 'entity_id', 'kind', 'value_type', 'value'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .orderBy('entity_id')
    .orderBy('sort')
    .orderBy('id')
    .execute();
  const keyOf = Object.fromEntries(Object.entries(COMM_KINDS).map(([k, v]) => [v, k])) as Record<
    string,
    CommKey
  >;
  for (const r of rows) {
    const key = keyOf[r.kind];
    if (key) out.get(r.entity_id)?.[key].push({ id: r.id, value: r.value, type: r.value_type });
  }
  return out;
}

export async function deleteCommunications(ctx: Ctx, entityType: string, entityId: number): Promise<void> {
  await ctx.db.kysely
    .deleteFrom('communications')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
}
