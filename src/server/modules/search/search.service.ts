import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { RecordEntity } from '../../../shared/access.js';
import { looksLikePhone, phoneSearchTokens } from '../../../shared/phone.js';
import { type Reach, reachCondition, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { type SearchHit, searchDocs, tokens } from './search.repository.js';

const SEARCHED: RecordEntity[] = ['lead', 'contact', 'company', 'deal'];
const MAX_TOKENS = 8;
const searchTable = expressionBuilder<DB, 'search_docs'>();

/** The words to look for: a phone in any format becomes its international digits; text its words. */
export function queryTokens(q: string, phoneRegion: string): string[] {
  if (looksLikePhone(q)) return phoneSearchTokens(q, phoneRegion).slice(0, 1);
  return tokens(q).slice(0, MAX_TOKENS);
}

/**
 * Global search across leads, contacts, companies and deals, ranked. Each entity type is limited to the
 * records the actor may read, inside the query, so neither results nor their count leak anything.
 */
export async function globalSearch(ctx: Ctx, q: string, limit: number): Promise<SearchHit[]> {
  const words = queryTokens(q, ctx.phoneRegion);
  if (!words.length) return [];
  const parts: Expression<SqlBool>[] = [];
  const reaches: Reach[] = [];
  for (const entity of SEARCHED) {
    const reach = await reachOf(ctx.db, ctx.actor, entity, 'read');
    if (reach.kind === 'none') continue;
    reaches.push(reach);
    const own = reachCondition(reach, 'responsible_id')(searchTable);
    parts.push(sql<boolean>`(entity_type = ${entity} and ${own})`);
  }
  if (!parts.length) return [];
  // The same user set for every searched type (the usual role) can filter inside the index.
  const first = reaches[0];
  const sameUsers =
    reaches.length === SEARCHED.length &&
    first?.kind === 'users' &&
    reaches.every((r) => r.kind === 'users' && r.ids.join() === first.ids.join());
  const owners = sameUsers && first?.kind === 'users' ? first.ids : undefined;
  return searchDocs(ctx.db, words, sql<boolean>`(${sql.join(parts, sql` or `)})`, limit, owners);
}
