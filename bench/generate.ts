import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { testConfig } from '../src/server/config.js';
import { createDb } from '../src/server/db/connection.js';
import { migrate } from '../src/server/db/migrate.js';
import { Rng } from '../src/server/db/seed/demo-random.js';
import { loadActivities, setNextActivities } from './activities-data.js';
import { type BenchArgs, DATA_DIR, parseBenchArgs, type Sizes, scaleTag, sizes } from './args.js';
import { BulkInsert, dropIndexes, inTransaction } from './bulk.js';
import {
  COLUMNS,
  companyRow,
  contactRow,
  dealRow,
  ftsRowid,
  leadRow,
  type Out,
  type Reference,
  stamps,
} from './dataset-rows.js';
import { connectPg, type PgServer } from './pg-server.js';
import { openSqlite, pgRaw, type Raw, sqliteRaw } from './raw.js';
import { setupSchema } from './schema-setup.js';

/**
 * The benchmark dataset, generated once per engine and scale and then reused: a SQLite file under
 * bench/results/data/, or a database on the benchmark PostgreSQL cluster. Schema, users and the custom
 * field go through the real code; the million rows go in as multi-row INSERTs in large transactions.
 */
export interface Dataset {
  /** SQLite file path or PostgreSQL database name. */
  location: string;
  sizes: Sizes;
  /** Seconds spent generating in this run; null when a cached dataset was reused. */
  generatedIn: number | null;
}

const TABLES = [
  'companies',
  'contacts',
  'leads',
  'deals',
  'communications',
  'contact_companies',
  'deal_contacts',
  'search_docs',
  'activities',
];
const COMMIT_EVERY = 100_000;

const sqliteFile = (scale: number) => path.join(DATA_DIR, `sqlite-s${scaleTag(scale)}.sqlite`);
const pgName = (scale: number) => `bench_s${scaleTag(scale)}`;

/** A cached dataset that is complete: datasets made before activities existed get them added first. */
export async function datasetExists(args: BenchArgs, pgServer?: PgServer): Promise<boolean> {
  if (args.db === 'sqlite') {
    const file = sqliteFile(args.scale);
    return fs.existsSync(file) && sqliteHasActivities(file);
  }
  const found = await pgServer?.query(`select 1 from pg_database where datname = '${pgName(args.scale)}'`);
  return (
    Boolean(found?.rowCount) &&
    pgServer !== undefined &&
    (await pgHasActivities(pgServer, pgName(args.scale)))
  );
}

