import type { Actor } from './access/actor.js';
import type { Db } from './db/connection.js';
import type { KnownRefs } from './modules/records/known-refs.js';

/** What every service call receives: the database (or transaction), who acts, and settings it needs. */
export interface Ctx {
  db: Db;
  actor: Actor;
  phoneRegion: string;
  /** Inside one record write: linked records it has checked and links it has written (see known-refs.ts). */
  known?: KnownRefs;
}

export const withDb = (ctx: Ctx, db: Db): Ctx => ({ ...ctx, db });
