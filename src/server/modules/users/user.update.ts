import type { z } from 'zod';
import type { Permissions } from '../../../shared/access.js';
import type { meUpdate, userUpdate } from '../../../shared/schemas/org.js';
import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { UsersTable } from '../../db/schema.js';
import { nowIso, withTx } from '../../db/tx.js';
import { invalid } from '../../errors.js';
import { assertVersion, conflict, staleVersion, writeIfVersion } from '../../optimistic.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import {
  assertUserRefs,
  emailTaken,
  getMe,
  isValidTimeZone,
  loadUserRow,
  presentUser,
  type UserView,
} from './user.service.js';

export type UserUpdateInput = z.output<typeof userUpdate>;
export type MeUpdateInput = z.output<typeof meUpdate>;
type UserRow = Awaited<ReturnType<typeof loadUserRow>>;
type UserValues = Partial<Omit<UsersTable, 'id' | 'version'>>;

/** API input → column values, for the fields present. The password arrives already hashed. */
function toColumns(input: Omit<UserUpdateInput, 'password' | 'version'>, passwordHash?: string): UserValues {
  const v: UserValues = {};
  if (input.email !== undefined) v.email = input.email.toLowerCase();
  if (input.name !== undefined) v.name = input.name;
  if (input.lastName !== undefined) v.last_name = input.lastName;
  if (input.isAdmin !== undefined) v.is_admin = input.isAdmin ? 1 : 0;
  if (input.roleId !== undefined) v.role_id = input.roleId;
  if (input.departmentId !== undefined) v.department_id = input.departmentId;
  if (input.active !== undefined) v.active = input.active ? 1 : 0;
  if (input.timeZone !== undefined) v.time_zone = input.timeZone;
  if (input.locale !== undefined) v.locale = input.locale;
  if (input.position !== undefined) v.position = input.position;
  if (input.phone !== undefined) v.phone = input.phone;
  if (passwordHash !== undefined) v.password_hash = passwordHash;
  return v;
}

/** The company must keep at least one active administrator, or nobody could configure it any more. */
async function guardLastAdmin(db: Db, existing: UserRow, input: UserUpdateInput): Promise<void> {
  if (!existing.is_admin || !existing.active) return;
  const staysAdmin = (input.isAdmin ?? true) && (input.active ?? true);
  if (staysAdmin) return;
  const other = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('is_admin', '=', 1)
    .where('active', '=', 1)
    .where('id', '<>', existing.id)
    .executeTakeFirst();
  if (!other) {
    throw conflict(
      `${existing.email} is the last active administrator; make another user an administrator first`,
    );
  }
}

/** Writes the values if the row is still at `version`; otherwise answers 409 with the current user. */
async function writeUser(db: Db, id: number, version: number, values: UserValues): Promise<void> {
  if (!(await writeIfVersion(db, 'users', id, version, { ...values, updated_at: nowIso() }))) {
    throw staleVersion('User', presentUser(await loadUserRow(db, id)));
  }
}

/** PATCH /users/:id: administrators change anyone, including deactivating (their sessions end). */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  input: UserUpdateInput,
): Promise<UserView> {
  assertAdmin(actor);
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone))
    throw invalid([{ field: 'timeZone', message: 'unknown IANA time zone' }]);
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  try {
    return await withTx(db, async (tx) => {
      const existing = await loadUserRow(tx, id);
      assertVersion('User', input.version, presentUser(existing));
      await assertUserRefs(tx, input);
      await guardLastAdmin(tx, existing, input);
      await writeUser(tx, id, existing.version, toColumns(input, passwordHash));
      if (input.active === false || input.password !== undefined) {
        // a deactivated user (or one whose password an administrator reset) signs in again
        await tx.kysely.deleteFrom('sessions').where('user_id', '=', id).execute();
      }
      return presentUser(await loadUserRow(tx, id));
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.email !== undefined) throw emailTaken(input.email);
    throw err;
  }
}

async function checkCurrentPassword(db: Db, userId: number, input: MeUpdateInput): Promise<void> {
  if (input.password === undefined) {
    if (input.currentPassword !== undefined)
      throw invalid([{ field: 'password', message: 'is required when currentPassword is sent' }]);
    return;
  }
  if (input.currentPassword === undefined)
    throw invalid([{ field: 'currentPassword', message: 'is required to change the password' }]);
  const row = await loadUserRow(db, userId);
  if (!(await verifyPassword(row.password_hash, input.currentPassword)))
    throw invalid([{ field: 'currentPassword', message: 'is not your current password' }]);
}

/** PATCH /me: a user changes their own name, time zone, locale or password. */
export async function updateMe(
  db: Db,
  actor: Actor,
  input: MeUpdateInput,
): Promise<UserView & { permissions: Permissions }> {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone))
    throw invalid([{ field: 'timeZone', message: 'unknown IANA time zone' }]);
  await checkCurrentPassword(db, actor.userId, input);
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const { name, lastName, timeZone, locale } = input;
  await withTx(db, async (tx) => {
    const existing = await loadUserRow(tx, actor.userId);
    assertVersion('User', input.version, presentUser(existing));
    await writeUser(
      tx,
      actor.userId,
      existing.version,
      toColumns({ name, lastName, timeZone, locale }, passwordHash),
    );
  });
  return getMe(db, actor.userId);
}
