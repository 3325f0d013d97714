import type { z } from 'zod';
import type { Permissions } from '../../../shared/access.js';
import { ErrorCodes } from '../../../shared/errors.js';
import type { userCreate } from '../../../shared/schemas/org.js';
import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { nowIso } from '../../db/tx.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { hashPassword } from '../auth/password.js';

export interface UserView {
  id: number;
  email: string;
  name: string;
  lastName: string;
  isAdmin: boolean;
  roleId: number | null;
  departmentId: number | null;
  active: boolean;
  timeZone: string;
  locale: string;
  position: string;
  phone: string;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type UserRow = Awaited<ReturnType<typeof selectUsers>>[number];

function selectUsers(db: Db) {
  return db.kysely
    .selectFrom('users')
    .select([
      'id',
      'email',
      'name',
      'last_name',
      'is_admin',
      'role_id',
      'department_id',
      'active',
      'time_zone',
      'locale',
      'position',
      'phone',
      'last_login_at',
      'version',
      'created_at',
      'updated_at',
    ])
    .execute();
}

export function presentUser(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    lastName: u.last_name,
    isAdmin: Boolean(u.is_admin),
    roleId: u.role_id,
    departmentId: u.department_id,
    active: Boolean(u.active),
    timeZone: u.time_zone,
    locale: u.locale,
    position: u.position,
    phone: u.phone,
    lastLoginAt: u.last_login_at,
    version: u.version,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  };
}

/** The signed-in user, with the rights their role grants (the UI hides what they cannot do). */
export async function getMe(db: Db, userId: number): Promise<UserView & { permissions: Permissions }> {
  const row = await db.kysely.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('User', userId);
  const role = row.role_id
    ? await db.kysely
        .selectFrom('roles')
        .select('permissions')
        .where('id', '=', row.role_id)
        .executeTakeFirst()
    : undefined;
  return { ...presentUser(row), permissions: role ? (JSON.parse(role.permissions) as Permissions) : {} };
}

export type UserCreateInput = z.output<typeof userCreate>;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Refuses a role or department that does not exist (400 naming the field). */
export async function assertUserRefs(
  db: Db,
  refs: { roleId?: number | null | undefined; departmentId?: number | null | undefined },
): Promise<void> {
  if (refs.roleId !== undefined && refs.roleId !== null) {
    const role = await db.kysely
      .selectFrom('roles')
      .select('id')
      .where('id', '=', refs.roleId)
      .executeTakeFirst();
    if (!role) throw invalid([{ field: 'roleId', message: `no role with id ${refs.roleId}` }]);
  }
  if (refs.departmentId !== undefined && refs.departmentId !== null) {
    const dept = await db.kysely
      .selectFrom('departments')
      .select('id')
      .where('id', '=', refs.departmentId)
      .executeTakeFirst();
    if (!dept)
      throw invalid([{ field: 'departmentId', message: `no department with id ${refs.departmentId}` }]);
  }
}

export const emailTaken = (email: string) =>
  new AppError(ErrorCodes.CONFLICT, `A user with email ${email} already exists`, [
    { field: 'email', message: 'is already used by another user' },
  ]);

/** Creates a user (validated input). The email is unique, case-insensitively. */
export async function createUser(db: Db, input: UserCreateInput): Promise<UserView> {
  if (!isValidTimeZone(input.timeZone))
    throw invalid([{ field: 'timeZone', message: 'unknown IANA time zone' }]);
  await assertUserRefs(db, input);
  const now = nowIso();
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db.kysely
      .insertInto('users')
      .values({
        email: input.email.toLowerCase(),
        name: input.name,
        last_name: input.lastName,
        password_hash: passwordHash,
        is_admin: input.isAdmin ? 1 : 0,
        role_id: input.roleId,
        department_id: input.departmentId,
        active: 1,
        time_zone: input.timeZone,
        locale: input.locale,
        position: input.position,
        phone: input.phone,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return presentUser(await loadUserRow(db, row.id));
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email);
    throw err;
  }
}

/** POST /users: administrators only. */
export async function createUserAs(db: Db, actor: Actor, input: UserCreateInput): Promise<UserView> {
  assertAdmin(actor);
  return createUser(db, input);
}

/** The row of one user; throws 404 when there is none. */
export async function loadUserRow(db: Db, id: number) {
  const row = await db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('User', id);
  return row;
}

/** What every signed-in user may see of a colleague: the company directory. */
export interface DirectoryUser {
  id: number;
  email: string;
  name: string;
  lastName: string;
  departmentId: number | null;
  roleId: number | null;
  active: boolean;
  position: string;
}

export function presentForActor(actor: Actor, u: UserRow): UserView | DirectoryUser {
  const full = presentUser(u);
  if (actor.isAdmin || actor.userId === u.id) return full;
  const { id, email, name, lastName, departmentId, roleId, active, position } = full;
  return { id, email, name, lastName, departmentId, roleId, active, position };
}

export interface UserListFilter {
  active?: boolean | undefined;
  departmentId?: number | undefined;
}

/** The directory: administrators see every field, others the directory fields. */
export async function listUsers(
  db: Db,
  actor: Actor,
  filter: UserListFilter = {},
): Promise<(UserView | DirectoryUser)[]> {
  let q = db.kysely.selectFrom('users').selectAll();
  if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
  if (filter.departmentId !== undefined) q = q.where('department_id', '=', filter.departmentId);
  const rows = await q.orderBy('name').orderBy('last_name').orderBy('id').execute();
  return rows.map((r) => presentForActor(actor, r));
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<UserView | DirectoryUser> {
  return presentForActor(actor, await loadUserRow(db, id));
}
