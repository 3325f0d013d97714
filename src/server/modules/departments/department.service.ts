import type { z } from 'zod';
import type { departmentCreate, departmentUpdate } from '../../../shared/schemas/org.js';
import type { Actor } from '../../access/actor.js';
import { isWithin, loadOrg } from '../../access/org.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import type { DepartmentsTable } from '../../db/schema.js';
import { nowIso, withTx } from '../../db/tx.js';
import { invalid, notFound } from '../../errors.js';
import { assertVersion, conflict, staleVersion, writeIfVersion } from '../../optimistic.js';

/** The company structure: a tree of departments with heads. Access scopes follow it (see access/org.ts). */
export interface DepartmentView {
  id: number;
  name: string;
  parentId: number | null;
  headId: number | null;
  sort: number;
  /** Users assigned to this department itself (active or not), not to the ones below it. */
  userCount: number;
  childCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type DepartmentCreate = z.output<typeof departmentCreate>;
export type DepartmentUpdate = z.output<typeof departmentUpdate>;
type DepartmentValues = Partial<Omit<DepartmentsTable, 'id' | 'version'>>;

export async function listDepartments(db: Db): Promise<DepartmentView[]> {
  const [rows, counts] = await Promise.all([
    db.kysely.selectFrom('departments').selectAll().orderBy('sort').orderBy('id').execute(),
    db.kysely
      .selectFrom('users')
      .select((eb) => ['department_id', eb.fn.countAll().as('n')])
      .where('department_id', 'is not', null)
      .groupBy('department_id')
      .execute(),
  ]);
  const users = new Map(counts.map((c) => [c.department_id, Number(c.n)]));
  const children = new Map<number, number>();
  for (const r of rows)
    if (r.parent_id !== null) children.set(r.parent_id, (children.get(r.parent_id) ?? 0) + 1);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    headId: r.head_id,
    sort: r.sort,
    userCount: users.get(r.id) ?? 0,
    childCount: children.get(r.id) ?? 0,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function getDepartment(db: Db, id: number): Promise<DepartmentView> {
  const found = (await listDepartments(db)).find((d) => d.id === id);
  if (!found) throw notFound('Department', id);
  return found;
}

async function assertParent(db: Db, parentId: number): Promise<void> {
  const row = await db.kysely
    .selectFrom('departments')
    .select('id')
    .where('id', '=', parentId)
    .executeTakeFirst();
  if (!row) throw invalid([{ field: 'parentId', message: `no department with id ${parentId}` }]);
}

async function assertHead(db: Db, headId: number): Promise<void> {
  const row = await db.kysely.selectFrom('users').select('id').where('id', '=', headId).executeTakeFirst();
  if (!row) throw invalid([{ field: 'headId', message: `no user with id ${headId}` }]);
}

/** Where a department goes when the client does not say: under the top of the tree. */
async function topDepartmentId(db: Db): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('departments')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('sort')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function createDepartment(
  db: Db,
  actor: Actor,
  input: DepartmentCreate,
): Promise<DepartmentView> {
  assertAdmin(actor);
  const id = await withTx(db, async (tx) => {
    const parentId = input.parentId === undefined ? await topDepartmentId(tx) : input.parentId;
    if (parentId !== null) await assertParent(tx, parentId);
    if (input.headId !== null) await assertHead(tx, input.headId);
    const last = await tx.kysely
      .selectFrom('departments')
      .select((eb) => eb.fn.max('sort').as('sort'))
      .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
      .executeTakeFirst();
    const now = nowIso();
    const row = await tx.kysely
      .insertInto('departments')
      .values({
        name: input.name,
        parent_id: parentId,
        head_id: input.headId,
        sort: input.sort ?? Number(last?.sort ?? -10) + 10,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return getDepartment(db, id);
}

async function checkMove(db: Db, id: number, parentId: number | null): Promise<void> {
  if (parentId === null) return;
  await assertParent(db, parentId);
  if (isWithin(await loadOrg(db), parentId, id)) {
    throw invalid([
      { field: 'parentId', message: 'cannot place a department inside itself or one of its sub-departments' },
    ]);
  }
}

export async function updateDepartment(
  db: Db,
  actor: Actor,
  id: number,
  input: DepartmentUpdate,
): Promise<DepartmentView> {
  assertAdmin(actor);
  return withTx(db, async (tx) => {
    const existing = await getDepartment(tx, id);
    assertVersion('Department', input.version, existing);
    if (input.parentId !== undefined) await checkMove(tx, id, input.parentId);
    if (input.headId !== undefined && input.headId !== null) await assertHead(tx, input.headId);
    const values: DepartmentValues = { updated_at: nowIso() };
    if (input.name !== undefined) values.name = input.name;
    if (input.parentId !== undefined) values.parent_id = input.parentId;
    if (input.headId !== undefined) values.head_id = input.headId;
    if (input.sort !== undefined) values.sort = input.sort;
    if (!(await writeIfVersion(tx, 'departments', id, existing.version, values))) {
      throw staleVersion('Department', await getDepartment(tx, id));
    }
    return getDepartment(tx, id);
  });
}

/** Only an empty department goes: no users, no sub-departments (move them first). */
export async function deleteDepartment(db: Db, actor: Actor, id: number): Promise<void> {
  assertAdmin(actor);
  await withTx(db, async (tx) => {
    const existing = await getDepartment(tx, id);
    if (existing.userCount > 0) {
      throw conflict(
        `Department "${existing.name}" still has ${existing.userCount} user(s); move them to another department first`,
      );
    }
    if (existing.childCount > 0) {
      throw conflict(
        `Department "${existing.name}" has ${existing.childCount} sub-department(s); move or delete them first`,
      );
    }
    await tx.kysely.deleteFrom('departments').where('id', '=', id).execute();
  });
}
