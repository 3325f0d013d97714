import type { z } from 'zod';
import type { Permissions } from '../../../shared/access.js';
import type { roleCreate, roleUpdate } from '../../../shared/schemas/org.js';
import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { RolesTable } from '../../db/schema.js';
import { DEFAULT_ROLES } from '../../db/seed/defaults.js';
import { nowIso, withTx } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import { assertVersion, conflict, staleVersion, writeIfVersion } from '../../optimistic.js';

/** Roles: named sets of rights (entity × action → scope) given to users. */
export interface RoleView {
  id: number;
  name: string;
  code: string | null;
  permissions: Permissions;
  /** One of the roles every installation starts with; it cannot be deleted. */
  isDefault: boolean;
  userCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type RoleCreate = z.output<typeof roleCreate>;
export type RoleUpdate = z.output<typeof roleUpdate>;

const DEFAULT_CODES = new Set<string>(DEFAULT_ROLES.map((r) => r.code));

export async function listRoles(db: Db): Promise<RoleView[]> {
  const [rows, counts] = await Promise.all([
    db.kysely.selectFrom('roles').selectAll().orderBy('id').execute(),
    db.kysely
      .selectFrom('users')
      .select((eb) => ['role_id', eb.fn.countAll().as('n')])
      .where('role_id', 'is not', null)
      .groupBy('role_id')
      .execute(),
  ]);
  const users = new Map(counts.map((c) => [c.role_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    permissions: JSON.parse(r.permissions) as Permissions,
    isDefault: r.code !== null && DEFAULT_CODES.has(r.code),
    userCount: users.get(r.id) ?? 0,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function getRole(db: Db, id: number): Promise<RoleView> {
  const found = (await listRoles(db)).find((r) => r.id === id);
  if (!found) throw notFound('Role', id);
  return found;
}

const codeTaken = (code: string) =>
  conflict(`A role with code "${code}" already exists`, [{ field: 'code', message: 'is already used' }]);

export async function createRole(db: Db, actor: Actor, input: RoleCreate): Promise<RoleView> {
  assertAdmin(actor);
  const now = nowIso();
  try {
    const id = await withTx(db, async (tx) => {
      const row = await tx.kysely
        .insertInto('roles')
        .values({
          name: input.name,
          code: input.code,
          permissions: JSON.stringify(input.permissions),
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
    return await getRole(db, id);
  } catch (err) {
    if (isUniqueViolation(err) && input.code !== null) throw codeTaken(input.code);
    throw err;
  }
}

/** Renames a role or replaces its whole permission map; its users get the new rights on their next request. */
export async function updateRole(db: Db, actor: Actor, id: number, input: RoleUpdate): Promise<RoleView> {
  assertAdmin(actor);
  return withTx(db, async (tx) => {
    const existing = await getRole(tx, id);
    assertVersion('Role', input.version, existing);
    const values: Partial<Omit<RolesTable, 'id' | 'version'>> = { updated_at: nowIso() };
    if (input.name !== undefined) values.name = input.name;
    if (input.permissions !== undefined) values.permissions = JSON.stringify(input.permissions);
    if (!(await writeIfVersion(tx, 'roles', id, existing.version, values))) {
      throw staleVersion('Role', await getRole(tx, id));
    }
    return getRole(tx, id);
  });
}

export async function deleteRole(db: Db, actor: Actor, id: number): Promise<void> {
  assertAdmin(actor);
  await withTx(db, async (tx) => {
    const existing = await getRole(tx, id);
    if (existing.isDefault) throw conflict(`The built-in role "${existing.name}" cannot be deleted`);
    if (existing.userCount > 0) {
      throw conflict(
        `Role "${existing.name}" is given to ${existing.userCount} user(s); give them another role first`,
      );
    }
    await tx.kysely.deleteFrom('roles').where('id', '=', id).execute();
  });
}
