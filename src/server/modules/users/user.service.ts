import type { z } from 'zod';
import type { Permissions } from '../../../shared/access.js';
import { ErrorCodes } from '../../../shared/errors.js';
import type { userCreate } from '../../../shared/schemas/org.js';
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

/** Creates a user (validated input). The email is unique, case-insensitively. */
export async function createUser(db: Db, input: UserCreateInput): Promise<UserView> {
  if (!isValidTimeZone(input.timeZone))
    throw invalid([{ field: 'timeZone', message: 'unknown IANA time zone' }]);
  if (input.roleId !== null) {
    const role = await db.kysely
      .selectFrom('roles')
      .select('id')
      .where('id', '=', input.roleId)
      .executeTakeFirst();
    if (!role) throw invalid([{ field: 'roleId', message: `no role with id ${input.roleId}` }]);
  }
  if (input.departmentId !== null) {
    const dept = await db.kysely
      .selectFrom('departments')
      .select('id')
      .where('id', '=', input.departmentId)
      .executeTakeFirst();
    if (!dept)
      throw invalid([{ field: 'departmentId', message: `no department with id ${input.departmentId}` }]);
  }
  const now = nowIso();
  try {
    const row = await db.kysely
      .insertInto('users')
      .values({
        email: input.email.toLowerCase(),
        name: input.name,
        last_name: input.lastName,
        password_hash: await hashPassword(input.password),
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
    const created = await db.kysely
      .selectFrom('users')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    return presentUser(created);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(ErrorCodes.CONFLICT, `A user with email ${input.email} already exists`, [
        { field: 'email', message: 'is already used by another user' },
      ]);
    }
    throw err;
  }
}
