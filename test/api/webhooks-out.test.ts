import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { retryDelayMs } from '../../src/server/jobs/outbox-delivery.js';
import { deliverDue } from '../../src/server/jobs/outbox-worker.js';
import {
  configureOutbound,
  outboundSettings,
} from '../../src/server/modules/webhooks-out/outbound-settings.js';
import { parseAllowList, refusalOf } from '../../src/server/modules/webhooks-out/ssrf-guard.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

let t: TestApp;
let strict: TestApp;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  strict = await startTestApp();
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await receiver.stop();
  await t.close();
  await strict.close();
});

const SECOND = 1000;

async function newWebhook(body: Record<string, unknown>) {
  const res = await t.admin.post('/api/v1/webhooks/outbound', body);
  expect(res.status).toBe(201);
  return res.body as { id: number; secret: string; events: string[] };
}

async function newDeal(title = 'Webhook deal') {
  const res = await t.admin.post('/api/v1/deals', { title, amount: '100.00' });
  expect(res.status).toBe(201);
  return res.body as { id: number; version: number };
}

const deliveries = async (webhookId: number, query = '') =>
  (await t.admin.get(`/api/v1/webhooks/outbound/${webhookId}/deliveries${query}`)).body as {
    items: Record<string, unknown>[];
    nextCursor: string | null;
  };

