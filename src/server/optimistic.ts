import { sql } from 'kysely';
import { z } from 'zod';
import { ErrorCodes } from '../shared/errors.js';
import type { Db } from './db/connection.js';
import { AppError } from './errors.js';

/**
 * Optimistic concurrency for the configuration records (users, departments, roles, pipelines): the client
 * sends the version it read, in the body or as If-Match; a stale one answers 409 with the current record.
 */
export const ifMatchHeader = z.looseObject({
  'if-match': z
    .string()
    .regex(/^"?\d+"?$/, 'must be the version you read')
    .optional(),
});

/** The version the client based its change on: the body's `version`, else the If-Match header. */
export function expectedVersion(
  body: { version?: number | undefined },
  ifMatch?: string,
): number | undefined {
  if (body.version !== undefined) return body.version;
  return ifMatch === undefined ? undefined : Number(ifMatch.replaceAll('"', ''));
}

export function staleVersion(label: string, current: { id: number | string; version: number }): AppError {
  return new AppError(
    ErrorCodes.VERSION_CONFLICT,
    `${label} ${current.id} was changed by someone else (now version ${current.version}); reload and retry`,
    { current },
  );
}

/** Throws the 409 when the client's version is known and differs from the stored one. */
export function assertVersion(
  label: string,
  expected: number | undefined,
  current: { id: number | string; version: number },
): void {
  if (expected !== undefined && expected !== current.version) throw staleVersion(label, current);
}

export const conflict = (message: string, details?: unknown) =>
  new AppError(ErrorCodes.CONFLICT, message, details);

type VersionedTable =
  | 'users'
  | 'departments'
  | 'roles'
  | 'pipelines'
  | 'leads'
  | 'contacts'
  | 'companies'
  | 'deals'
  | 'products';

/**
 * Writes `values` to the row and bumps its version, only if the row is still at `version`. Returns
 * false when someone else changed it first; the caller answers 409 with the current record.
 */
export async function writeIfVersion(
  db: Db,
  table: VersionedTable,
  id: number,
  version: number,
  values: Record<string, unknown>,
): Promise<boolean> {
  const res = await db.kysely
    .updateTable(table)
    .set({ ...values, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
