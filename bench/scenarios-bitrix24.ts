import { loadActor } from '../src/server/access/actor.js';
import { createInboundWebhook } from '../src/server/compat/bitrix24/webhooks/inbound-webhook.service.js';
import { type BenchEnv, call, marks, pick, turn } from './env.js';
import type { Scenario } from './measure.js';

/**
 * The Bitrix24-compatible REST API: a crm.deal.list page, the SDK's `>ID` paging, a batch of 50 commands,
 * and the rate of reading every deal through it, beside the native API and raw SQL doing the same work.
 */
type Row = Record<string, unknown> & { id: number };

interface Hooks {
  admin: string;
  manager: string;
}

async function makeHooks(env: BenchEnv): Promise<Hooks> {
  const make = async (userId: number) => {
    const admin = await loadActor(env.db, env.admin.id);
    if (!admin) throw new Error('no administrator');
    const hook = await createInboundWebhook(env.db, admin, {
      title: 'bench',
      userId,
      scopes: ['crm', 'user'],
    });
    return `/rest/${userId}/${hook.secret}/`;
  };
  return { admin: await make(env.admin.id), manager: await make(env.manager.id) };
}

async function rest(env: BenchEnv, base: string, method: string, body: Record<string, unknown>) {
  const res = await env.app.inject({ method: 'POST', url: `${base}${method}`, payload: body });
  if (res.statusCode !== 200) throw new Error(`${method} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res.json() as { result: unknown; total?: number; next?: number };
}

function rawContacts(env: BenchEnv, ids: number[], team: number[] | null): Promise<unknown[]> {
  if (!ids.length) return Promise.resolve([]);
  if (!team)
    return env.raw.all(
      `select deal_id, contact_id from deal_contacts where deal_id in (${marks(ids.length)}) order by sort`,
      ids,
    );
  return env.raw.all(
    `select dc.deal_id, dc.contact_id from deal_contacts dc join contacts c on c.id = dc.contact_id
     where dc.deal_id in (${marks(ids.length)}) and c.responsible_id in (${marks(team.length)}) order by dc.sort`,
    [...ids, ...team],
  );
}

export async function bitrix24Scenarios(env: BenchEnv): Promise<{ scenarios: Scenario[]; hooks: Hooks }> {
  const hooks = await makeHooks(env);
  const { team, iterations } = env;
  const teamIn = `responsible_id in (${marks(team.length)})`;
  const stages = await env.raw.all<{ id: number; code: string }>(
    `select id, code from stages where id in (${marks(env.processStages.length)})`,
    env.processStages,
  );
  const combos = stages.flatMap((s) => team.map((responsibleId) => ({ stage: s, responsibleId })));
  const maxId = Number((await env.raw.all<{ m: number }>('select max(id) as m from deals'))[0]?.m ?? 0);
  const cursorAt = (i: number) => Math.floor((((i * 7919) % 1000) / 1000) * maxId);
  const step = Math.max(1, Math.floor(env.sizes.deals / 4000));
  const visible = (
    await env.raw.all<{ id: number }>(`select id from deals where ${teamIn} and id % ? = 0 limit 1000`, [
      ...team,
      step,
    ])
  ).map((r) => Number(r.id));
  const fifty = (i: number) => Array.from({ length: 50 }, (_, k) => pick(visible, i * 50 + k));

  const scenarios: Scenario[] = [
    {
      name: 'crm.deal.list: stage + responsible, order OPPORTUNITY DESC, page of 50 with total',
      as: 'manager',
      iterations,
      target: { p95Ms: 20 },
      api: async (i) => {
        const f = pick(combos, i);
        await rest(env, hooks.manager, 'crm.deal.list', {
          filter: { STAGE_ID: f.stage.code, ASSIGNED_BY_ID: f.responsibleId },
          order: { OPPORTUNITY: 'DESC' },
        });
      },
      raw: async (i) => {
        const f = pick(combos, i);
        const where = `${teamIn} and stage_id = ? and responsible_id = ?`;
        const params = [...team, f.stage.id, f.responsibleId];
        const rows = await env.raw.all<Row>(
          `select * from deals where ${where} order by amount desc, id asc limit 50`,
          params,
        );
        await env.raw.all(`select count(*) as n from deals where ${where}`, params);
        await rawContacts(
          env,
          rows.map((r) => Number(r.id)),
          team,
        );
      },
    },
    {
      name: 'crm.deal.list page as the SDK pages: >ID cursor, order ID, start=-1',
      as: 'admin',
      iterations,
      target: { p95Ms: 20 },
      api: async (i) => {
        await rest(env, hooks.admin, 'crm.deal.list', {
          filter: { '>ID': cursorAt(i) },
          order: { ID: 'ASC' },
          start: -1,
        });
      },
      raw: async (i) => {
        const rows = await env.raw.all<Row>('select * from deals where id > ? order by id limit 50', [
          cursorAt(i),
        ]);
        await rawContacts(
          env,
          rows.map((r) => Number(r.id)),
          null,
        );
      },
    },
    {
      name: 'batch of 50 commands (crm.deal.get)',
      as: 'manager',
      iterations: Math.max(20, Math.round(iterations / 5)),
      api: async (i) => {
        const cmd = Object.fromEntries(fifty(i).map((id, k) => [`d${k}`, `crm.deal.get?id=${id}`]));
        await rest(env, hooks.manager, 'batch', { halt: 0, cmd });
      },
      raw: async (i) => {
        const ids = fifty(i);
        await env.raw.all(`select * from deals where id in (${marks(ids.length)})`, ids);
        await rawContacts(env, ids, team);
      },
    },
    {
      name: 'Native equivalent: the same 50 deals, GET /deals?filter={"id":{"in":[…]}}',
      as: 'manager',
      iterations: Math.max(20, Math.round(iterations / 5)),
      api: async (i) => {
        const filter = encodeURIComponent(JSON.stringify({ id: { in: fifty(i) } }));
        await call(env, env.manager.token, 'GET', `/api/v1/deals?filter=${filter}&limit=50&total=false`);
      },
      raw: async (i) => {
        const ids = fifty(i);
        await env.raw.all(`select * from deals where id in (${marks(ids.length)})`, ids);
        await rawContacts(env, ids, team);
      },
    },
  ];
  return { scenarios, hooks };
}

interface Pass {
  name: string;
  rows: number;
  requests: number;
  seconds: number;
}

async function timedPass(
  name: string,
  run: () => Promise<{ rows: number; requests: number }>,
): Promise<Pass> {
  const t = process.hrtime.bigint();
  const { rows, requests } = await run();
  return { name, rows, requests, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
}

/**
 * Reads every deal once per way, as the administrator: Bitrix24 clients' `>ID` paging (50 a request, as
 * the SDK does), the same with a short select, 50 such pages chained in one batch, the native API's
 * cursor, and raw SQL keyset pages.
 */
export async function bitrix24FullRead(env: BenchEnv, hooks: Hooks): Promise<string> {
  const select = ['ID', 'TITLE', 'STAGE_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'ASSIGNED_BY_ID', 'DATE_MODIFY'];
  const bySdk = (sel?: string[]) => async () => {
    let last = 0;
    let rows = 0;
    let requests = 0;
    for (;;) {
      const page = (
        await rest(env, hooks.admin, 'crm.deal.list', {
          filter: { '>ID': last },
          order: { ID: 'ASC' },
          start: -1,
          ...(sel ? { select: sel } : {}),
        })
      ).result as { ID: string }[];
      requests += 1;
      rows += page.length;
      await turn();
      if (page.length < 50) return { rows, requests };
      last = Number(page[page.length - 1]?.ID);
    }
  };
  const byBatch = async () => {
    let last = 0;
    let rows = 0;
    let requests = 0;
    for (;;) {
      const cmd: Record<string, string> = {};
      for (let k = 0; k < 50; k++) {
        const after = k === 0 ? String(last) : `$result[p${k - 1}][49][ID]`;
        cmd[`p${k}`] =
          `crm.deal.list?filter[>ID]=${after}&order[ID]=ASC&start=-1&${select.map((s) => `select[]=${s}`).join('&')}`;
      }
      const res = (await rest(env, hooks.admin, 'batch', { halt: 0, cmd })).result as {
        result: Record<string, { ID: string }[]>;
      };
      requests += 1;
      await turn();
      for (let k = 0; k < 50; k++) {
        const page = res.result[`p${k}`] ?? [];
        rows += page.length;
        if (page.length < 50) return { rows, requests };
        last = Number(page[49]?.ID);
      }
    }
  };
  const native = (limit: number) => async () => {
    let cursor = '';
    let rows = 0;
    let requests = 0;
    for (;;) {
      const body = JSON.parse(
        await call(
          env,
          env.admin.token,
          'GET',
          `/api/v1/deals?sort=id&limit=${limit}&total=false${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      ) as { items: unknown[]; nextCursor: string | null };
      requests += 1;
      rows += body.items.length;
      await turn();
      if (!body.nextCursor) return { rows, requests };
      cursor = body.nextCursor;
    }
  };
  const raw = async () => {
    let last = 0;
    let rows = 0;
    let requests = 0;
    for (;;) {
      const page = await env.raw.all<Row>('select * from deals where id > ? order by id limit 500', [last]);
      requests += 1;
      rows += page.length;
      if (page.length < 500) return { rows, requests };
      last = Number(page[page.length - 1]?.id);
    }
  };
  const passes = [
    await timedPass('crm.deal.list, >ID paging, 50 a request, all fields (the SDK’s callList)', bySdk()),
    await timedPass(`crm.deal.list, >ID paging, 50 a request, select ${select.length} fields`, bySdk(select)),
    await timedPass(
      `batch of 50 chained crm.deal.list pages ($result[prev][49][ID]), select ${select.length} fields`,
      byBatch,
    ),
    await timedPass('Native GET /deals?sort=id, cursor, limit 50', native(50)),
    await timedPass('Native GET /deals?sort=id, cursor, limit 500', native(500)),
    await timedPass('Raw SQL keyset pages of 500 (select *)', raw),
  ];
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const target = 100_000;
  return [
    '| Reading every deal | Rows | Requests | Seconds | Rows/s | Target | Result |',
    '|---|---:|---:|---:|---:|---|---|',
    ...passes.map((p, i) => {
      const compat = i < 3;
      const met = p.rows / p.seconds >= target;
      return `| ${p.name} | ${n(p.rows)} | ${n(p.requests)} | ${p.seconds.toFixed(2)} | ${n(p.rows / p.seconds)} | ${compat ? `≥ ${n(target)}/s` : '—'} | ${compat ? (met ? 'met' : '**missed**') : ''} |`;
    }),
  ].join('\n');
}
