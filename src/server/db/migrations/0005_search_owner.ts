import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';
import type { Migration } from './helpers.js';

/**
 * SQLite search: the record's owner becomes an indexed token ("u17") so a search limited to some users
 * filters inside the full-text index instead of reading every match, and ranking uses FTS5's own rank
 * (title weighted 10, body 1), which is cheaper than calling bm25() per row.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  if (dialect !== 'sqlite') return;
  await sql`create virtual table search_docs_next using fts5(
    entity_type unindexed, entity_id unindexed, responsible_id unindexed, owner, title, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  await sql`insert into search_docs_next(rowid, entity_type, entity_id, responsible_id, owner, title, body)
    select rowid, entity_type, entity_id, responsible_id, 'u' || responsible_id, title, body from search_docs`.execute(
    db,
  );
  await sql`drop table search_docs`.execute(db);
  await sql`alter table search_docs_next rename to search_docs`.execute(db);
  await sql`insert into search_docs(search_docs, rank) values ('rank', 'bm25(0.0, 0.0, 0.0, 0.0, 10.0, 1.0)')`.execute(
    db,
  );
}

export const migration0005: Migration = { name: '0005_search_owner', up };
