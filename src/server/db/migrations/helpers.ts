import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection.js';

/** Schema-building helpers that hide the two engines' spelling of the same column. */
export function schemaKit(dialect: Dialect) {
  const pg = dialect === 'postgres';
  return {
    /** Integer primary key that the database assigns. */
    id: <T extends string>(t: CreateTableBuilder<T>) =>
      pg
        ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
        : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    /** Timestamp column type: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
    timestamp: pg ? ('timestamptz' as const) : ('text' as const),
    money: 'bigint' as const,
    bool: (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0),
  };
}

export type Migration = {
  name: string;
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
};

export { sql };
