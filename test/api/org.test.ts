import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const fields = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field);

async function roleId(code: string): Promise<number> {
  const roles = await t.admin.get('/api/v1/roles');
  return roles.body.items.find((r: { code: string }) => r.code === code).id;
}

async function login(email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
}

describe('users', () => {
  it('lets an administrator create and change users, and everyone read the directory', async () => {
    const created = await t.admin.post('/api/v1/users', {
      email: 'Anna@Example.com',
      name: 'Anna',
      lastName: 'Petrosyan',
      password: 'a long secret',
      roleId: await roleId('sales_manager'),
      timeZone: 'Asia/Yerevan',
      locale: 'hy',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'anna@example.com',
      active: true,
      isAdmin: false,
      version: 1,
    });
    expect(created.body.passwordHash).toBeUndefined();

    const changed = await t.admin.patch(`/api/v1/users/${created.body.id}`, {
      position: 'Sales manager',
      roleId: await roleId('sales_head'),
      version: 1,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ position: 'Sales manager', version: 2 });

    const stale = await t.admin.patch(`/api/v1/users/${created.body.id}`, { phone: '+374 10 1', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ id: created.body.id, version: 2 });

    const manager = await t.user({});
    const list = await manager.get('/api/v1/users');
    expect(list.status).toBe(200);
    const anna = list.body.items.find((u: { id: number }) => u.id === created.body.id);
    expect(anna).toEqual({
      id: created.body.id,
      email: 'anna@example.com',
      name: 'Anna',
      lastName: 'Petrosyan',
      departmentId: null,
      roleId: await roleId('sales_head'),
      active: true,
      position: 'Sales manager',
    });
    expect((await manager.get(`/api/v1/users/${created.body.id}`)).body.timeZone).toBeUndefined();
    expect((await t.admin.get(`/api/v1/users/${created.body.id}`)).body.timeZone).toBe('Asia/Yerevan');
    expect((await manager.get('/api/v1/users/999999')).status).toBe(404);

    const dup = await t.admin.post('/api/v1/users', {
      email: 'anna@example.com',
      name: 'A',
      password: '12345678',
    });
    expect(dup.status).toBe(409);
    expect(fields(dup)).toEqual(['email']);
  });

  it('refuses user changes from non-administrators and bad input with the field named', async () => {
    const manager = await t.user({});
    const create = await manager.post('/api/v1/users', {
      email: 'x@example.com',
      name: 'X',
      password: '12345678',
    });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('FORBIDDEN');
    expect((await manager.patch(`/api/v1/users/${manager.userId}`, { isAdmin: true })).status).toBe(403);

    const bad = await t.admin.post('/api/v1/users', {
      email: 'not-an-email',
      name: 'X',
      password: 'short',
      isAdmin: 'yes',
      nickname: 'x',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['email', 'password', 'isAdmin', 'nickname']));
    const badTz = await t.admin.patch(`/api/v1/users/${manager.userId}`, { timeZone: 'Mars/Olympus' });
    expect(fields(badTz)).toEqual(['timeZone']);
    const badRole = await t.admin.patch(`/api/v1/users/${manager.userId}`, { roleId: 99999 });
    expect(badRole.status).toBe(400);
    expect(fields(badRole)).toEqual(['roleId']);
  });

  it('deactivates a user: their token and sign-in stop working, reactivation restores them', async () => {
    const email = `leaver.${Date.now()}@test.local`;
    const leaver = await t.user({ email });
    expect((await leaver.get('/api/v1/users')).status).toBe(200);
    expect((await login(email, 'user-password')).statusCode).toBe(200);

    const off = await t.admin.patch(`/api/v1/users/${leaver.userId}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const denied = await leaver.get('/api/v1/users');
    expect(denied.status).toBe(401);
    expect(denied.body.error.code).toBe('UNAUTHENTICATED');
    expect((await login(email, 'user-password')).statusCode).toBe(401);
    const sessions = await t.db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', leaver.userId)
      .execute();
    expect(sessions).toEqual([]);

    expect((await t.admin.patch(`/api/v1/users/${leaver.userId}`, { active: true })).status).toBe(200);
    expect((await leaver.get('/api/v1/users')).status).toBe(200);
  });

  it('keeps at least one active administrator', async () => {
    const self = await t.admin.patch(`/api/v1/users/${t.admin.userId}`, { active: false });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('CONFLICT');
    expect(self.body.error.message).toMatch(/last active administrator/);
    expect((await t.admin.patch(`/api/v1/users/${t.admin.userId}`, { isAdmin: false })).status).toBe(409);

    const second = await t.user({ roleCode: 'admin', isAdmin: true });
    const stepDown = await second.patch(`/api/v1/users/${second.userId}`, { isAdmin: false });
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.isAdmin).toBe(false);
    expect((await second.post('/api/v1/departments', { name: 'Nope' })).status).toBe(403);
    expect((await t.admin.get(`/api/v1/users/${t.admin.userId}`)).body).toMatchObject({
      isAdmin: true,
      active: true,
    });
  });

  it('lets users change their own profile; a new password needs the current one', async () => {
    const email = `me.${Date.now()}@test.local`;
    const me = await t.user({ email });
    const renamed = await me.patch('/api/v1/me', { name: 'Armen', timeZone: 'Asia/Yerevan', locale: 'hy' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Armen', timeZone: 'Asia/Yerevan', locale: 'hy' });
    expect(renamed.body.permissions).toBeDefined();

    expect((await me.patch('/api/v1/me', { isAdmin: true })).status).toBe(400);
    const noCurrent = await me.patch('/api/v1/me', { password: 'brand new secret' });
    expect(noCurrent.status).toBe(400);
    expect(fields(noCurrent)).toEqual(['currentPassword']);
    const wrong = await me.patch('/api/v1/me', { password: 'brand new secret', currentPassword: 'nope' });
    expect(fields(wrong)).toEqual(['currentPassword']);
    const ok = await me.patch('/api/v1/me', {
      password: 'brand new secret',
      currentPassword: 'user-password',
    });
    expect(ok.status).toBe(200);
    expect((await login(email, 'user-password')).statusCode).toBe(401);
    expect((await login(email, 'brand new secret')).statusCode).toBe(200);
  });
});

describe('departments', () => {
  it('builds a tree, refuses cycles and deletes only empty departments', async () => {
    const list = await t.admin.get('/api/v1/departments');
    const root = list.body.items.find((d: { parentId: number | null }) => d.parentId === null);
    expect(root).toMatchObject({ name: 'Company', headId: t.admin.userId });

    const sales = await t.admin.post('/api/v1/departments', { name: 'Sales', headId: t.admin.userId });
    expect(sales.status).toBe(201);
    expect(sales.body).toMatchObject({ parentId: root.id, userCount: 0, childCount: 0, version: 1 });
    const yerevan = await t.admin.post('/api/v1/departments', {
      name: 'Sales: Yerevan',
      parentId: sales.body.id,
    });
    expect(yerevan.body.parentId).toBe(sales.body.id);

    const cycle = await t.admin.patch(`/api/v1/departments/${sales.body.id}`, { parentId: yerevan.body.id });
    expect(cycle.status).toBe(400);
    expect(fields(cycle)).toEqual(['parentId']);
    const selfParent = await t.admin.patch(`/api/v1/departments/${sales.body.id}`, {
      parentId: sales.body.id,
    });
    expect(fields(selfParent)).toEqual(['parentId']);
    expect(fields(await t.admin.post('/api/v1/departments', { name: 'X', parentId: 99999 }))).toEqual([
      'parentId',
    ]);
    expect(fields(await t.admin.post('/api/v1/departments', { name: 'X', headId: 99999 }))).toEqual([
      'headId',
    ]);
    expect(fields(await t.admin.post('/api/v1/departments', { name: '', color: 'red' }))).toEqual(
      expect.arrayContaining(['name', 'color']),
    );

    const member = await t.user({ departmentId: yerevan.body.id });
    const counted = await member.get(`/api/v1/departments/${yerevan.body.id}`);
    expect(counted.body).toMatchObject({ userCount: 1, childCount: 0 });
    expect((await member.post('/api/v1/departments', { name: 'Mine' })).status).toBe(403);
    expect((await member.delete(`/api/v1/departments/${yerevan.body.id}`)).status).toBe(403);

    const hasChildren = await t.admin.delete(`/api/v1/departments/${sales.body.id}`);
    expect(hasChildren.status).toBe(409);
    expect(hasChildren.body.error.message).toMatch(/sub-department/);
    const hasUsers = await t.admin.delete(`/api/v1/departments/${yerevan.body.id}`);
    expect(hasUsers.status).toBe(409);
    expect(hasUsers.body.error.message).toMatch(/user/);

    const moved = await t.admin.patch(`/api/v1/users/${member.userId}`, { departmentId: sales.body.id });
    expect(moved.body.departmentId).toBe(sales.body.id);
    const renamed = await t.admin.patch(`/api/v1/departments/${yerevan.body.id}`, {
      name: 'Gyumri',
      version: 1,
    });
    expect(renamed.body).toMatchObject({ name: 'Gyumri', version: 2 });
    const stale = await t.admin.patch(`/api/v1/departments/${yerevan.body.id}`, { name: 'X', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.name).toBe('Gyumri');
    expect((await t.admin.delete(`/api/v1/departments/${yerevan.body.id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/departments/${yerevan.body.id}`)).status).toBe(404);
  });
});

describe('roles', () => {
  it('creates roles with validated rights and protects built-in and used roles', async () => {
    const manager = await t.user({});
    const list = await manager.get('/api/v1/roles');
    expect(list.status).toBe(200);
    expect(
      list.body.items.filter((r: { isDefault: boolean }) => r.isDefault).map((r: { code: string }) => r.code),
    ).toEqual(['admin', 'sales_head', 'sales_manager']);

    const permissions = { deal: { read: 'department', create: 'own' }, contact: { read: 'all' } };
    expect((await manager.post('/api/v1/roles', { name: 'Mine', permissions })).status).toBe(403);
    const junior = await t.admin.post('/api/v1/roles', { name: 'Junior', code: 'junior', permissions });
    expect(junior.status).toBe(201);
    expect(junior.body).toMatchObject({ code: 'junior', permissions, isDefault: false, userCount: 0 });
    expect((await t.admin.post('/api/v1/roles', { name: 'Again', code: 'junior' })).status).toBe(409);

    const badScope = await t.admin.patch(`/api/v1/roles/${junior.body.id}`, {
      permissions: { deal: { read: 'everything' } },
    });
    expect(badScope.status).toBe(400);
    expect(fields(badScope)[0]).toMatch(/^permissions\.deal/);
    const badEntity = await t.admin.patch(`/api/v1/roles/${junior.body.id}`, {
      permissions: { invoice: {} },
    });
    expect(badEntity.status).toBe(400);
    expect(fields(badEntity)[0]).toMatch(/^permissions/);

    const wider = await t.admin.patch(`/api/v1/roles/${junior.body.id}`, {
      permissions: { deal: { read: 'subdepartments' } },
      version: 1,
    });
    expect(wider.body).toMatchObject({ permissions: { deal: { read: 'subdepartments' } }, version: 2 });

    const holder = await t.user({ roleCode: 'junior' });
    const inUse = await t.admin.delete(`/api/v1/roles/${junior.body.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toMatch(/1 user/);
    const builtIn = await t.admin.delete(`/api/v1/roles/${await roleId('sales_manager')}`);
    expect(builtIn.status).toBe(409);

    await t.admin.patch(`/api/v1/users/${holder.userId}`, { roleId: await roleId('sales_manager') });
    expect((await t.admin.delete(`/api/v1/roles/${junior.body.id}`)).status).toBe(204);
  });
});
