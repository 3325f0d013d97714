import fs from 'node:fs';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createDb } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { ensureAdmin } from './db/seed/admin.js';
import { seedDefaults } from './db/seed/defaults.js';
import { startActivityReminders } from './jobs/activity-reminders.js';
import { startOutboxWorker } from './jobs/outbox-worker.js';

/** Process entry: config → db → migrate → defaults → app → listen; graceful shutdown on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const db = createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await migrate(db);
  await seedDefaults(db, config.BASE_CURRENCY);
  const admin = await ensureAdmin(db, config.SEVAN_ADMIN_EMAIL, config.SEVAN_ADMIN_PASSWORD);
  if (admin?.generatedPassword) {
    process.stdout.write(
      `\n  Sevan administrator created: ${admin.email}\n  Password (shown once, change it after signing in): ${admin.generatedPassword}\n\n`,
    );
  }
  if (config.SEVAN_DEMO) {
    const { seedDemo } = await import('./db/seed/demo.js');
    await seedDemo(db, { scale: config.SEVAN_DEMO_SCALE, phoneRegion: config.DEFAULT_PHONE_REGION });
  }
  const https =
    config.TLS_CERT && config.TLS_KEY
      ? { cert: fs.readFileSync(config.TLS_CERT), key: fs.readFileSync(config.TLS_KEY) }
      : undefined;
  const app = await createApp({ db, config, ...(https ? { https } : {}) });
  await app.listen({ port: config.PORT, host: config.HOST });
  const reminders = startActivityReminders(db, {
    onError: (err) => app.log.error(err, 'activity reminders'),
  });
  const outbox = startOutboxWorker(db, { onError: (err) => app.log.error(err, 'outgoing webhooks') });
  const scheme = https ? 'https' : 'http';
  process.stdout.write(
    `Sevan is running at ${scheme}://${config.HOST}:${config.PORT} (database: ${db.dialect})\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received, finishing in-flight requests…\n`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await reminders.stop();
    await outbox.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
