import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { type Migration, schemaKit, sql } from './helpers.js';

/** Users, org structure, roles, sessions, tokens, reference data. */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const k = schemaKit(dialect);
  const ts = k.timestamp;
  const audited = <T extends string>(t: CreateTableBuilder<T>) =>
    t
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull());

  await audited(
    k
      .id(db.schema.createTable('departments'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'integer', (c) => c.references('departments.id').onDelete('restrict'))
      .addColumn('head_id', 'integer')
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await audited(
    k
      .id(db.schema.createTable('roles'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.unique())
      .addColumn('permissions', 'text', (c) => c.notNull()),
  ).execute();

  await audited(
    k
      .id(db.schema.createTable('users'))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('password_hash', 'text')
      .addColumn('is_admin', 'integer', k.bool)
      .addColumn('role_id', 'integer', (c) => c.references('roles.id').onDelete('set null'))
      .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('set null'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
      .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('last_login_at', ts),
  ).execute();
  await db.schema.createIndex('ix_users_department').on('users').columns(['department_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();

  await k
    .id(db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .addColumn('revoked_at', ts)
    .execute();

  await k
    .id(db.schema.createTable('idempotency_keys'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('uq_idempotency_user_key', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('currencies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('exponent', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('is_base', 'integer', k.bool)
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await k
    .id(db.schema.createTable('sources'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await audited(
    k
      .id(db.schema.createTable('pipelines'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_default', 'integer', k.bool),
  ).execute();

  await k
    .id(db.schema.createTable('stages'))
    .addColumn('pipeline_id', 'integer', (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('semantics', 'text', (c) => c.notNull().defaultTo('process'))
    .addColumn('probability', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('color', 'text', (c) => c.notNull().defaultTo('#4dabf7'))
    .execute();
  await db.schema.createIndex('ix_stages_pipeline').on('stages').columns(['pipeline_id', 'sort']).execute();

  await k
    .id(db.schema.createTable('lead_statuses'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('semantics', 'text', (c) => c.notNull().defaultTo('process'))
    .addColumn('color', 'text', (c) => c.notNull().defaultTo('#4dabf7'))
    .execute();

  await k
    .id(db.schema.createTable('custom_fields'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('multiple', 'integer', k.bool)
    .addColumn('required', 'integer', k.bool)
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('uq_custom_fields_code', ['entity_type', 'code'])
    .execute();

  await k
    .id(db.schema.createTable('history'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ix_history_entity')
    .on('history')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();
  void sql;
}

export const migration0001: Migration = { name: '0001_core', up };
