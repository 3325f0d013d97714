import { queryTokens } from '../src/server/modules/search/search.service.js';
import { type BenchEnv, call, marks, pick, q } from './env.js';
import type { Scenario } from './measure.js';
import { REGION_FIELD } from './schema-setup.js';

/**
 * Read scenarios. Each raw side is the SQL the service would ideally run for the same answer: the page
 * (limit + 1), the total when the API returns one, and the linked contacts the manager may see.
 */
type Row = Record<string, unknown> & { id: number };
const LIST_TARGET = { p95Ms: 20, ratio: 3 };

function rawContacts(env: BenchEnv, ids: number[], scoped: boolean): Promise<unknown[]> {
  if (!ids.length) return Promise.resolve([]);
  if (!scoped)
    return env.raw.all(
      `select deal_id, contact_id from deal_contacts where deal_id in (${marks(ids.length)}) order by sort`,
      ids,
    );
  return env.raw.all(
    `select dc.deal_id, dc.contact_id from deal_contacts dc join contacts c on c.id = dc.contact_id
     where dc.deal_id in (${marks(ids.length)}) and c.responsible_id in (${marks(env.team.length)}) order by dc.sort`,
    [...ids, ...env.team],
  );
}

/** page + optional count + contacts, as raw SQL. */
async function rawList(
  env: BenchEnv,
  where: string,
  params: unknown[],
  order: string,
  count: boolean,
  scoped: boolean,
) {
  const rows = await env.raw.all<Row>(
    `select * from deals where ${where} order by ${order} limit 51`,
    params,
  );
  if (count) await env.raw.all(`select count(*) as n from deals where ${where}`, params);
  await rawContacts(
    env,
    rows.slice(0, 50).map((r) => Number(r.id)),
    scoped,
  );
}

export async function readScenarios(env: BenchEnv): Promise<Scenario[]> {
  const { team, manager, admin, iterations } = env;
  const teamIn = `responsible_id in (${marks(team.length)})`;
  const combos = env.processStages.flatMap((stageId) =>
    team.map((responsibleId) => ({ stageId, responsibleId })),
  );

  const depth = Math.round(500_000 * env.scale);
  const cursors: string[] = [];
  for (let k = 0; k < 20; k++) {
    const [row] = await env.raw.all<{ amount: number; id: number }>(
      'select amount, id from deals order by amount desc, id desc limit 1 offset ?',
      [depth + k * 997],
    );
    if (row)
      cursors.push(Buffer.from(JSON.stringify([Number(row.amount), Number(row.id)])).toString('base64url'));
  }
  const decode = (c: string) => JSON.parse(Buffer.from(c, 'base64url').toString()) as [number, number];

  const step = Math.max(1, Math.floor(env.sizes.deals / 4000));
  const visible = (
    await env.raw.all<{ id: number }>(`select id from deals where ${teamIn} and id % ? = 0 limit 1000`, [
      ...team,
      step,
    ])
  ).map((r) => Number(r.id));

  const queries = await searchQueries(env);

  return [
    {
      name: 'Deal list: stage + responsible, sort -amount, limit 50',
      as: 'manager',
      iterations,
      target: LIST_TARGET,
      api: (i) => {
        const f = pick(combos, i);
        return call(env, manager.token, 'GET', `/api/v1/deals?filter=${q(f)}&sort=-amount&limit=50`).then(
          () => {},
        );
      },
      raw: (i) => {
        const f = pick(combos, i);
        return rawList(
          env,
          `${teamIn} and stage_id = ? and responsible_id = ?`,
          [...team, f.stageId, f.responsibleId],
          'amount desc, id desc',
          true,
          true,
        );
      },
    },
    {
      name: `Deal list at cursor depth ${depth.toLocaleString('en-US')}, sort -amount, total=false`,
      as: 'admin',
      iterations,
      target: LIST_TARGET,
      api: (i) =>
        call(
          env,
          admin.token,
          'GET',
          `/api/v1/deals?sort=-amount&limit=50&total=false&cursor=${pick(cursors, i)}`,
        ).then(() => {}),
      raw: (i) =>
        rawList(env, '(amount, id) < (?, ?)', decode(pick(cursors, i)), 'amount desc, id desc', false, false),
    },
    {
      name: `Same at depth ${depth.toLocaleString('en-US')} with the total (API default)`,
      as: 'admin',
      iterations: Math.max(20, Math.round(iterations / 5)),
      api: (i) =>
        call(env, admin.token, 'GET', `/api/v1/deals?sort=-amount&limit=50&cursor=${pick(cursors, i)}`).then(
          () => {},
        ),
      raw: async (i) => {
        await rawList(
          env,
          '(amount, id) < (?, ?)',
          decode(pick(cursors, i)),
          'amount desc, id desc',
          false,
          false,
        );
        await env.raw.all('select count(*) as n from deals');
      },
    },
    {
      name: 'Deal list: custom field (list) = option, sort -id',
      as: 'manager',
      iterations,
      api: (i) => {
        const f = { [REGION_FIELD.apiName]: (i % 12) + 1 };
        return call(env, manager.token, 'GET', `/api/v1/deals?filter=${q(f)}&limit=50`).then(() => {});
      },
      raw: (i) =>
        rawList(
          env,
          `${teamIn} and ${REGION_FIELD.column} = ?`,
          [...team, (i % 12) + 1],
          'id desc',
          true,
          true,
        ),
    },
    {
      name: 'Full-text search (GET /api/v1/search), 20 hits',
      as: 'manager',
      iterations,
      target: { p95Ms: 30 },
      api: (i) =>
        call(env, manager.token, 'GET', `/api/v1/search?q=${encodeURIComponent(pick(queries, i))}`).then(
          () => {},
        ),
      raw: (i) => rawSearch(env, pick(queries, i)).then(() => {}),
    },
    {
      name: 'Get deal by id',
      as: 'manager',
      iterations,
      target: { p95Ms: 3 },
      api: (i) => call(env, manager.token, 'GET', `/api/v1/deals/${pick(visible, i)}`).then(() => {}),
      raw: async (i) => {
        await env.raw.all('select * from deals where id = ?', [pick(visible, i)]);
        await rawContacts(env, [pick(visible, i)], true);
      },
    },
  ];
}

