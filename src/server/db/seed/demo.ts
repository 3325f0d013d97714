import type { Db } from '../connection.js';

/** Demo data: filled in by the demo seeder (see seedDemo in demo-data.ts). */
export async function seedDemo(_db: Db, _opts: { scale: number; phoneRegion: string }): Promise<void> {
  throw new Error('Demo data is not available in this build yet');
}
