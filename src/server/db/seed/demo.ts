import { sql } from 'kysely';
import { loadActor, systemActor } from '../../access/actor.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../connection.js';
import { seedActivities } from './demo-activities.js';
import { convertLeads } from './demo-convert.js';
import { type DealWorld, seedDeals, stageFor } from './demo-deals.js';
import { DEMO_PASSWORD, seedCatalog, seedOrg, seedServicePipeline } from './demo-org.js';
import { Rng } from './demo-random.js';
import { seedCompanies, seedContacts, seedLeads } from './demo-records.js';

/**
 * Demo data (`SEVAN_DEMO=1 npm start` or `npm start -- --demo`): departments, 20 sales people, a second
 * pipeline, a product catalog and, at scale 1, about 600 companies, 2,000 contacts, 3,000 leads and 3,000
 * deals over the past year. Everything goes through the real services (validation, history, search index);
 * the same seed gives the same data on every run. Only an empty CRM is filled.
 */
export interface DemoOptions {
  scale: number;
  phoneRegion: string;
  /** Progress and the final one-line note; stdout by default. */
  log?: (line: string) => void;
}

export interface DemoSummary {
  users: number;
  companies: number;
  contacts: number;
  leads: number;
  deals: number;
  activities: number;
  seconds: number;
}

const SEED = 20_240_601;

export async function seedDemo(db: Db, opts: DemoOptions): Promise<DemoSummary | null> {
  const log = opts.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const k = db.kysely;
  const hasLead = await k.selectFrom('leads').select('id').limit(1).executeTakeFirst();
  const hasDeal = await k.selectFrom('deals').select('id').limit(1).executeTakeFirst();
  if (hasLead || hasDeal) {
    log('Demo data: the CRM already has records, nothing added');
    return null;
  }
  const started = Date.now();
  const n = (base: number) => Math.max(1, Math.round(base * opts.scale));
  const admin = await k
    .selectFrom('users')
    .select('id')
    .where('is_admin', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  const actor = (admin && (await loadActor(db, admin.id))) || systemActor(admin?.id ?? 0);
  const ctx: Ctx = { db, actor, phoneRegion: opts.phoneRegion };

  const sellers = await seedOrg(ctx, new Rng(SEED));
  const servicePipelineId = await seedServicePipeline(ctx);
  const products = await seedCatalog(ctx);
  const sourceIds = (await k.selectFrom('sources').select('id').execute()).map((s) => s.id);
  const statuses = await k.selectFrom('lead_statuses').select(['id', 'code']).orderBy('sort').execute();
  const stages = await k
    .selectFrom('stages')
    .select(['id', 'pipeline_id', 'code', 'semantics', 'sort'])
    .orderBy('sort')
    .execute();
  const sales = await k
    .selectFrom('pipelines')
    .select('id')
    .where('id', '!=', servicePipelineId)
    .orderBy('is_default', 'desc')
    .orderBy('id')
    .executeTakeFirstOrThrow();

  const companies = await seedCompanies(ctx, new Rng(SEED + 1), sellers, sourceIds, n(600));
  const contacts = await seedContacts(ctx, new Rng(SEED + 2), sellers, companies, sourceIds, n(2000));
  const names = products.map((p) => p.name);
  const leads = await seedLeads(ctx, new Rng(SEED + 3), sellers, statuses, sourceIds, names, n(3000));
  const world: DealWorld = {
    sellers,
    companies,
    contacts,
    products,
    stages,
    salesPipelineId: sales.id,
    servicePipelineId,
    sourceIds,
  };
  // about one deal in ten comes from a converted lead; the rest are created directly
  const salesStages = stages.filter((s) => s.pipeline_id === sales.id);
  const rng = new Rng(SEED + 4);
  const converted = await convertLeads(ctx, rng, leads, salesStages, Math.round(n(3000) / 10), stageFor);
  await seedDeals(ctx, rng, world, Math.max(1, n(3000) - converted));
  const activities = await seedActivities(ctx, new Rng(SEED + 5), sellers);
  // the administrator handed every demo record out at once: hundreds of "assigned to you" lines per
  // seller would bury the bell, so the demo starts with it empty
  await k.deleteFrom('notifications').execute();
  await sql`analyze`.execute(k); // fresh statistics for the list indexes

  const count = async (t: 'companies' | 'contacts' | 'leads' | 'deals') =>
    Number(
      (
        await k
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const summary: DemoSummary = {
    users: sellers.length,
    companies: await count('companies'),
    contacts: await count('contacts'),
    leads: await count('leads'),
    deals: await count('deals'),
    activities,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  log(
    `Demo data: ${summary.users} users (password "${DEMO_PASSWORD}"), ${summary.companies} companies, ` +
      `${summary.contacts} contacts, ${summary.leads} leads, ${summary.deals} deals, ` +
      `${summary.activities} activities in ${summary.seconds} s`,
  );
  return summary;
}
