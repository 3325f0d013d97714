import fs from 'node:fs';
import https from 'node:https';
import { ApiVersion, B24Hook, ParamsFactory } from '@bitrix24/b24jssdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, selfSignedCert, startServer, tempDir } from '../support/process.js';
import { createTestDb, engine } from '../support/test-db.js';

/**
 * An integration written for Bitrix24, driven by the official JS SDK (@bitrix24/b24jssdk), against the
 * real server process over HTTPS (the SDK only talks HTTPS): only the webhook URL changes. The generated
 * certificate's CA is trusted by the SDK's HTTP client, not switched off.
 */
let server: RunningServer;
let dir: string;
let ca: Buffer;
let dropDb: (() => Promise<void>) | undefined;
let b24: B24Hook;
let base: string;

type Json = Record<string, unknown>;

function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: Json; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = https.request(
      `${base}${path}`,
      { method, ca, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += String(d);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as Json) : {},
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

async function webhookUrl(): Promise<string> {
  const login = await request('POST', '/api/v1/auth/login', {
    email: 'admin@sevan.local',
    password: 'sdk-admin-password',
  });
  const cookie = String((login.headers['set-cookie'] as string[])[0]).split(';')[0] as string;
  const created = await request(
    'POST',
    '/api/v1/webhooks/inbound',
    { title: 'SDK', scopes: ['crm', 'user', 'department'] },
    { cookie, 'x-csrf-token': String(login.body.csrfToken) },
  );
  expect(created.status).toBe(201);
  return String(created.body.url);
}

beforeAll(async () => {
  dir = tempDir('sevan-b24sdk-');
  const { cert, key } = selfSignedCert(dir);
  ca = fs.readFileSync(cert);
  const env: Record<string, string> = {
    DATA_DIR: dir,
    TLS_CERT: cert,
    TLS_KEY: key,
    SEVAN_ADMIN_PASSWORD: 'sdk-admin-password',
  };
  if (engine === 'postgres') {
    const db = await createTestDb();
    await db.db.close();
    env.DATABASE_URL = db.url as string;
    dropDb = db.drop;
  }
  server = await startServer(env);
  base = `https://127.0.0.1:${server.port}`;
  const url = await webhookUrl();
  b24 = B24Hook.fromWebhookUrl(url, {
    restrictionParams: {
      ...ParamsFactory.getDefault(),
      // the SDK's own client-side throttle defaults to Bitrix24 cloud's 2 requests a second
      rateLimit: { burstLimit: 10_000, drainRate: 1000, adaptiveEnabled: false },
    },
  });
  b24.offClientSideWarning();
  b24.getHttpClient(ApiVersion.v2).ajaxClient.defaults.httpsAgent = new https.Agent({ ca });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await dropDb?.();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function callMethod(method: string, params: Json = {}) {
  const res = await b24.actions.v2.call.make({ method, params });
  if (!res.isSuccess) throw new Error(`${method}: ${res.getErrorMessages().join('; ')}`);
  return res;
}
const result = async (method: string, params: Json = {}) =>
  (await callMethod(method, params)).getData()?.result;

describe('the Bitrix24 JS SDK against Sevan', () => {
  it('adds, reads, updates, lists and deletes leads, contacts, companies, deals and products', async () => {
    const cases: [string, Json, Json][] = [
      [
        'crm.lead',
        { TITLE: 'SDK lead', NAME: 'Anna', PHONE: [{ VALUE: '+7 916 100-00-01', VALUE_TYPE: 'WORK' }] },
        { TITLE: 'SDK lead 2' },
      ],
      [
        'crm.contact',
        { NAME: 'Ivan', LAST_NAME: 'Petrov', EMAIL: [{ VALUE: 'ivan@sdk.example' }] },
        { LAST_NAME: 'Sidorov' },
      ],
      ['crm.company', { TITLE: 'SDK Company' }, { TITLE: 'SDK Company LLC' }],
      ['crm.deal', { TITLE: 'SDK deal', OPPORTUNITY: 1200, STAGE_ID: 'PREPARATION' }, { STAGE_ID: 'WON' }],
      ['crm.product', { NAME: 'SDK product', PRICE: 99.9, CURRENCY_ID: 'USD' }, { PRICE: '89.90' }],
    ];
    for (const [prefix, fields, change] of cases) {
      const id = (await result(`${prefix}.add`, { fields })) as number;
      expect(typeof id, prefix).toBe('number');
      const got = (await result(`${prefix}.get`, { id })) as Json;
      expect(got.ID).toBe(String(id));
      expect(await result(`${prefix}.update`, { id, fields: change })).toBe(true);
      const after = (await result(`${prefix}.get`, { id })) as Json;
      for (const [k, v] of Object.entries(change)) expect(after[k], `${prefix} ${k}`).toBe(v);
      const listed = (await result(`${prefix}.list`, { filter: { ID: id } })) as Json[];
      expect(listed.map((r) => r.ID)).toEqual([String(id)]);
      expect(await result(`${prefix}.delete`, { id })).toBe(true);
    }
  });

  it('reads every page of a filtered list, with the SDK’s >ID cursor and with start/next', async () => {
    for (let i = 0; i < 120; i++)
      await result('crm.deal.add', { fields: { TITLE: `Paged ${i}`, OPPORTUNITY: i } });
    const all = await b24.actions.v2.callList.make<Json>({
      method: 'crm.deal.list',
      params: { filter: { '%TITLE': 'Paged', '>=OPPORTUNITY': 20 }, select: ['ID', 'TITLE'] },
      idKey: 'ID',
    });
    expect(all.isSuccess).toBe(true);
    expect(all.getData()).toHaveLength(100);
    const pages: number[] = [];
    for await (const page of b24.actions.v2.fetchList.make<Json>({
      method: 'crm.deal.list',
      params: { filter: { '%TITLE': 'Paged' }, select: ['ID'] },
      idKey: 'ID',
    })) {
      pages.push(page.length);
    }
    expect(pages).toEqual([50, 50, 20]);
    let page = await callMethod('crm.deal.list', {
      filter: { '%TITLE': 'Paged' },
      order: { ID: 'ASC' },
      select: ['ID'],
    });
    expect(page.getTotal()).toBe(120);
    const seen: string[] = [];
    for (;;) {
      seen.push(...((page.getData()?.result ?? []) as Json[]).map((r) => String(r.ID)));
      if (!page.isMore()) break;
      const next = await page.getNext(b24.getHttpClient(ApiVersion.v2));
      if (!next) break;
      page = next;
    }
    expect(new Set(seen).size).toBe(120);
  });

  it('plans and completes activities, sets product rows, and runs a batch with references', async () => {
    const deal = (await result('crm.deal.add', { fields: { TITLE: 'SDK rows' } })) as number;
    const activity = (await result('crm.activity.add', {
      fields: {
        OWNER_ID: deal,
        OWNER_TYPE_ID: 2,
        TYPE_ID: 2,
        SUBJECT: 'Call back',
        START_TIME: '2026-12-01T10:00:00+03:00',
        COMMUNICATIONS: [{ VALUE: '+79161234567' }],
      },
    })) as number;
    expect(((await result('crm.activity.get', { id: activity })) as Json).SUBJECT).toBe('Call back');
    await result('crm.activity.update', { id: activity, fields: { COMPLETED: 'Y' } });
    const activities = (await result('crm.activity.list', {
      filter: { OWNER_ID: deal, OWNER_TYPE_ID: 2 },
    })) as Json[];
    expect(activities.map((a) => a.COMPLETED)).toEqual(['Y']);
    expect(await result('crm.activity.delete', { id: activity })).toBe(true);

    await result('crm.deal.productrows.set', {
      id: deal,
      rows: [
        { PRODUCT_NAME: 'Laptop', PRICE: 1000, QUANTITY: 2 },
        { PRODUCT_NAME: 'Bag', PRICE: 50, QUANTITY: 1 },
      ],
    });
    const rows = (await result('crm.deal.productrows.get', { id: deal })) as Json[];
    expect(rows.map((r) => [r.PRODUCT_NAME, r.PRICE, r.QUANTITY])).toEqual([
      ['Laptop', 1000, 2],
      ['Bag', 50, 1],
    ]);
    expect(((await result('crm.deal.get', { id: deal })) as Json).OPPORTUNITY).toBe('2050.00');

    const batch = await b24.actions.v2.batch.make({
      calls: {
        company: { method: 'crm.company.add', params: { fields: { TITLE: 'Batch & Co' } } },
        deal: {
          method: 'crm.deal.add',
          params: { fields: { TITLE: 'From batch', COMPANY_ID: '$result[company]' } },
        },
        read: { method: 'crm.deal.get', params: { id: '$result[deal]' } },
      },
      options: { isHaltOnError: true },
    });
    expect(batch.isSuccess, batch.getErrorMessages().join('; ')).toBe(true);
    const data = batch.getData() as Json;
    expect(typeof data.company).toBe('number');
    expect(data.read).toMatchObject({ TITLE: 'From batch', COMPANY_ID: String(data.company) });
  });

  it('creates a user field and reads its value back', async () => {
    const field = await result('crm.deal.userfield.add', {
      fields: { FIELD_NAME: 'SDK_NOTE', USER_TYPE_ID: 'string', EDIT_FORM_LABEL: 'SDK note' },
    });
    expect(typeof field).toBe('number');
    const deal = (await result('crm.deal.add', {
      fields: { TITLE: 'With note', UF_CRM_SDK_NOTE: 'hello' },
    })) as number;
    expect(((await result('crm.deal.get', { id: deal })) as Json).UF_CRM_SDK_NOTE).toBe('hello');
    const list = (await result('crm.deal.userfield.list', {
      filter: { FIELD_NAME: 'UF_CRM_SDK_NOTE' },
    })) as Json[];
    expect(list).toHaveLength(1);
  });

  it('sees an error as an error', async () => {
    await expect(
      b24.actions.v2.call.make({ method: 'crm.deal.get', params: { id: 99999999 } }),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(b24.actions.v2.call.make({ method: 'crm.no.such' })).rejects.toMatchObject({
      code: 'ERROR_METHOD_NOT_FOUND',
      status: 404,
    });
  });
});
