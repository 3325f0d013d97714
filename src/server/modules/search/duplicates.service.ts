import { sql } from 'kysely';
import type { RecordEntity } from '../../../shared/access.js';
import { reachCondition, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import { normalizeComm } from '../records/communications.js';

const TABLES = { lead: 'leads', contact: 'contacts', company: 'companies' } as const;
type CommEntity = keyof typeof TABLES;
const TITLE: Record<CommEntity, string> = {
  lead: 'r.title',
  contact: "trim(coalesce(r.name, '') || ' ' || coalesce(r.last_name, ''))",
  company: 'r.title',
};

export interface DuplicateHit {
  entityType: RecordEntity;
  id: number;
  title: string;
  matchedBy: 'phone' | 'email';
  value: string;
}

/**
 * Leads, contacts and companies that already have this phone or email, however it was written
 * ("8 (916) 123-45-67" matches "+79161234567"). Used before creating a record to avoid duplicates.
 */
export async function findDuplicates(
  ctx: Ctx,
  query: { phones: string[]; emails: string[]; entityTypes: CommEntity[] },
): Promise<DuplicateHit[]> {
  const wanted = [
    ...query.phones.map((v) => ({
      kind: 'phone' as const,
      normalized: normalizeComm('phone', v, ctx.phoneRegion),
    })),
    ...query.emails.map((v) => ({
      kind: 'email' as const,
      normalized: normalizeComm('email', v, ctx.phoneRegion),
    })),
  ];
  const hits: DuplicateHit[] = [];
  for (const entity of query.entityTypes) {
    const reach = await reachOf(ctx.db, ctx.actor, entity, 'read');
    if (reach.kind === 'none') continue;
    for (const w of wanted) {
      const rows = await ctx.db.kysely
        .selectFrom('communications as c')
        .innerJoin(`${TABLES[entity]} as r` as 'leads as r', 'r.id', 'c.entity_id')
        .select(['r.id as id', 'c.value as value', sql.raw<string>(TITLE[entity]).as('title')])
        .where('c.kind', '=', w.kind)
        .where('c.normalized', '=', w.normalized)
        .where('c.entity_type', '=', entity)
        .where(reachCondition(reach, 'r.responsible_id'))
        .limit(50)
        .execute();
      for (const r of rows)
        hits.push({ entityType: entity, id: r.id, title: r.title, matchedBy: w.kind, value: r.value });
    }
  }
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.entityType}:${h.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
