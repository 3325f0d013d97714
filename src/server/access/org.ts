import type { Db } from '../db/connection.js';

/** The company structure needed to resolve department scopes: who is in which department, the tree. */
export interface Org {
  parentOf: Map<number, number | null>;
  usersByDepartment: Map<number, number[]>;
}

export async function loadOrg(db: Db): Promise<Org> {
  const [departments, users] = await Promise.all([
    db.kysely.selectFrom('departments').select(['id', 'parent_id']).execute(),
    db.kysely.selectFrom('users').select(['id', 'department_id']).execute(),
  ]);
  const parentOf = new Map(departments.map((d) => [d.id, d.parent_id]));
  const usersByDepartment = new Map<number, number[]>();
  for (const u of users) {
    if (u.department_id === null) continue;
    const list = usersByDepartment.get(u.department_id) ?? [];
    list.push(u.id);
    usersByDepartment.set(u.department_id, list);
  }
  return { parentOf, usersByDepartment };
}

/** The department and every department below it. */
export function subtree(org: Org, root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [id, parent] of org.parentOf) {
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(id);
    children.set(parent, list);
  }
  const out: number[] = [];
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length) {
    const id = stack.pop() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** True when `candidate` is `ancestor` or lies below it (used to refuse department cycles). */
export function isWithin(org: Org, candidate: number, ancestor: number): boolean {
  let cur: number | null | undefined = candidate;
  const seen = new Set<number>();
  while (cur !== null && cur !== undefined && !seen.has(cur)) {
    if (cur === ancestor) return true;
    seen.add(cur);
    cur = org.parentOf.get(cur);
  }
  return false;
}
