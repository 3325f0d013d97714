import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type RunningServer, startServer, tempDir } from '../support/process.js';
import { createTestDb, engine } from '../support/test-db.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const PASSWORD = 'outbox-admin-password';

/** An API client of one server process, signed in as the administrator with a bearer token. */
async function apiOf(server: RunningServer, token?: string) {
  const base = `http://127.0.0.1:${server.port}`;
  let bearer = token;
  if (!bearer) {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@sevan.local', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const made = await fetch(`${base}/api/v1/api-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'outbox test' }),
    });
    bearer = ((await made.json()) as { token: string }).token;
  }
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
    return { status: res.status, body: (await res.json()) as any };
  };
  return { token: bearer, call };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe(`outgoing events across a restart (${engine})`, () => {
  it('with the receiver down during a change and the server restarted in between, the event still arrives once the receiver is back', async () => {
    const dir = tempDir('sevan-outbox-');
    dirs.push(dir);
    const pg = engine === 'postgres' ? await createTestDb() : null;
    const env: Record<string, string> = {
      DATA_DIR: dir,
      SEVAN_ADMIN_PASSWORD: PASSWORD,
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      WEBHOOK_RETRY_MIN_SECONDS: '1',
      PUBLIC_URL: 'https://crm.example.com',
      ...(pg ? { DATABASE_URL: pg.url as string } : {}),
    };
    const receiverPort = await freePort(); // nothing listens there yet: the receiver is down
    let server = await startServer(env);
    let receiver: WebhookReceiver | null = null;
    try {
      const api = await apiOf(server);
      const hook = await api.call('POST', '/api/v1/webhooks/outbound', {
        url: `http://127.0.0.1:${receiverPort}/b24`,
        events: ['ONCRMDEALUPDATE'],
        format: 'bitrix24',
      });
      expect(hook.status).toBe(201);
      const deal = await api.call('POST', '/api/v1/deals', { title: 'Survives a restart', amount: '10.00' });
      expect(deal.status).toBe(201);
      expect((await api.call('PATCH', `/api/v1/deals/${deal.body.id}`, { amount: '20.00' })).status).toBe(
        200,
      );

      // the first attempt happens at once and finds nobody listening
      const failed = await until(
        'a failed attempt',
        async () => {
          const log = await api.call('GET', `/api/v1/webhooks/outbound/${hook.body.id}/deliveries`);
          const d = log.body.items[0];
          return d?.attempts >= 1 ? d : null;
        },
        10_000,
      );
      expect(failed).toMatchObject({ status: 'pending', event: 'ONCRMDEALUPDATE' });
      expect(failed.lastError).toContain('ECONNREFUSED');

      expect(await server.stop()).toBe(0);
      server = await startServer(env);
      receiver = await WebhookReceiver.start(receiverPort);

      const [req] = await receiver.waitFor(1, 30_000);
      expect(req?.path).toBe('/b24');
      expect(WebhookReceiver.form(req as never)).toMatchObject({
        event: 'ONCRMDEALUPDATE',
        'data[FIELDS][ID]': String(deal.body.id),
        'auth[domain]': 'crm.example.com',
        'auth[application_token]': hook.body.secret,
      });
      const again = await apiOf(server, api.token);
      const delivered = await until(
        'the delivery to be recorded',
        async () => {
          const log = await again.call('GET', `/api/v1/webhooks/outbound/${hook.body.id}/deliveries`);
          const d = log.body.items[0];
          return d?.status === 'delivered' ? d : null;
        },
        10_000,
      );
      expect(delivered.attempts).toBeGreaterThanOrEqual(2);
      expect(delivered.lastError).toBeNull();
      // delivered once
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await receiver?.stop();
      await server.stop();
      await pg?.drop();
    }
  });
});
