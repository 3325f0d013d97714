import type { Actor } from '../../../access/actor.js';
import type { Db } from '../../../db/connection.js';
import { listDepartments } from '../../../modules/departments/department.service.js';
import { type DirectoryUser, getMe, listUsers, type UserView } from '../../../modules/users/user.service.js';
import { splitKey } from '../list/filter.js';
import { PAGE_SIZE, startOf } from '../list/page.js';
import { answer, type MethodDef } from '../registry.js';
import { dateTimeOut, isPlainObject, param } from '../values.js';

/**
 * user.current, user.get, profile and department.get over our users and departments. Every user sees the
 * directory (name, email, department, position); the other fields only for themselves or an administrator.
 */
function userOut(u: UserView | DirectoryUser): Record<string, unknown> {
  const full = 'timeZone' in u ? u : null;
  return {
    ID: String(u.id),
    ACTIVE: u.active,
    NAME: u.name,
    LAST_NAME: u.lastName,
    SECOND_NAME: '',
    EMAIL: u.email,
    LAST_LOGIN: full ? dateTimeOut(full.lastLoginAt) : '',
    DATE_REGISTER: full ? dateTimeOut(full.createdAt) : '',
    IS_ONLINE: 'N',
    TIME_ZONE: full?.timeZone ?? '',
    PERSONAL_GENDER: '',
    PERSONAL_BIRTHDAY: '',
    PERSONAL_MOBILE: full?.phone ?? '',
    WORK_PHONE: full?.phone ?? '',
    WORK_POSITION: u.position,
    UF_DEPARTMENT: u.departmentId === null ? [] : [u.departmentId],
    USER_TYPE: 'employee',
  };
}

/** A filter over already-loaded rows: exact (case-insensitive) matches, ! for "not", % for "contains". */
function rowMatches(row: Record<string, unknown>, filter: unknown): boolean {
  if (!isPlainObject(filter)) return true;
  return Object.entries(filter).every(([key, value]) => {
    const { op, name } = splitKey(key);
    if (name === 'NAME_SEARCH' || name === 'FIND') {
      const text = String(value).toLowerCase();
      return [row.NAME, row.LAST_NAME, row.EMAIL].some((v) =>
        String(v ?? '')
          .toLowerCase()
          .includes(text),
      );
    }
    if (!(name in row)) return true;
    const actual = row[name];
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v).toLowerCase());
    const have = (Array.isArray(actual) ? actual : [actual]).map((v) => String(v).toLowerCase());
    const norm = (v: string) =>
      v === 'y' || v === 'true' ? 'true' : v === 'n' || v === 'false' ? 'false' : v;
    const hit =
      op === 'like'
        ? values.some((v) => have.some((h) => h.includes(v)))
        : values.some((v) => have.some((h) => norm(h) === norm(v)));
    return op === 'ne' || op === 'nin' || op === 'notLike' ? !hit : hit;
  });
}

function page<T>(rows: T[], start: unknown) {
  const { offset, count } = startOf(start);
  const slice = rows.slice(offset, offset + PAGE_SIZE);
  const next = count && offset + PAGE_SIZE < rows.length ? offset + PAGE_SIZE : undefined;
  return { result: slice, total: count ? rows.length : 0, ...(next === undefined ? {} : { next }) };
}

async function current(db: Db, actor: Actor) {
  const me = await getMe(db, actor.userId);
  return userOut(me);
}

export const userMethods: MethodDef[] = [
  {
    name: 'user.current',
    scope: 'user',
    errors: 'coded',
    handler: async ({ ctx }) => answer(await current(ctx.db, ctx.actor)),
  },
  {
    name: 'profile',
    scope: null,
    errors: 'coded',
    handler: async ({ ctx }) => {
      const me = await getMe(ctx.db, ctx.actor.userId);
      return answer({
        ID: String(me.id),
        ADMIN: me.isAdmin,
        NAME: me.name,
        LAST_NAME: me.lastName,
        PERSONAL_GENDER: '',
        TIME_ZONE: me.timeZone,
      });
    },
  },
  {
    name: 'user.get',
    scope: 'user',
    errors: 'coded',
    handler: async ({ ctx, params }) => {
      const filter = param(params, 'filter');
      const rows = (await listUsers(ctx.db, ctx.actor)).map(userOut);
      const direct = Object.fromEntries(
        Object.entries(params).filter(([k]) => /^(ID|ACTIVE|EMAIL|NAME|LAST_NAME|UF_DEPARTMENT)$/i.test(k)),
      );
      const matched = rows
        .filter((r) => rowMatches(r, filter) && rowMatches(r, direct))
        .sort((a, b) => Number(a.ID) - Number(b.ID));
      return page(matched, param(params, 'start'));
    },
  },
  {
    name: 'department.get',
    scope: 'department',
    errors: 'coded',
    handler: async ({ ctx, params }) => {
      const rows = (await listDepartments(ctx.db)).map((d) => ({
        ID: String(d.id),
        NAME: d.name,
        SORT: d.sort,
        ...(d.parentId === null ? {} : { PARENT: String(d.parentId) }),
        ...(d.headId === null ? {} : { UF_HEAD: String(d.headId) }),
      }));
      const direct = Object.fromEntries(
        Object.entries(params)
          .filter(([k]) => /^(ID|NAME|SORT|PARENT|UF_HEAD)$/i.test(k))
          .map(([k, v]) => [k.toUpperCase(), v]),
      );
      return page(
        rows.filter((r) => rowMatches({ PARENT: null, UF_HEAD: null, ...r }, direct)),
        param(params, 'start'),
      );
    },
  },
];
