import type { Permissions, RecordEntity } from '../../../shared/access.js';
import type { Db } from '../connection.js';
import { nowIso, withTx } from '../tx.js';

const CRM: RecordEntity[] = ['lead', 'contact', 'company', 'deal'];

function grant(scopes: {
  read: string;
  write: string;
  product: { read: string; write: string };
}): Permissions {
  const p: Permissions = {};
  for (const e of CRM) {
    p[e] = {
      read: scopes.read,
      create: scopes.write,
      update: scopes.write,
      delete: scopes.write,
      export: scopes.read,
    } as never;
  }
  const { read, write } = scopes.product;
  p.product = { read, create: write, update: write, delete: write, export: read } as never;
  return p;
}

export const DEFAULT_ROLES = [
  {
    code: 'admin',
    name: 'Administrator',
    permissions: grant({ read: 'all', write: 'all', product: { read: 'all', write: 'all' } }),
  },
  {
    code: 'sales_head',
    name: 'Sales head',
    permissions: grant({ read: 'all', write: 'all', product: { read: 'all', write: 'all' } }),
  },
  {
    code: 'sales_manager',
    name: 'Sales manager',
    permissions: grant({ read: 'department', write: 'own', product: { read: 'all', write: 'none' } }),
  },
];

const SALES_STAGES = [
  ['NEW', 'New', 'process', 10, '#74c0fc'],
  ['PREPARATION', 'Waiting for information', 'process', 20, '#4dabf7'],
  ['PREPAYMENT_INVOICE', 'Negotiation', 'process', 40, '#339af0'],
  ['EXECUTING', 'Commercial proposal', 'process', 60, '#1c7ed6'],
  ['FINAL_INVOICE', 'Invoice', 'process', 80, '#1864ab'],
  ['WON', 'Won', 'won', 100, '#40c057'],
  ['LOSE', 'Lost', 'lost', 0, '#fa5252'],
] as const;

const LEAD_STATUSES = [
  ['NEW', 'New', 'process', '#74c0fc'],
  ['IN_PROCESS', 'In progress', 'process', '#339af0'],
  ['PROCESSED', 'Processed', 'process', '#1864ab'],
  ['JUNK', 'Junk', 'junk', '#fa5252'],
  ['CONVERTED', 'Converted', 'converted', '#40c057'],
] as const;

const SOURCES = [
  ['CALL', 'Call'],
  ['EMAIL', 'E-mail'],
  ['WEB', 'Website'],
  ['WEBFORM', 'Web form'],
  ['STORE', 'Online store'],
  ['ADVERTISING', 'Advertising'],
  ['PARTNER', 'Existing client'],
  ['RECOMMENDATION', 'Recommendation'],
  ['TRADE_SHOW', 'Trade show'],
  ['OTHER', 'Other'],
] as const;

const CURRENCIES = [
  ['USD', 'US dollar', 2],
  ['EUR', 'Euro', 2],
  ['RUB', 'Russian ruble', 2],
  ['AMD', 'Armenian dram', 2],
] as const;

/** Creates the reference data a new installation needs, once: nothing has to be configured to start. */
export async function seedDefaults(db: Db, baseCurrency = 'USD'): Promise<boolean> {
  const existing = await db.kysely.selectFrom('roles').select('id').executeTakeFirst();
  if (existing) return false;
  await withTx(db, async (tx) => {
    const now = nowIso();
    const k = tx.kysely;
    for (const r of DEFAULT_ROLES) {
      await k
        .insertInto('roles')
        .values({
          code: r.code,
          name: r.name,
          permissions: JSON.stringify(r.permissions),
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const currencies = [...CURRENCIES];
    if (!currencies.some(([c]) => c === baseCurrency))
      currencies.unshift([baseCurrency as 'USD', baseCurrency as 'US dollar', 2]);
    await k
      .insertInto('currencies')
      .values(
        currencies.map(([code, name, exponent], i) => ({
          code,
          name,
          exponent,
          is_base: code === baseCurrency ? 1 : 0,
          sort: i * 10,
        })),
      )
      .execute();
    await k
      .insertInto('sources')
      .values(SOURCES.map(([code, name], i) => ({ code, name, sort: i * 10 })))
      .execute();
    await k
      .insertInto('lead_statuses')
      .values(
        LEAD_STATUSES.map(([code, name, semantics, color], i) => ({
          code,
          name,
          semantics,
          color,
          sort: i * 10,
        })),
      )
      .execute();
    const pipeline = await k
      .insertInto('pipelines')
      .values({ name: 'Sales', sort: 0, is_default: 1, version: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k
      .insertInto('stages')
      .values(
        SALES_STAGES.map(([code, name, semantics, probability, color], i) => ({
          pipeline_id: pipeline.id,
          code,
          name,
          semantics,
          probability,
          color,
          sort: i * 10,
        })),
      )
      .execute();
    await k
      .insertInto('departments')
      .values({
        name: 'Company',
        parent_id: null,
        head_id: null,
        sort: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  return true;
}
