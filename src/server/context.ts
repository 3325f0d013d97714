import type { Actor } from './access/actor.js';
import type { Db } from './db/connection.js';

/** What every service call receives: the database (or transaction), who acts, and settings it needs. */
export interface Ctx {
  db: Db;
  actor: Actor;
  phoneRegion: string;
}

export const withDb = (ctx: Ctx, db: Db): Ctx => ({ ...ctx, db });