/** What people type: a surname, a full name, a phone number, the start of a company name. */
async function searchQueries(env: BenchEnv): Promise<string[]> {
  const ids = Array.from(
    { length: 25 },
    (_, i) => 1 + Math.floor((((i * 7919) % 1000) / 1000) * env.sizes.contacts),
  );
  const people = await env.raw.all<{ name: string; last_name: string }>(
    `select name, last_name from contacts where id in (${marks(ids.length)})`,
    ids,
  );
  const phones = await env.raw.all<{ normalized: string }>(
    `select normalized from communications where entity_type = 'contact' and kind = 'phone' and entity_id in (${marks(ids.length)})`,
    ids,
  );
  const firms = await env.raw.all<{ title: string }>(
    `select title from companies where id in (${marks(ids.length)})`,
    ids.map((i) => 1 + (i % env.sizes.companies)),
  );
  const out: string[] = [];
  for (let i = 0; i < 25; i++) {
    const p = people[i % people.length];
    const word =
      (firms[i % firms.length]?.title ?? 'Ararat').replace(/^(ООО|АО|ПАО) «/, '').split(/\s/)[0] ?? '';
    out.push(
      p?.last_name ?? 'Smith',
      `${p?.name ?? 'Anna'} ${p?.last_name ?? ''}`.trim(),
      (phones[i % phones.length]?.normalized ?? '+10000000').replace(/\D/g, ''),
      word.slice(0, 5),
    );
  }
  return out;
}

async function rawSearch(env: BenchEnv, text: string): Promise<unknown[]> {
  const toks = queryTokens(text, env.phoneRegion);
  const teamIn = `responsible_id in (${marks(env.team.length)})`;
  if (env.raw.dialect === 'sqlite') {
    // the search module's plan: count inside the owners' documents; newest first past 1,000 matches;
    // otherwise rank, over the words alone when they match few enough documents to score
    const words = `{title body} : (${toks.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' AND ')})`;
    const owned = `${words} AND owner : (${env.team.map((u) => `u${u}`).join(' OR ')})`;
    const count = async (match: string) =>
      Number(
        (
          await env.raw.all<{ n: number }>(
            'select count(*) as n from (select 1 from search_docs where search_docs match ? limit 1001)',
            [match],
          )
        )[0]?.n,
      );
    const narrowed = await count(owned);
    if (!narrowed) return [];
    if (narrowed > 1000)
      return env.raw.all(
        `select entity_type, entity_id, title from search_docs where search_docs match ? and ${teamIn} order by rowid desc limit 20`,
        [owned, ...env.team],
      );
    const match = (await count(words)) <= 1000 ? words : owned;
    return env.raw.all(
      `select entity_type, entity_id, title, rank
       from search_docs where search_docs match ? and ${teamIn} order by rank limit 20`,
      [match, ...env.team],
    );
  }
  const tsquery = toks.map((t) => `${t.replaceAll(/[^\p{L}\p{N}]/gu, '')}:*`).join(' & ');
  return env.raw.all(
    `select entity_type, entity_id, title,
       ts_rank(tsv, q) + case when lower(title) like ? then 1 else 0 end as rank
     from search_docs, to_tsquery('simple', ?) q where tsv @@ q and ${teamIn} order by rank desc limit 20`,
    [`${toks[0] ?? ''}%`, tsquery, ...env.team],
  );
}
