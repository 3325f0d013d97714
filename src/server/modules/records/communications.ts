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

/**
 * Replaces each kind present in `input` (absent kinds are left alone). An item naming the id of one of the
 * record's entries of that kind changes that entry in place, so its id stays; entries not named go, items
 * without a known id are added. A record just `created` has no entries yet.
 */
export async function saveCommunications(
  ctx: Ctx,
  entityType: string,
  entityId: number,
  input: Partial<Record<CommKey, CommunicationInput[] | undefined>>,
  created = false,
): Promise<void> {
  const k = ctx.db.kysely;
  for (const key of COMM_KEYS) {
    const items = input[key];
    if (!items) continue;
    const kind = COMM_KINDS[key];
    const mine = k
      .selectFrom('communications')
      .select('id')
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .where('kind', '=', kind);
    const existing = created ? new Set<number>() : new Set((await mine.execute()).map((r) => r.id));
    const kept = new Set<number>();
    const row = (item: CommunicationInput, sort: number) => ({
      value_type: item.type,
      value: item.value,
      normalized: normalizeComm(kind, item.value, ctx.phoneRegion),
      sort,
    });
    const added: ReturnType<typeof row>[] = [];
    for (const [sort, item] of items.entries()) {
      if (item.id !== undefined && existing.has(item.id) && !kept.has(item.id)) {
        kept.add(item.id);
        await k.updateTable('communications').set(row(item, sort)).where('id', '=', item.id).execute();
      } else added.push(row(item, sort));
    }
    const gone = [...existing].filter((id) => !kept.has(id));
    if (gone.length) await k.deleteFrom('communications').where('id', 'in', gone).execute();
    if (added.length)
      await k
        .insertInto('communications')
        .values(added.map((r) => ({ ...r, entity_type: entityType, entity_id: entityId, kind })))
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