describe('outbound webhooks: configuration', () => {
  it('administrators create, list, change and delete webhooks; the secret is shown only when made', async () => {
    const created = await newWebhook({
      name: 'ERP',
      url: receiver.url(),
      events: ['deal.updated', 'ONCRMDEALADD', 'onCrmLeadDelete', 'deal.updated'],
    });
    expect(created).toMatchObject({
      name: 'ERP',
      format: 'native',
      active: true,
      events: ['deal.updated', 'deal.created', 'lead.deleted'],
    });
    expect(created.secret).toMatch(/^[0-9a-f]{32}$/);

    const listed = await t.admin.get('/api/v1/webhooks/outbound');
    expect(listed.status).toBe(200);
    const mine = listed.body.items.find((w: { id: number }) => w.id === created.id);
    expect(mine.url).toBe(receiver.url());
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);

    const asBitrix = await t.admin.patch(`/api/v1/webhooks/outbound/${created.id}`, {
      format: 'bitrix24',
      active: false,
    });
    expect(asBitrix.status).toBe(200);
    expect(asBitrix.body).toMatchObject({
      format: 'bitrix24',
      active: false,
      events: ['ONCRMDEALUPDATE', 'ONCRMDEALADD', 'ONCRMLEADDELETE'],
    });
    expect(asBitrix.body.secret).toBeUndefined();

    const rotated = await t.admin.patch(`/api/v1/webhooks/outbound/${created.id}`, { rotateSecret: true });
    expect(rotated.body.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(rotated.body.secret).not.toBe(created.secret);

    expect((await t.admin.delete(`/api/v1/webhooks/outbound/${created.id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/webhooks/outbound/${created.id}`)).status).toBe(404);
  });

  it('rejects unknown events, unfit URLs and empty changes, naming the field', async () => {
    const unknown = await t.admin.post('/api/v1/webhooks/outbound', {
      url: receiver.url(),
      events: ['deal.updated', 'ONCRMINVOICEADD'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([
      { field: 'events.1', message: 'unknown event ONCRMINVOICEADD' },
    ]);
    const ftp = await t.admin.post('/api/v1/webhooks/outbound', {
      url: 'ftp://127.0.0.1/x',
      events: ['deal.updated'],
    });
    expect(ftp.status).toBe(400);
    expect(ftp.body.error.details[0].field).toBe('url');
    const format = await t.admin.post('/api/v1/webhooks/outbound', {
      url: receiver.url(),
      events: ['deal.updated'],
      format: 'xml',
    });
    expect(format.body.error.details).toEqual([{ field: 'format', message: 'must be native or bitrix24' }]);
    const w = await newWebhook({ url: receiver.url(), events: ['deal.updated'] });
    const empty = await t.admin.patch(`/api/v1/webhooks/outbound/${w.id}`, {});
    expect(empty.status).toBe(400);
    await t.admin.delete(`/api/v1/webhooks/outbound/${w.id}`);
  });

  it('only administrators manage webhooks and read their delivery log', async () => {
    const w = await newWebhook({ url: receiver.url(), events: ['deal.updated'] });
    const manager = await t.user({ roleCode: 'sales_head' });
    expect((await manager.get('/api/v1/webhooks/outbound')).status).toBe(403);
    expect(
      (await manager.post('/api/v1/webhooks/outbound', { url: receiver.url(), events: ['deal.updated'] }))
        .status,
    ).toBe(403);
    expect((await manager.patch(`/api/v1/webhooks/outbound/${w.id}`, { active: false })).status).toBe(403);
    expect((await manager.get(`/api/v1/webhooks/outbound/${w.id}/deliveries`)).status).toBe(403);
    expect((await manager.delete(`/api/v1/webhooks/outbound/${w.id}`)).status).toBe(403);
    await t.admin.delete(`/api/v1/webhooks/outbound/${w.id}`);
  });
});

describe('outbound webhooks: the SSRF guard', () => {
  it('refuses private, link-local, loopback and unspecified handlers unless an administrator allowed them', async () => {
    const refused: [string, string][] = [
      ['http://10.0.0.1/hook', 'a private address'],
      ['http://192.168.1.20:8080/hook', 'a private address'],
      ['http://169.254.169.254/latest/meta-data', 'a link-local address'],
      ['http://localhost:9/hook', 'a loopback address'],
      ['http://127.0.0.1:9/hook', 'a loopback address'],
      ['http://[::1]:9/hook', 'a loopback address'],
      ['http://[::ffff:127.0.0.1]:9/hook', 'a loopback address'],
      ['http://[fd00::1]/hook', 'a private address'],
      ['http://0.0.0.0:9/hook', 'an unspecified address'],
      ['http://224.0.0.1/hook', 'a multicast address'],
    ];
    for (const [url, reason] of refused) {
      const res = await strict.admin.post('/api/v1/webhooks/outbound', { url, events: ['deal.updated'] });
      expect(res.status, url).toBe(400);
      expect(res.body.error.details[0].field).toBe('url');
      expect(res.body.error.details[0].message, url).toContain(reason);
      expect(res.body.error.details[0].message).toContain('WEBHOOK_ALLOW_HOSTS');
    }
    // the application that allows 127.0.0.1 accepts it, and still refuses the rest
    const allowed = await t.admin.post('/api/v1/webhooks/outbound', {
      url: receiver.url(),
      events: ['deal.updated'],
    });
    expect(allowed.status).toBe(201);
    await t.admin.delete(`/api/v1/webhooks/outbound/${allowed.body.id}`);
    const metadata = await t.admin.post('/api/v1/webhooks/outbound', {
      url: 'http://169.254.169.254/',
      events: ['deal.updated'],
    });
    expect(metadata.status).toBe(400);
  });

  it('reads host names, addresses and ranges from WEBHOOK_ALLOW_HOSTS', () => {
    const { allow, problems } = parseAllowList('127.0.0.1, localhost 10.0.0.0/8,fd00::/8');
    expect(problems).toEqual([]);
    expect(refusalOf('10.20.30.40', allow)).toBeNull();
    expect(refusalOf('::ffff:a14:1e28', allow)).toBeNull();
    expect(refusalOf('fd00::7', allow)).toBeNull();
    expect(refusalOf('127.0.0.1', allow)).toBeNull();
    expect(refusalOf('127.0.0.2', allow)).toBe('a loopback address');
    expect(refusalOf('172.16.0.1', allow)).toBe('a private address');
    expect(refusalOf('93.184.215.14', allow)).toBeNull();
    expect(allow.hosts.has('localhost')).toBe(true);
    expect(parseAllowList('10.0.0.0/33,exa mple,http://x').problems).toEqual(['10.0.0.0/33', 'http://x']);
    expect(() => loadConfig({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1,10.0.0.0/99' }, [])).toThrow(
      'WEBHOOK_ALLOW_HOSTS: not a host, address or range: 10.0.0.0/99',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://crm.example.com' }, [])).toThrow('PUBLIC_URL');
  });

  it('checks the address again at delivery time and follows no redirect', async () => {
    const w = await newWebhook({ url: receiver.url(), events: ['deal.updated'] });
    const deal = await newDeal();
    const before = receiver.requests.length;
    const settings = outboundSettings(t.db);
    configureOutbound(t.db, { ...settings, allow: parseAllowList('').allow });
    try {
      await t.admin.patch(`/api/v1/deals/${deal.id}`, { title: 'Refused at delivery' });
      const summary = await deliverDue(t.db);
      expect(summary.retrying).toBe(1);
    } finally {
      configureOutbound(t.db, settings);
    }
    expect(receiver.requests.length).toBe(before);
    const [refused] = (await deliveries(w.id)).items;
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(refused?.lastError).toContain('127.0.0.1 is a loopback address');

    receiver.status = 302;
    receiver.headers = { location: 'http://169.254.169.254/' };
    try {
      await t.admin.patch(`/api/v1/deals/${deal.id}`, { title: 'Redirected' });
      await deliverDue(t.db);
    } finally {
      receiver.status = 200;
      receiver.headers = {};
    }
    const [redirected] = (await deliveries(w.id)).items;
    expect(redirected).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 302 });
    expect(redirected?.lastError).toContain('HTTP 302 (redirects are not followed)');
    expect(receiver.requests.at(-1)?.path).toBe('/hook');
    await t.admin.delete(`/api/v1/webhooks/outbound/${w.id}`);
  });
});

describe('outbound webhooks: delivery', () => {
  it('a native webhook receives signed JSON with an event id, only for the events it lists', async () => {
    const w = await newWebhook({ url: receiver.url('/native'), events: ['deal.updated'] });
    const deal = await newDeal('Signed');
    expect((await t.admin.patch(`/api/v1/deals/${deal.id}`, { amount: '250.00' })).status).toBe(200);
    const from = receiver.requests.length;
    const summary = await deliverDue(t.db);
    expect(summary).toMatchObject({ delivered: 1, retrying: 0, failed: 0 });
    const [req] = receiver.requests.slice(from);
    expect(receiver.requests.length - from).toBe(1);
    expect(req?.path).toBe('/native');
    expect(req?.headers['content-type']).toBe('application/json');
    const expected = `sha256=${createHmac('sha256', w.secret)
      .update(req?.body ?? '')
      .digest('hex')}`;
    expect(req?.headers['x-sevan-signature']).toBe(expected);
    const body = JSON.parse(req?.body ?? '{}');
    expect(body).toEqual({
      id: req?.headers['x-sevan-event-id'],
      event: 'deal.updated',
      occurredAt: expect.stringMatching(/Z$/),
      data: { entity: 'deal', id: deal.id },
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(req?.headers['x-sevan-event']).toBe('deal.updated');
    expect(Math.abs(Number(req?.headers['x-sevan-timestamp']) - Date.now() / 1000)).toBeLessThan(60);

    const log = await deliveries(w.id);
    expect(log.items).toEqual([
      expect.objectContaining({
        eventId: body.id,
        event: 'deal.updated',
        entity: 'deal',
        entityId: deal.id,
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: expect.any(String),
      }),
    ]);
    // the list of webhooks carries each one's newest delivery (none yet: null)
    const quiet = await newWebhook({ url: receiver.url('/quiet'), events: ['lead.deleted'] });
    const list = (await t.admin.get('/api/v1/webhooks/outbound')).body.items as {
      id: number;
      lastDelivery: unknown;
    }[];
    expect(list.find((h) => h.id === w.id)?.lastDelivery).toEqual(log.items[0]);
    expect(list.find((h) => h.id === quiet.id)?.lastDelivery).toBeNull();
    await t.admin.delete(`/api/v1/webhooks/outbound/${quiet.id}`);
    await t.admin.delete(`/api/v1/webhooks/outbound/${w.id}`);
  });

  it('a bitrix24-format webhook receives the form Bitrix24 posts, with its secret as application token', async () => {
    const w = await newWebhook({ url: receiver.url('/b24'), events: ['ONCRMDEALADD'], format: 'bitrix24' });
    const from = receiver.requests.length;
    const deal = await newDeal('Form');
    await deliverDue(t.db);
    const [req] = receiver.requests.slice(from);
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(WebhookReceiver.form(req as never)).toMatchObject({
      event: 'ONCRMDEALADD',
      event_handler_id: String(w.id),
      'data[FIELDS][ID]': String(deal.id),
      'auth[application_token]': w.secret,
    });
    await t.admin.delete(`/api/v1/webhooks/outbound/${w.id}`);
  });

  it('a failing receiver is retried with exponential back-off; the log shows the attempts and the last error', async () => {
    const w = await newWebhook({ url: receiver.url('/flaky'), events: ['deal.updated'] });
    const deal = await newDeal('Flaky');
    receiver.status = 503;
    receiver.answer = 'down for maintenance';
    try {
      await t.admin.patch(`/api/v1/deals/${deal.id}`, { title: 'Flaky 2' });
      const t0 = Date.now();
      expect(await deliverDue(t.db, new Date(t0))).toMatchObject({ retrying: 1 });
      let [d] = (await deliveries(w.id)).items;
      expect(d).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatusCode: 503,
        lastError: 'HTTP 503: down for maintenance',
      });
      // first wait: 30 s ± 20 %
      const first = Date.parse(d?.nextAttemptAt as string) - t0;
      expect(first).toBeGreaterThanOrEqual(24 * SECOND);
      expect(first).toBeLessThanOrEqual(36 * SECOND);
      expect(await deliverDue(t.db, new Date(t0 + 23 * SECOND))).toMatchObject({ claimed: 0 });

      const t1 = t0 + 37 * SECOND;
      expect(await deliverDue(t.db, new Date(t1))).toMatchObject({ retrying: 1 });
      [d] = (await deliveries(w.id)).items;
      expect(d?.attempts).toBe(2);
      const second = Date.parse(d?.nextAttemptAt as string) - t1;
      expect(second).toBeGreaterThanOrEqual(48 * SECOND);
      expect(second).toBeLessThanOrEqual(72 * SECOND);

      receiver.status = 200;
      receiver.answer = 'ok';
      expect(await deliverDue(t.db, new Date(t1 + 73 * SECOND))).toMatchObject({ delivered: 1 });
      [d] = (await deliveries(w.id)).items;
      expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
    } finally {
      receiver.status = 200;
      receiver.answer = 'ok';
    }
    await t.admin.delete(`/api/v1/webhooks/outbound/${w.id}`);
  });

  it('waits 30 s, 1 min, 2 min … up to an hour between attempts', () => {
    const middle = () => 0.5;
    const waits = [1, 2, 3, 4, 7, 8, 12, 40].map((n) => retryDelayMs(n, 30, middle) / SECOND);
    expect(waits).toEqual([30, 60, 120, 240, 1920, 3600, 3600, 3600]);
    expect(retryDelayMs(1, 30, () => 0)).toBe(24 * SECOND);
    expect(retryDelayMs(1, 30, () => 0.999999)).toBeLessThanOrEqual(36 * SECOND);
    expect(retryDelayMs(9, 30, () => 0.999999)).toBe(3600 * SECOND);
  });

  it('keeps retrying for a day, then fails the delivery; an administrator can retry it', async () => {
    const down = await WebhookReceiver.start();
    const url = down.url('/gone');
    await down.stop();
    const w = await newWebhook({ url, events: ['deal.updated'] });
    const deal = await newDeal('Unreachable');
    await t.admin.patch(`/api/v1/deals/${deal.id}`, { title: 'Unreachable 2' });
    const t0 = Date.now();
    await deliverDue(t.db, new Date(t0));
    let [d] = (await deliveries(w.id)).items;
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d?.lastError).toContain('ECONNREFUSED');
    // 23 hours later it is still retried
    expect(await deliverDue(t.db, new Date(t0 + 23 * 3600 * SECOND))).toMatchObject({ retrying: 1 });
    expect(await deliverDue(t.db, new Date(t0 + 24 * 3600 * SECOND + SECOND))).toMatchObject({ failed: 1 });
    [d] = (await deliveries(w.id)).items;
    expect(d).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
    expect((await deliveries(w.id, '?status=failed')).items).toHaveLength(1);
    expect((await deliveries(w.id, '?status=pending')).items).toHaveLength(0);

    // the receiver is back: the administrator retries the delivery by hand
    const back = await WebhookReceiver.start(Number(new URL(url).port));
    try {
      const retried = await t.admin.post(`/api/v1/webhooks/outbound/${w.id}/deliveries/${d?.id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ id: d?.id, status: 'pending' });
      expect(await deliverDue(t.db)).toMatchObject({ delivered: 1 });
      expect(back.requests).toHaveLength(1);
      [d] = (await deliveries(w.id)).items;
      expect(d).toMatchObject({ status: 'delivered', attempts: 4 });
      expect((await t.admin.post(`/api/v1/webhooks/outbound/${w.id}/deliveries/999999/retry`)).status).toBe(
        404,
      );
    } finally {
      await back.stop();
    }
    await t.admin.delete(`/api/v1/webhooks/outbound/${w.id}`);
  });

  it('pages the delivery log newest first', async () => {
    const w = await newWebhook({ url: receiver.url(), events: ['deal.created'] });
    const made = [await newDeal('P1'), await newDeal('P2'), await newDeal('P3')];
    await deliverDue(t.db);
    const first = await deliveries(w.id, '?limit=2');
    expect(first.items.map((i) => i.entityId)).toEqual([made[2]?.id, made[1]?.id]);
    expect(first.nextCursor).toBeTruthy();
    const second = await deliveries(w.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.entityId)).toEqual([made[0]?.id]);
    expect(second.nextCursor).toBeNull();
    const bad = await t.admin.get(`/api/v1/webhooks/outbound/${w.id}/deliveries?cursor=nonsense`);
    expect(bad.status).toBe(400);
    await t.admin.delete(`/api/v1/webhooks/outbound/${w.id}`);
  });
});
