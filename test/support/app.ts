import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Actor } from '../../src/server/access/actor.js';
import { loadActor } from '../../src/server/access/actor.js';
import { createApp } from '../../src/server/app.js';
import { type Config, testConfig } from '../../src/server/config.js';
import type { Ctx } from '../../src/server/context.js';
import type { Db } from '../../src/server/db/connection.js';
import { ensureAdmin } from '../../src/server/db/seed/admin.js';
import { createApiToken } from '../../src/server/modules/api-tokens/api-token.service.js';
import { createUser } from '../../src/server/modules/users/user.service.js';
import { createTestDb } from './test-db.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A caller of the real HTTP application, authenticated with an API token of one user. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly token: string | null,
    readonly userId: number,
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res: LightMyRequestResponse = await this.app.inject({
      method,
      url,
      headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    const text = res.body;
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
    return { status: res.statusCode, body: json as any, headers: res.headers };
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PATCH', url, body ?? {}, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PUT', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  admin: Client;
  /** Creates a user through the real users service and returns a client acting as them. */
  user(opts: {
    roleCode?: string;
    departmentId?: number | null;
    isAdmin?: boolean;
    email?: string;
  }): Promise<Client>;
  ctx(userId: number): Promise<Ctx>;
  close(): Promise<void>;
}

let counter = 0;

export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { db, drop } = await createTestDb();
  const config = testConfig({ DEFAULT_PHONE_REGION: 'RU', ...overrides });
  await ensureAdmin(db, 'admin@test.local', 'admin-password');
  const app = await createApp({ db, config });
  await app.ready();
  const adminRow = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'admin@test.local')
    .executeTakeFirstOrThrow();
  const adminToken = await createApiToken(db, adminRow.id, 'tests');
  const clientFor = async (userId: number) =>
    new Client(app, (await createApiToken(db, userId, 'tests')).token, userId);
  return {
    app,
    db,
    config,
    admin: new Client(app, adminToken.token, adminRow.id),
    async user({ roleCode = 'sales_manager', departmentId = null, isAdmin = false, email }) {
      const role = await db.kysely
        .selectFrom('roles')
        .select('id')
        .where('code', '=', roleCode)
        .executeTakeFirstOrThrow();
      counter += 1;
      const u = await createUser(db, {
        email: email ?? `user${counter}.${Date.now()}@test.local`,
        name: `User ${counter}`,
        lastName: '',
        password: 'user-password',
        isAdmin,
        roleId: role.id,
        departmentId,
        timeZone: 'UTC',
        locale: 'en',
        position: '',
        phone: '',
      });
      return clientFor(u.id);
    },
    async ctx(userId) {
      return { db, actor: (await loadActor(db, userId)) as Actor, phoneRegion: config.DEFAULT_PHONE_REGION };
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
