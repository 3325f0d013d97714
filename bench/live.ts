import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApiToken } from '../src/server/modules/api-tokens/api-token.service.js';
import { isChange, SseClient } from '../test/support/sse.js';
import { type BenchEnv, call, pick } from './env.js';
import type { Scenario } from './measure.js';

const CHANGES = 200;
const RAW_CHANNEL = 'bench_live_raw';

/**
 * Live updates: the app listens on a real port, a colleague of the sales manager (who may read the manager's
 * deals) holds GET /api/v1/events open over HTTP, and the manager changes a deal's amount through the API.
 * Timed: from sending the PATCH until the colleague's stream has the deal's change event.
 * Raw side: the same update in one transaction; on PostgreSQL with pg_notify in it, until a plain LISTEN
 * connection has the notification (SQLite has one process: the raw side is the update alone).
 * The stream opens on the scenario's first call, so the scenarios before it run without a subscriber.
 */
export function liveScenarios(env: BenchEnv): Scenario[] {
  let ready: ReturnType<typeof setUp> | undefined;
  const setUpOnce = () => {
    ready ??= setUp(env);
    return ready;
  };
  return [
    {
      name: `Live update: PATCH deal → colleague's SSE event (${CHANGES} changes)`,
      as: 'manager',
      iterations: CHANGES,
      sequential: true,
      target: { p95Ms: 1000 },
      api: async (i) => {
        const { stream, deals } = await setUpOnce();
        const id = pick(deals, i);
        const received = stream.waitFor(isChange('deal', id, 'updated'), 5000, stream.events.length);
        await call(env, env.manager.token, 'PATCH', `/api/v1/deals/${id}`, {
          amount: `${3000 + (i % 5000)}.00`,
        });
        await received;
      },
      raw: async (i) => {
        const { deals, listener } = await setUpOnce();
        const heard = listener?.next(String(i));
        await env.raw.exec('begin');
        await env.raw.run('update deals set amount = ?, version = version + 1, updated_at = ? where id = ?', [
          (3000 + (i % 5000)) * 100,
          new Date().toISOString(),
          pick(deals, i),
        ]);
        if (listener) await env.raw.run(`select pg_notify('${RAW_CHANNEL}', ?)`, [String(i)]);
        await env.raw.exec('commit');
        await heard;
      },
      finish: async () => {
        if (!ready) return;
        const { stream, listener } = await ready;
        stream.close();
        await listener?.close();
      },
    },
  ];
}

async function setUp(env: BenchEnv) {
  const { app, manager, raw } = env;
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const watcher = env.team.find((id) => id !== manager.id) ?? env.admin.id;
  const token = (await createApiToken(env.db, watcher, 'bench')).token;
  const stream = await SseClient.open(`http://127.0.0.1:${port}/api/v1/events`, {
    authorization: `Bearer ${token}`,
  });
  if (stream.status !== 200) throw new Error(`GET /api/v1/events → ${stream.status}`);
  const deals = (
    await raw.all<{ id: number }>(
      'select id from deals where responsible_id = ? order by id desc limit 500',
      [manager.id],
    )
  ).map((r) => Number(r.id));
  const listener = env.db.url ? await rawListener(env.db.url) : null;
  return { stream, deals, listener };
}

/** A plain LISTEN connection: `next(payload)` resolves when that notification arrives. */
async function rawListener(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`LISTEN ${RAW_CHANNEL}`);
  const waiting = new Map<string, () => void>();
  client.on('notification', (msg) => {
    const payload = msg.payload ?? '';
    waiting.get(payload)?.();
    waiting.delete(payload);
  });
  return {
    next: (payload: string) =>
      new Promise<void>((resolve) => {
        waiting.set(payload, resolve);
      }),
    close: () => client.end(),
  };
}
