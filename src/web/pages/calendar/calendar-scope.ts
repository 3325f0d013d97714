import type { Scope } from '../../../shared/access';
import { SCOPES } from '../../../shared/access';
import type { CalendarActivity, CalendarScope } from '../../api/calendar';
import type { Department } from '../../api/settings';
import type { Me, UserRef } from '../../api/types';

/**
 * Whose calendar the user may switch to. The server limits every calendar to the records the user may
 * read, so the choices follow the widest read scope of their role: a department (or its sub-departments)
 * and its people, everyone with "all", nobody but themselves with "own".
 */
const CRM = ['lead', 'contact', 'company', 'deal'] as const;
const rank = (s: Scope) => SCOPES.indexOf(s);

export function widestRead(me: Me): Scope {
  if (me.isAdmin) return 'all';
  let widest: Scope = 'none';
  for (const e of CRM) {
    const s = me.permissions[e]?.read ?? 'none';
    if (rank(s) > rank(widest)) widest = s;
  }
  return widest;
}

function subtreeOf(departments: Department[], rootId: number): Set<number> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments)
      if (d.parentId !== null && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
  }
  return out;
}

export interface ScopeChoices {
  users: UserRef[];
  departments: Department[];
}

export function scopeChoices(me: Me, users: UserRef[], departments: Department[]): ScopeChoices {
  const widest = widestRead(me);
  if (widest === 'all') return { users: users.filter((u) => u.active && u.id !== me.id), departments };
  if ((widest !== 'department' && widest !== 'subdepartments') || me.departmentId === null)
    return { users: [], departments: [] };
  const reach =
    widest === 'department' ? new Set([me.departmentId]) : subtreeOf(departments, me.departmentId);
  return {
    users: users.filter(
      (u) => u.active && u.id !== me.id && u.departmentId !== null && reach.has(u.departmentId),
    ),
    departments: departments.filter((d) => reach.has(d.id)),
  };
}

/** The scope of the URL: ?user=5 or ?department=3; otherwise mine. */
export function scopeFromParams(params: URLSearchParams): CalendarScope {
  const user = Number(params.get('user'));
  if (Number.isInteger(user) && user > 0) return { kind: 'user', id: user };
  const department = Number(params.get('department'));
  if (Number.isInteger(department) && department > 0) return { kind: 'department', id: department };
  return { kind: 'me' };
}

export const scopeValue = (s: CalendarScope) => (s.kind === 'me' ? 'me' : `${s.kind}:${s.id}`);

export function scopeOfValue(value: string | null): CalendarScope {
  const [kind, id] = (value ?? 'me').split(':');
  const n = Number(id);
  if ((kind === 'user' || kind === 'department') && Number.isInteger(n) && n > 0) return { kind, id: n };
  return { kind: 'me' };
}

/**
 * Whether the user can surely move an activity: their own, or one whose record their role lets them
 * change (activities follow their record's responsible). Anything else is left to the server's answer.
 */
export function mayReschedule(
  me: Me,
  a: CalendarActivity,
  departmentOf: (userId: number) => number | null | undefined,
): boolean {
  if (a.status !== 'planned') return false;
  if (me.isAdmin || a.responsibleId === me.id) return true;
  const update = me.permissions[a.ownerEntity]?.update ?? 'none';
  if (update === 'all' || update === 'subdepartments') return true;
  if (update === 'department')
    return me.departmentId !== null && departmentOf(a.responsibleId) === me.departmentId;
  return false;
}