function sqliteHasActivities(file: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    const table = db
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'activities'`)
      .get();
    return Boolean(table && db.prepare('select 1 from activities limit 1').get());
  } finally {
    db.close();
  }
}

async function pgHasActivities(pgServer: PgServer, name: string): Promise<boolean> {
  const raw = await pgRaw(pgServer.urlOf(name));
  try {
    const [t] = await raw.all<{ ok: boolean }>(`select to_regclass('public.activities') is not null as ok`);
    if (!t?.ok) return false;
    return (await raw.all('select 1 from activities limit 1')).length > 0;
  } finally {
    await raw.close();
  }
}

export async function ensureDataset(args: BenchArgs, region: string, pgServer?: PgServer): Promise<Dataset> {
  const size = sizes(args.scale);
  const started = Date.now();
  const done = (location: string, generated: boolean): Dataset => ({
    location,
    sizes: size,
    generatedIn: generated ? Math.round((Date.now() - started) / 1000) : null,
  });
  if (args.db === 'sqlite') {
    const file = sqliteFile(args.scale);
    if (fs.existsSync(file) && !args.regenerate) {
      if (sqliteHasActivities(file)) return done(file, false);
      const db = createDb({ dataDir: DATA_DIR, sqliteFile: path.basename(file) });
      await migrate(db);
      await db.close();
      const sqlite = openSqlite(file);
      sqlite.pragma('synchronous = OFF');
      sqlite.pragma('cache_size = -1048576');
      await addActivities(sqliteRaw(sqlite), size);
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
      return done(file, true);
    }
    const tmp = `${file}.tmp`;
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    const db = createDb({ dataDir: DATA_DIR, sqliteFile: path.basename(tmp) });
    const ref = await setupSchema(db, region);
    await db.close();
    const sqlite = openSqlite(tmp);
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('cache_size = -1048576');
    await load(sqliteRaw(sqlite), ref, size);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    fs.renameSync(tmp, file);
    return done(file, true);
  }
  if (!pgServer) throw new Error('PostgreSQL server not started');
  const name = pgName(args.scale);
  const exists = await pgServer.query(`select 1 from pg_database where datname = '${name}'`);
  if (exists.rowCount && !args.regenerate) {
    if (await pgHasActivities(pgServer, name)) return done(name, false);
    const db = createDb({ databaseUrl: pgServer.urlOf(name), dataDir: '' });
    await migrate(db);
    await db.close();
    const raw = await pgRaw(pgServer.urlOf(name));
    await addActivities(raw, size);
    await raw.close();
    return done(name, true);
  }
  await pgServer.query(`drop database if exists ${name}_tmp with (force)`);
  await pgServer.query(`create database ${name}_tmp`);
  const db = createDb({ databaseUrl: pgServer.urlOf(`${name}_tmp`), dataDir: '' });
  const ref = await setupSchema(db, region);
  await db.close();
  const raw = await pgRaw(pgServer.urlOf(`${name}_tmp`));
  await raw.exec('set session_replication_role = replica'); // no per-row foreign-key triggers while loading
  await load(raw, ref, size);
  await raw.close();
  await pgServer.query(`drop database if exists ${name} with (force)`);
  await pgServer.query(`alter database ${name}_tmp rename to ${name}`);
  return done(name, true);
}

const log = (msg: string) => process.stdout.write(`  [generate] ${msg}\n`);

/** Adds the activities to a cached dataset made before they existed (its tables come from migrate). */
async function addActivities(raw: Raw, size: Sizes): Promise<void> {
  const t0 = Date.now();
  const indexes = await dropIndexes(raw, ['activities']);
  await loadActivities(raw, size, log);
  for (const sql of indexes) await raw.exec(sql);
  await setNextActivities(raw);
  await raw.exec(raw.dialect === 'sqlite' ? 'analyze' : 'vacuum analyze');
  log(`activities added to the cached dataset (${Math.round((Date.now() - t0) / 1000)} s)`);
}

async function load(raw: Raw, ref: Reference, size: Sizes): Promise<void> {
  const t0 = Date.now();
  const indexes = await dropIndexes(raw, TABLES);
  const now = Date.now();
  const owned = COLUMNS.owned;
  const ins = {
    companies: new BulkInsert(raw, 'companies', [...COLUMNS.companies, ...owned]),
    contacts: new BulkInsert(raw, 'contacts', [...COLUMNS.contacts, ...owned]),
    leads: new BulkInsert(raw, 'leads', [...COLUMNS.leads, ...owned]),
    deals: new BulkInsert(raw, 'deals', [...COLUMNS.deals, ...owned]),
    comms: new BulkInsert(raw, 'communications', COLUMNS.communications),
    contactCompanies: new BulkInsert(raw, 'contact_companies', COLUMNS.contact_companies),
    dealContacts: new BulkInsert(raw, 'deal_contacts', COLUMNS.deal_contacts),
    docs: new BulkInsert(
      raw,
      'search_docs',
      raw.dialect === 'sqlite' ? ['rowid', ...COLUMNS.search_docs, 'owner'] : COLUMNS.search_docs,
    ),
  };
  const addDoc = (d: Out['doc']) => {
    const row = [d.entity, d.id, d.responsibleId, d.title, d.body];
    // SQLite keeps the owner as an indexed token too (see migration 0005 and search.repository.ts).
    return ins.docs.add(
      raw.dialect === 'sqlite' ? [ftsRowid(d.entity, d.id), ...row, `u${d.responsibleId}`] : row,
    );
  };
  const all = Object.values(ins);
  const batches = async (count: number, label: string, fn: (id: number) => Promise<void>) => {
    for (let start = 1; start <= count; start += COMMIT_EVERY) {
      await inTransaction(raw, async () => {
        for (let id = start; id < Math.min(count + 1, start + COMMIT_EVERY); id++) await fn(id);
        for (const b of all) await b.flush();
      });
    }
    log(`${label}: ${count} rows (${Math.round((Date.now() - t0) / 1000)} s)`);
  };
  const userOf = (rng: Rng) => rng.pick(ref.users);

  const companyTitles: string[] = [''];
  let rng = new Rng(1);
  await batches(size.companies, 'companies', async (id) => {
    const user = userOf(rng);
    const c = companyRow(rng, ref, id, user);
    companyTitles.push(c.title);
    await ins.companies.add([...c.row, ...stamps(rng, id, size.companies, user.id, now)]);
    for (const row of c.comms) await ins.comms.add(row);
    await addDoc(c.doc);
  });
  rng = new Rng(2);
  await batches(size.contacts, 'contacts', async (id) => {
    const user = userOf(rng);
    const c = contactRow(rng, ref, id, user);
    await ins.contacts.add([...c.row, ...stamps(rng, id, size.contacts, user.id, now)]);
    if (rng.chance(0.7)) await ins.contactCompanies.add([id, rng.int(1, size.companies), 0]);
    for (const row of c.comms) await ins.comms.add(row);
    await addDoc(c.doc);
  });
  rng = new Rng(3);
  await batches(size.leads, 'leads', async (id) => {
    const user = userOf(rng);
    const l = leadRow(rng, ref, id, user);
    await ins.leads.add([...l.row, ...stamps(rng, id, size.leads, user.id, now)]);
    for (const row of l.comms) await ins.comms.add(row);
    await addDoc(l.doc);
  });
  rng = new Rng(4);
  await batches(size.deals, 'deals', async (id) => {
    const user = userOf(rng);
    const companyId = rng.chance(0.8) ? rng.int(1, size.companies) : null;
    const stamp = stamps(rng, id, size.deals, user.id, now);
    const d = dealRow(
      rng,
      ref,
      id,
      user,
      companyId,
      companyId ? (companyTitles[companyId] ?? null) : null,
      stamp[4] as string,
    );
    await ins.deals.add([...d.row, ...stamp]);
    await ins.dealContacts.add([id, rng.int(1, size.contacts), 0]);
    await addDoc(d.doc);
  });
  await loadActivities(raw, size, log);

  for (const sql of indexes) await raw.exec(sql);
  log(`indexes rebuilt (${Math.round((Date.now() - t0) / 1000)} s)`);
  await setNextActivities(raw);
  log(`next activities set (${Math.round((Date.now() - t0) / 1000)} s)`);
  if (raw.dialect === 'sqlite') {
    await raw.exec(`insert into search_docs(search_docs) values ('optimize')`);
    await raw.exec('analyze');
  } else {
    for (const t of ['companies', 'contacts', 'leads', 'deals'])
      await raw.exec(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
    await raw.exec('vacuum analyze');
  }
  log(`analyzed (${Math.round((Date.now() - t0) / 1000)} s)`);
}

// Run directly (by bench/run.ts, in its own process): generate the dataset the arguments name.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseBenchArgs();
  const url = process.env.BENCH_PG_URL;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  ensureDataset(args, testConfig().DEFAULT_PHONE_REGION, url ? connectPg(url) : undefined).then(
    (d) =>
      log(`dataset ready: ${d.location}${d.generatedIn === null ? ' (cached)' : ` in ${d.generatedIn} s`}`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
