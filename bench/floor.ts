import Fastify, { type FastifyInstance } from 'fastify';
import { dateTimeOut } from '../src/server/compat/bitrix24/values.js';
import { formatMoney } from '../src/shared/money.js';
import { type BenchEnv, turn } from './env.js';
import type { CreateKit } from './scenarios-write.js';

/**
 * The floor of this machine: the same work behind a bare Fastify route, driven the same way as the app
 * (in-process `inject`, the client decoding the JSON), with none of the application: no authentication,
 * validation, access rights, history diff, write hooks or presentation beyond the wire format. What Sevan
 * costs above these figures is the application; what they cost, no application on this machine avoids.
 */
export interface Floor {
  name: string;
  rate: number;
  unit: string;
  target?: number;
}

const IN_FLIGHT = 16;

/** A bare route's creates, grouped into one transaction per turn of the event loop, as the app's are. */
function createRoute(app: FastifyInstance, env: BenchEnv, kit: CreateKit): void {
  // each job writes its rows and hands back what answers its caller once the commit is done
  let queue: (() => Promise<() => void>)[] = [];
  let scheduled = false;
  const flush = async () => {
    while (queue.length) {
      const jobs = queue;
      queue = [];
      const answers: (() => void)[] = [];
      await env.raw.exec('begin');
      for (const job of jobs) answers.push(await job());
      await env.raw.exec('commit');
      for (const answer of answers) answer();
    }
    scheduled = false;
  };
  let n = 0;
  app.post('/deals', (req, reply) => {
    const i = n++;
    const body = req.body as Record<string, unknown>;
    reply.code(201);
    return new Promise((resolve, reject) => {
      queue.push(() =>
        kit.rawCreateRows(i, body).then(
          (id) => () => resolve({ id, ...body }),
          (err) => () => reject(err),
        ),
      );
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
  });
}

/** A bare route answering one Bitrix24-style page: 50 deals after an id, 7 fields as strings. */
async function pageRoute(app: FastifyInstance, env: BenchEnv): Promise<void> {
  const codes = new Map(
    (await env.raw.all<{ id: number; code: string }>('select id, code from stages')).map((s) => [
      Number(s.id),
      s.code,
    ]),
  );
  app.post('/page', async (req) => {
    const after = Number((req.body as { after: number }).after);
    const rows = await env.raw.all<Record<string, unknown>>(
      'select id, title, stage_id, amount, currency, responsible_id, updated_at from deals where id > ? order by id limit 50',
      [after],
    );
    return {
      result: rows.map((r) => ({
        ID: String(r.id),
        TITLE: r.title,
        STAGE_ID: codes.get(Number(r.stage_id)) ?? '',
        OPPORTUNITY: formatMoney(Number(r.amount)),
        CURRENCY_ID: r.currency,
        ASSIGNED_BY_ID: String(r.responsible_id),
        DATE_MODIFY: dateTimeOut(r.updated_at),
      })),
      time: { start: 0, finish: 0 },
    };
  });
}

async function timedRate(count: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const n = await count();
  return n / ((performance.now() - started) / 1000);
}

export async function measureFloors(env: BenchEnv, kit: CreateKit): Promise<Floor[]> {
  const app = Fastify({ logger: false });
  app.post('/empty', async () => ({ result: true }));
  createRoute(app, env, kit);
  await pageRoute(app, env);
  await app.ready();
  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url, payload });
    if (res.statusCode >= 300) throw new Error(`${url} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
    return res.json() as { result: { ID: string }[] };
  };
  try {
    const empty = await timedRate(async () => {
      for (let i = 0; i < 20_000; i++) {
        await post('/empty', {});
        if (i % 50 === 0) await turn();
      }
      return 20_000;
    });
    const creates = await timedRate(async () => {
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < env.creates; i = next++) await post('/deals', kit.body(1_000_000 + i));
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      return env.creates;
    });
    const pages = await timedRate(async () => {
      let after = 0;
      let rows = 0;
      for (;;) {
        const page = (await post('/page', { after })).result;
        rows += page.length;
        await turn();
        if (page.length < 50) return rows;
        after = Number(page[49]?.ID);
      }
    });
    return [
      {
        name: 'An empty POST answered by a bare route (the request itself)',
        rate: empty,
        unit: 'requests/s',
      },
      {
        name: `Create deal under load (${IN_FLIGHT} in flight): the same SQL writes behind a bare route, grouped commits`,
        rate: creates,
        unit: 'creates/s',
        target: 2000,
      },
      {
        name: 'Every deal, 50 a request by >ID, 7 fields as Bitrix24 strings, from a bare route',
        rate: pages,
        unit: 'rows/s',
        target: 100_000,
      },
    ];
  } finally {
    await app.close();
  }
}

export function floorTable(floors: Floor[]): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  return [
    '| Floor of this machine: the work without the application | Rate | Target for Sevan |',
    '|---|---:|---|',
    ...floors.map((f) => `| ${f.name} | ${n(f.rate)} ${f.unit} | ${f.target ? `≥ ${n(f.target)}` : '—'} |`),
  ].join('\n');
}
