import { type Migration as KMigration, type Kysely, Migrator } from 'kysely';
import type { Db } from './connection.js';
import { migration0001 } from './migrations/0001_core.js';
import { migration0002 } from './migrations/0002_crm.js';
import { migration0003 } from './migrations/0003_saved_filters.js';
import { migration0004 } from './migrations/0004_board_indexes.js';
import { migration0005 } from './migrations/0005_search_owner.js';
import { migration0006 } from './migrations/0006_activities.js';
import { migration0007 } from './migrations/0007_comments_notifications.js';
import { migration0008 } from './migrations/0008_inbound_webhooks.js';
import { migration0009 } from './migrations/0009_outbox.js';
import type { Migration } from './migrations/helpers.js';

/** Every migration, in order. New ones are appended; applied ones are never edited. */
const migrations: Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
];

export async function migrate(db: Db): Promise<string[]> {
  const provider = {
    async getMigrations(): Promise<Record<string, KMigration>> {
      return Object.fromEntries(
        migrations.map((m) => [m.name, { up: (k: Kysely<unknown>) => m.up(k, db.dialect) }]),
      );
    },
  };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
