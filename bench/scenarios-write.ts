import { ftsRowid } from './dataset-rows.js';
import { type BenchEnv, call, marks, pick } from './env.js';
import type { Scenario } from './measure.js';
import { REGION_FIELD } from './schema-setup.js';

/** Requests in flight at once in the create-under-load scenario (a team of users and integrations). */
const CONCURRENCY = 16;

/**
 * Write scenarios: one request at a time (sustained), and creates with several requests in flight. The raw
 * side writes what a create or update must write, in one transaction: the row, its contact link, its search
 * document and a history entry (under load: as many creates a transaction as requests are in flight).
 */
export interface CreateKit {
  /** The body of the i-th benchmark create. */
  body(i: number): Record<string, unknown>;
  /** What a create writes, as raw SQL, inside a transaction the caller opened; answers the new id. */
  rawCreateRows(i: number, body?: Record<string, unknown>): Promise<number>;
}

export async function writeScenarios(env: BenchEnv): Promise<{ scenarios: Scenario[]; kit: CreateKit }> {
  const { manager, raw } = env;
  const own = async (table: string, limit: number) =>
    (
      await raw.all<{ id: number }>(`select id from ${table} where responsible_id = ? order by id limit ?`, [
        manager.id,
        limit,
      ])
    ).map((r) => Number(r.id));
  const companies = await own('companies', 500);
  const contacts = await own('contacts', 500);
  const deals = await own('deals', 2000);
  const stageRows = await raw.all<{
    id: number;
    semantics: string;
    probability: number;
    pipeline_id: number;
  }>(
    `select id, semantics, probability, pipeline_id from stages where id in (${marks(env.processStages.length)})`,
    env.processStages,
  );
  const sqlite = raw.dialect === 'sqlite';

  const body = (i: number) => ({
    title: `Bench deal ${i}`,
    stageId: pick(env.processStages, i),
    amount: `${1000 + (i % 5000)}.50`,
    currency: 'USD',
    companyId: pick(companies, i),
    contactIds: [pick(contacts, i)],
    [REGION_FIELD.apiName]: (i % 12) + 1,
  });

  const tx = async (fn: () => Promise<void>) => {
    await raw.exec('begin');
    try {
      await fn();
      await raw.exec('commit');
    } catch (err) {
      await raw.exec('rollback');
      throw err;
    }
  };

  const rawCreateRows = async (i: number, given?: Record<string, unknown>): Promise<number> => {
    const b = (given ?? body(i)) as ReturnType<typeof body>;
    const stage = pick(stageRows, i);
    const now = new Date().toISOString();
    const [row] = await raw.all<{ id: number }>(
      `insert into deals (title, pipeline_id, stage_id, stage_semantics, probability, amount, currency, company_id,
           closed, has_product_rows, responsible_id, version, created_by, updated_by, created_at, updated_at, ${REGION_FIELD.column})
         values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 1, ?, ?, ?, ?, ?) returning id`,
      [
        b.title,
        stage.pipeline_id,
        stage.id,
        stage.semantics,
        stage.probability,
        (1000 + (i % 5000)) * 100 + 50,
        'USD',
        b.companyId,
        manager.id,
        manager.id,
        manager.id,
        now,
        now,
        (i % 12) + 1,
      ],
    );
    const id = Number(row?.id);
    await raw.run('insert into deal_contacts (deal_id, contact_id, sort) values (?, ?, 0)', [
      id,
      b.contactIds[0],
    ]);
    if (sqlite)
      await raw.run(
        'insert into search_docs (rowid, entity_type, entity_id, responsible_id, owner, title, body) values (?, ?, ?, ?, ?, ?, ?)',
        [ftsRowid('deal', id), 'deal', id, manager.id, `u${manager.id}`, b.title, ''],
      );
    else
      await raw.run(
        'insert into search_docs (entity_type, entity_id, responsible_id, title, body) values (?, ?, ?, ?, ?)',
        ['deal', id, manager.id, b.title, ''],
      );
    await raw.run(
      'insert into history (entity_type, entity_id, action, actor_id, at, changes) values (?, ?, ?, ?, ?, ?)',
      ['deal', id, 'create', manager.id, now, JSON.stringify([{ field: 'title', old: null, new: b.title }])],
    );
    return id;
  };
  const rawCreate = (i: number) =>
    tx(async () => {
      await rawCreateRows(i);
    });
  const rawCreateGroup = (from: number, count: number) =>
    tx(async () => {
      for (let k = 0; k < count; k++) await rawCreateRows(from + k);
    });

  const rawUpdate = (i: number) =>
    tx(async () => {
      const id = pick(deals, i);
      const now = new Date().toISOString();
      await raw.run(
        'update deals set amount = ?, version = version + 1, updated_by = ?, updated_at = ? where id = ?',
        [(2000 + (i % 5000)) * 100, manager.id, now, id],
      );
      await raw.run(
        'insert into history (entity_type, entity_id, action, actor_id, at, changes) values (?, ?, ?, ?, ?, ?)',
        [
          'deal',
          id,
          'update',
          manager.id,
          now,
          JSON.stringify([{ field: 'amount', old: '1.00', new: '2.00' }]),
        ],
      );
    });

  // the same creates, measured one after another and with several in flight
  const create = {
    as: 'manager',
    iterations: env.creates,
    target: { perSecond: 2000 },
    api: (i: number) => call(env, manager.token, 'POST', '/api/v1/deals', body(i)).then(() => {}),
    raw: rawCreate,
  } as const;

  const scenarios: Scenario[] = [
    {
      ...create,
      name: `Create deal (POST, ${env.creates.toLocaleString('en-US')} in a row)`,
      sequential: true,
    },
    {
      ...create,
      name: `Create deal under load (POST, ${CONCURRENCY} requests in flight)`,
      concurrency: CONCURRENCY,
      rawGroup: rawCreateGroup,
    },
    {
      name: 'Update deal amount (PATCH)',
      as: 'manager',
      iterations: env.iterations,
      sequential: true,
      api: (i) =>
        call(env, manager.token, 'PATCH', `/api/v1/deals/${pick(deals, i)}`, {
          amount: `${2000 + (i % 5000)}.00`,
        }).then(() => {}),
      raw: rawUpdate,
    },
  ];
  return { scenarios, kit: { body, rawCreateRows } };
}
