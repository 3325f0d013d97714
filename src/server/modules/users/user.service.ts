import type { Permissions } from '../../../shared/access.js';
import type { Db } from '../../db/connection.js';
import { notFound } from '../../errors.js';

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
      'id', 'email', 'name', 'last_name', 'is_admin', 'role_id', 'department_id', 'active', 'time_zone', 'locale',
      'position', 'phone', 'last_login_at', 'version', 'created_at', 'updated_at',
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
    ? await db.kysely.selectFrom('roles').select('permissions').where('id', '=', row.role_id).executeTakeFirst()
    : undefined;
  return { ...presentUser(row), permissions: role ? (JSON.parse(role.permissions) as Permissions) : {} };
}
