import { type Expression, type SqlBool, sql } from 'kysely';
import type { RecordEntity } from '../../../shared/access.js';
import type { Db } from '../../db/connection.js';
import { insertRows } from '../../db/statements.js';

/**
 * The full-text index behind one set of functions: SQLite FTS5 or PostgreSQL tsvector. Documents are
 * written in the same transaction as the record, so search never shows what the database does not hold.
 */
const TYPE_NUMBER: Record<string, number> = { lead: 1, contact: 2, company: 3, deal: 4 };
const ROWID_BASE = 2 ** 40;
/** Above this many matches a search is too broad to rank (see searchDocs). */
const BROAD = 1000;

const rowidOf = (entity: string, id: number) => (TYPE_NUMBER[entity] ?? 9) * ROWID_BASE + id;

/** Splits text into the index's tokens: letters and digits of any script. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * SQLite: inside a transaction, the index is written at its end (see Db.beforeCommit), in the order the
 * changes were made; nothing in a write transaction searches, so nothing misses a document meanwhile.
 */
async function lastInTransaction(db: Db, write: () => Promise<void>): Promise<void> {
  if (db.beforeCommit) db.beforeCommit.push(write);
  else await write();
}

export async function indexDoc(
  db: Db,
  entity: RecordEntity,
  id: number,
  responsibleId: number,
  doc: { title: string; body: string },
  /** A record created just now has no document yet: nothing to replace. */
  fresh = false,
): Promise<void> {
  if (db.dialect === 'sqlite') {
    const rowid = rowidOf(entity, id);
    const write = async () => {
      if (!fresh) await sql`delete from search_docs where rowid = ${rowid}`.execute(db.kysely);
      // through the write path's kept statement text (db/statements.ts): one a record write
      await insertRows(db, 'search_docs', [
        {
          rowid,
          entity_type: entity,
          entity_id: id,
          responsible_id: responsibleId,
          owner: `u${responsibleId}`,
          title: doc.title,
          body: doc.body,
        },
      ]);
    };
    return lastInTransaction(db, write);
  }
  await sql`insert into search_docs(entity_type, entity_id, responsible_id, title, body)
    values (${entity}, ${id}, ${responsibleId}, ${doc.title}, ${doc.body})
    on conflict (entity_type, entity_id) do update
    set responsible_id = excluded.responsible_id, title = excluded.title, body = excluded.body`.execute(
    db.kysely,
  );
}

export async function removeDoc(db: Db, entity: RecordEntity, id: number): Promise<void> {
  if (db.dialect === 'sqlite') {
    const rowid = rowidOf(entity, id);
    await lastInTransaction(db, async () => {
      await sql`delete from search_docs where rowid = ${rowid}`.execute(db.kysely);
    });
  } else {
    await sql`delete from search_docs where entity_type = ${entity} and entity_id = ${id}`.execute(db.kysely);
  }
}

export interface SearchHit {
  entityType: RecordEntity;
  entityId: number;
  title: string;
  rank: number;
}

/**
 * Finds documents whose words start with every query token. `allowed` is the rights condition on
 * (entity_type, responsible_id), built by the access module; nothing outside it is ever returned.
 */
export async function searchDocs(
  db: Db,
  queryTokens: string[],
  allowed: Expression<SqlBool>,
  limit: number,
  owners?: number[],
): Promise<SearchHit[]> {
  if (!queryTokens.length) return [];
  if (db.dialect === 'sqlite') {
    const words = queryTokens.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' AND ');
    return searchSqlite(db, `{title body} : (${words})`, allowed, limit, owners);
  }
  const tsquery = queryTokens.map((t) => `${t.replaceAll(/[^\p{L}\p{N}]/gu, '')}:*`).join(' & ');
  const result = await sql<{ entity_type: RecordEntity; entity_id: number; title: string; rank: number }>`
    select entity_type, entity_id, title,
      ts_rank(tsv, q) + case when lower(title) like ${`${queryTokens[0]}%`} then 1 else 0 end as rank
    from search_docs, to_tsquery('simple', ${tsquery}) q
    where tsv @@ q and ${allowed}
    order by rank desc limit ${limit}`.execute(db.kysely);
  return result.rows.map((r) => ({
    entityType: r.entity_type,
    entityId: r.entity_id,
    title: r.title,
    rank: r.rank,
  }));
}

/** How many documents match, counting no further than `cap`. */
async function countUpTo(db: Db, match: string, cap: number): Promise<number> {
  const counted = await sql<{ n: number }>`select count(*) as n from
    (select 1 from search_docs where search_docs match ${match} limit ${cap})`.execute(db.kysely);
  return Number(counted.rows[0]?.n ?? 0);
}

/**
 * FTS5: words match title and body by prefix. `owners` (when every searched type has the same reach)
 * narrows the matches inside the index, which is cheap for counting and for reading newest first, but
 * not for ranking: bm25 scores each term of the query over the whole index, the owners' long lists
 * included. So the ranking uses the owner terms only when the words alone match too many documents to
 * score. `allowed` applies throughout: it is the rule, the owner terms are the speed.
 */
async function searchSqlite(
  db: Db,
  wordsMatch: string,
  allowed: Expression<SqlBool>,
  limit: number,
  owners: number[] | undefined,
): Promise<SearchHit[]> {
  const ownersMatch = owners?.length
    ? `${wordsMatch} AND owner : (${owners.map((o) => `u${o}`).join(' OR ')})`
    : wordsMatch;
  const narrowed = await countUpTo(db, ownersMatch, BROAD + 1);
  if (narrowed === 0) return [];
  // Past BROAD matches a ranking says little (a short prefix can match tens of thousands of documents),
  // so such a query shows the newest records instead.
  const broad = narrowed > BROAD;
  const rankWordsAlone =
    !broad && (ownersMatch === wordsMatch || (await countUpTo(db, wordsMatch, BROAD + 1)) <= BROAD);
  const match = rankWordsAlone ? wordsMatch : ownersMatch;
  const result = await sql<{ entity_type: RecordEntity; entity_id: number; title: string; rank: number }>`
    select entity_type, entity_id, title, ${broad ? sql`0` : sql`rank`} as rank
    from search_docs where search_docs match ${match} and ${allowed}
    order by ${broad ? sql`rowid desc` : sql`rank`} limit ${limit}`.execute(db.kysely);
  return result.rows.map((r) => ({
    entityType: r.entity_type,
    entityId: Number(r.entity_id),
    title: r.title,
    rank: -r.rank,
  }));
}
