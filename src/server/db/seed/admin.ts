import { hashPassword } from '../../modules/auth/password.js';
import { newSecret } from '../../modules/auth/tokens.js';
import type { Db } from '../connection.js';
import { nowIso } from '../tx.js';

/**
 * With no users yet, creates the administrator. Without a configured password it generates one and
 * returns it so the caller prints it once.
 */
export async function ensureAdmin(
  db: Db,
  email: string | undefined,
  password: string | undefined,
): Promise<{ email: string; generatedPassword: string | null } | null> {
  const any = await db.kysely.selectFrom('users').select('id').executeTakeFirst();
  if (any) return null;
  const adminEmail = (email ?? 'admin@sevan.local').toLowerCase();
  const generated = password ? null : newSecret(12);
  const role = await db.kysely
    .selectFrom('roles')
    .select('id')
    .where('code', '=', 'admin')
    .executeTakeFirst();
  const dept = await db.kysely.selectFrom('departments').select('id').orderBy('id').executeTakeFirst();
  const now = nowIso();
  const user = await db.kysely
    .insertInto('users')
    .values({
      email: adminEmail,
      name: 'Administrator',
      last_name: '',
      password_hash: await hashPassword(password ?? (generated as string)),
      is_admin: 1,
      role_id: role?.id ?? null,
      department_id: dept?.id ?? null,
      active: 1,
      time_zone: 'UTC',
      locale: 'en',
      position: '',
      phone: '',
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (dept)
    await db.kysely.updateTable('departments').set({ head_id: user.id }).where('id', '=', dept.id).execute();
  return { email: adminEmail, generatedPassword: generated };
}
