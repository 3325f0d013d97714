import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import { liveRoutes } from './events.routes.js';
import { LiveHub } from './hub.js';
import { type LogError, listenForChanges } from './listener.js';
import { publishRecordWrites } from './record-changes.js';
import { publishSettingsWrites } from './settings-changes.js';

/**
 * Live updates: record and settings writes publish changes, the process listens for changes made by any process
 * (PostgreSQL) and streams them to the signed-in users allowed to see them. Streams end before the server
 * closes (so shutdown does not wait for them) and the listening connection closes with the app.
 */
export async function registerLive(app: FastifyInstance, db: Db): Promise<void> {
  publishRecordWrites();
  publishSettingsWrites(app, db);
  const logError: LogError = (message, err) => app.log.warn({ err }, message);
  const hub = new LiveHub(db, logError);
  const stopHub = hub.start();
  const stopListening = await listenForChanges(db, logError);
  liveRoutes(app, { db, hub });
  app.addHook('preClose', async () => hub.closeAll());
  app.addHook('onClose', async () => {
    stopHub();
    await stopListening();
  });
}
