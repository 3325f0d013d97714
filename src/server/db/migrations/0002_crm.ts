import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { type Migration, schemaKit, sql } from './helpers.js';

/** CRM records (leads, contacts, companies, deals), their links, communications, products and rows. */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const k = schemaKit(dialect);
  const ts = k.timestamp;
  const record = <T extends string>(t: CreateTableBuilder<T>) =>
    t
      .addColumn('responsible_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('set null'))
      .addColumn('comments', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer')
      .addColumn('updated_by', 'integer')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull());
  const person = <T extends string>(t: CreateTableBuilder<T>) =>
    t
      .addColumn('honorific', 'text')
      .addColumn('second_name', 'text')
      .addColumn('last_name', 'text')
      .addColumn('post', 'text')
      .addColumn('address', 'text')
      .addColumn('birthdate', 'text');

  await record(
    person(k.id(db.schema.createTable('leads')))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status_id', 'integer', (c) => c.notNull().references('lead_statuses.id'))
      .addColumn('status_semantics', 'text', (c) => c.notNull().defaultTo('process'))
      .addColumn('name', 'text')
      .addColumn('company_title', 'text')
      .addColumn('amount', k.money, (c) => c.notNull().defaultTo(0))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('source_description', 'text')
      .addColumn('contact_id', 'integer')
      .addColumn('company_id', 'integer')
      .addColumn('converted_at', ts),
  ).execute();

  await record(
    person(k.id(db.schema.createTable('contacts')))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type_id', 'text')
      .addColumn('source_description', 'text')
      .addColumn('lead_id', 'integer'),
  ).execute();

  await record(
    k
      .id(db.schema.createTable('companies'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('company_type', 'text')
      .addColumn('industry', 'text')
      .addColumn('employees', 'text')
      .addColumn('revenue', k.money)
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('lead_id', 'integer'),
  ).execute();

  await record(
    k
      .id(db.schema.createTable('deals'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('pipeline_id', 'integer', (c) => c.notNull().references('pipelines.id'))
      .addColumn('stage_id', 'integer', (c) => c.notNull().references('stages.id'))
      .addColumn('stage_semantics', 'text', (c) => c.notNull().defaultTo('process'))
      .addColumn('probability', 'integer')
      .addColumn('amount', k.money, (c) => c.notNull().defaultTo(0))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('company_id', 'integer', (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('lead_id', 'integer', (c) => c.references('leads.id').onDelete('set null'))
      .addColumn('type_id', 'text')
      .addColumn('begin_date', 'text')
      .addColumn('close_date', 'text')
      .addColumn('closed', 'integer', k.bool)
      .addColumn('source_description', 'text')
      .addColumn('has_product_rows', 'integer', k.bool),
  ).execute();

  await db.schema
    .createTable('contact_companies')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('pk_contact_companies', ['contact_id', 'company_id'])
    .execute();
  await db.schema
    .createIndex('ix_contact_companies_company')
    .on('contact_companies')
    .columns(['company_id'])
    .execute();

  await db.schema
    .createTable('deal_contacts')
    .addColumn('deal_id', 'integer', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('pk_deal_contacts', ['deal_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('ix_deal_contacts_contact')
    .on('deal_contacts')
    .columns(['contact_id'])
    .execute();

  await k
    .id(db.schema.createTable('communications'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('normalized', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('ix_communications_entity')
    .on('communications')
    .columns(['entity_type', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('ix_communications_value')
    .on('communications')
    .columns(['kind', 'normalized'])
    .execute();

  await k
    .id(db.schema.createTable('product_sections'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('product_sections.id').onDelete('set null'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await k
    .id(db.schema.createTable('products'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('section_id', 'integer', (c) => c.references('product_sections.id').onDelete('set null'))
    .addColumn('description', 'text')
    .addColumn('price', k.money, (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('vat_rate', 'integer')
    .addColumn('vat_included', 'integer', k.bool)
    .addColumn('measure', 'text', (c) => c.notNull().defaultTo('pcs'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(500))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('updated_by', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await k
    .id(db.schema.createTable('product_rows'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.references('products.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price', k.money, (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('discount_type', 'text', (c) => c.notNull().defaultTo('percent'))
    .addColumn('discount_rate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discount_sum', k.money, (c) => c.notNull().defaultTo(0))
    .addColumn('tax_rate', 'integer')
    .addColumn('tax_included', 'integer', k.bool)
    .addColumn('measure', 'text', (c) => c.notNull().defaultTo('pcs'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('ix_product_rows_owner')
    .on('product_rows')
    .columns(['owner_type', 'owner_id'])
    .execute();

  // List indexes: each serves a filter + sort the UI and API use (DESIGN.md storage rules).
  const indexes: [string, string, string[]][] = [
    ['ix_leads_status', 'leads', ['status_id', 'responsible_id', 'id']],
    ['ix_leads_responsible', 'leads', ['responsible_id', 'id']],
    ['ix_leads_created', 'leads', ['created_at', 'id']],
    ['ix_contacts_responsible', 'contacts', ['responsible_id', 'id']],
    ['ix_contacts_name', 'contacts', ['last_name', 'name', 'id']],
    ['ix_companies_responsible', 'companies', ['responsible_id', 'id']],
    ['ix_companies_title', 'companies', ['title', 'id']],
    ['ix_deals_stage_resp_amount', 'deals', ['stage_id', 'responsible_id', 'amount', 'id']],
    ['ix_deals_resp_amount', 'deals', ['responsible_id', 'amount', 'id']],
    ['ix_deals_pipeline_stage', 'deals', ['pipeline_id', 'stage_id', 'amount']],
    ['ix_deals_amount', 'deals', ['amount', 'id']],
    ['ix_deals_company', 'deals', ['company_id']],
    ['ix_deals_created', 'deals', ['created_at', 'id']],
    ['ix_products_name', 'products', ['name', 'id']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }

  if (dialect === 'sqlite') {
    // rowid = entity type number * 2^40 + entity id, so a record's document is found without a scan.
    await sql`create virtual table search_docs using fts5(
      entity_type unindexed, entity_id unindexed, responsible_id unindexed, title, body,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  } else {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create table search_docs (
      entity_type text not null, entity_id integer not null, responsible_id integer not null,
      title text not null, body text not null,
      tsv tsvector generated always as (to_tsvector('simple', title || ' ' || body)) stored,
      primary key (entity_type, entity_id))`.execute(db);
    await sql`create index ix_search_docs_tsv on search_docs using gin (tsv)`.execute(db);
    await sql`create index ix_search_docs_trgm on search_docs using gin (title gin_trgm_ops)`.execute(db);
  }
}

export const migration0002: Migration = { name: '0002_crm', up };
