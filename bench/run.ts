import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { createDb, type Db } from '../src/server/db/connection.js';
import { migrate } from '../src/server/db/migrate.js';
import { createApiToken } from '../src/server/modules/api-tokens/api-token.service.js';
import { DATA_DIR, parseBenchArgs, RESULTS_DIR } from './args.js';
import type { BenchEnv } from './env.js';
import { floorTable, measureFloors } from './floor.js';
import { datasetExists, ensureDataset } from './generate.js';
import { liveScenarios } from './live.js';
import { measure, type Result, table } from './measure.js';
import { startPg } from './pg-server.js';
import { openSqlite, pgRaw, type Raw, sqliteRaw } from './raw.js';
import { activityScenarios } from './scenarios-activities.js';
import { bitrix24FullRead, bitrix24Scenarios } from './scenarios-bitrix24.js';
import { readScenarios } from './scenarios-read.js';
import { writeScenarios } from './scenarios-write.js';
import { BENCH_DEPARTMENTS } from './schema-setup.js';

/**
 * `npm run bench -- [--scale 0.1] [--db sqlite|postgres] [--iterations 300] [--creates 10000] [--regenerate]
 *   [--api-only] [--only <part of a scenario name>]`
 * Measures the real HTTP app in-process (app.inject, Bearer token) beside raw SQL on the same database,
 * prints a markdown table and writes it to bench/results/latest-<db>.md.
 */
const args = parseBenchArgs();
// The Bitrix24 request limit is off: the benchmark measures the API, not the limiter.
const config = testConfig({ LOG_LEVEL: 'silent', BITRIX24_RATE_PER_SECOND: 0 });
const region = config.DEFAULT_PHONE_REGION;
const out = (line = '') => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
// a full collection between scenarios, so the heap figures below are live memory, not garbage not yet collected
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function main() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  out(`Sevan benchmark: ${args.db}, scale ${args.scale}`);
  const pg = args.db === 'postgres' ? await startPg() : undefined;
  try {
    const started = Date.now();
    if (args.regenerate || !(await datasetExists(args, pg))) {
      // a separate process, so the generator's memory does not count towards the server's RSS below
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'generate.ts'), ...process.argv.slice(2)],
        { stdio: 'inherit', env: { ...process.env, BENCH_PG_URL: pg?.adminUrl ?? '' } },
      );
      if (child.status !== 0) throw new Error('dataset generation failed');
    }
    const generatedIn = Math.round((Date.now() - started) / 1000);
    const dataset = await ensureDataset({ ...args, regenerate: false }, region, pg);
    const { db, raw, location, cleanup } = await workingCopy(dataset.location, pg);
    await migrate(db); // migrations added after the dataset was cached
    const app = await createApp({ db, config });
    await app.ready();
    const startRss = process.memoryUsage().rss / 2 ** 20;
    const loadBefore = os.loadavg()[0] ?? 0;
    const env = await benchEnv(db, raw);
    Object.assign(env, { app, sizes: dataset.sizes });
    const results: Result[] = [];
    let liveHeap = 0;
    const bitrix24 = await bitrix24Scenarios(env);
    const selected = (name: string) => !args.only || name.toLowerCase().includes(args.only);
    const writes = await writeScenarios(env);
    const scenarios = [
      ...(await readScenarios(env)),
      ...bitrix24.scenarios,
      ...activityScenarios(env),
      ...writes.scenarios,
      ...liveScenarios(env),
    ].filter((s) => selected(s.name));
    for (const scenario of scenarios) {
      const s = args.apiOnly ? { ...scenario, raw: async () => {}, rawGroup: async () => {} } : scenario;
      results.push(await measure(s));
      const before = process.memoryUsage();
      gc();
      const m = process.memoryUsage();
      liveHeap = Math.max(liveHeap, m.heapUsed / 2 ** 20);
      out(
        `  … ${s.name} (rss ${mb(before.rss)} MB; heap ${mb(before.heapUsed)} MB, ${mb(m.heapUsed)} MB live)`,
      );
    }
    const rss = process.memoryUsage().rss / 2 ** 20;
    const peak = process.resourceUsage().maxRSS / 1024;
    let fullRead = '';
    if (selected('read all')) {
      out('  … reading every deal through the Bitrix24-compatible API, the native API and raw SQL');
      fullRead = await bitrix24FullRead(env, bitrix24.hooks);
    }
    let floors = '';
    if (selected('floor')) {
      out('  … the same work behind a bare route (the floor of this machine)');
      floors = floorTable(await measureFloors(env, writes.kit));
    }
    await app.close();
    await raw.close();
    await db.close();
    await cleanup();
    const memory = {
      start: startRss,
      rss,
      peak,
      liveHeap,
      load: [loadBefore, os.loadavg()[0] ?? 0] as const,
    };
    const report = [render(results, dataset.sizes, memory, generatedIn, location), fullRead, floors]
      .filter(Boolean)
      .join('\n\n');
    out();
    out(report);
    // a partial run (--only) prints its figures but leaves the last full report in place
    if (!args.only) fs.writeFileSync(path.join(RESULTS_DIR, `latest-${args.db}.md`), `${report}\n`);
  } finally {
    await pg?.stop();
  }
}

/** A fresh copy of the cached dataset for each run, so creates and updates never drift the next run. */
async function workingCopy(location: string, pg: Awaited<ReturnType<typeof startPg>> | undefined) {
  if (pg) {
    await pg.query('drop database if exists bench_run with (force)');
    await pg.query(`create database bench_run template ${location} strategy file_copy`);
    const url = pg.urlOf('bench_run');
    const db = createDb({ databaseUrl: url, dataDir: '' });
    const raw: Raw = await pgRaw(url);
    return {
      db,
      raw,
      location: `${location} (copied to bench_run)`,
      cleanup: () => pg.query('drop database bench_run').then(() => {}),
    };
  }
  const file = path.join(DATA_DIR, 'run-sqlite.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(location, file);
  // the app gets the real connection (createDb); raw SQL its own, opened with the same pragmas
  const db = createDb({ dataDir: DATA_DIR, sqliteFile: path.basename(file) });
  const sqlite = openSqlite(file);
  if (args.apiOnly) sqlite.pragma('cache_size = -2000'); // only the set-up queries use it then
  const cleanup = async () => {
    sqlite.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  };
  return { db, raw: sqliteRaw(sqlite), location: path.relative(process.cwd(), location), cleanup };
}

async function benchEnv(db: Db, raw: Raw): Promise<BenchEnv> {
  const k = db.kysely;
  const admin = await k.selectFrom('users').select('id').where('is_admin', '=', 1).executeTakeFirstOrThrow();
  const dept = await k
    .selectFrom('departments')
    .select('id')
    .where('name', '=', BENCH_DEPARTMENTS[0]?.[0] ?? '')
    .executeTakeFirstOrThrow();
  const team = await k
    .selectFrom('users')
    .select(['id', 'role_id'])
    .where('department_id', '=', dept.id)
    .orderBy('id')
    .execute();
  const role = await k
    .selectFrom('roles')
    .select('id')
    .where('code', '=', 'sales_manager')
    .executeTakeFirstOrThrow();
  const manager = team.find((u) => u.role_id === role.id);
  if (!manager) throw new Error('no sales manager in the benchmark department');
  const pipeline = await k
    .selectFrom('pipelines')
    .select('id')
    .where('is_default', '=', 1)
    .executeTakeFirstOrThrow();
  const stages = await k
    .selectFrom('stages')
    .select('id')
    .where('pipeline_id', '=', pipeline.id)
    .where('semantics', '=', 'process')
    .orderBy('sort')
    .execute();
  return {
    db,
    raw,
    phoneRegion: region,
    admin: { id: admin.id, token: (await createApiToken(db, admin.id, 'bench')).token },
    manager: { id: manager.id, token: (await createApiToken(db, manager.id, 'bench')).token },
    team: team.map((u) => u.id),
    processStages: stages.map((s) => s.id),
    scale: args.scale,
    iterations: args.iterations,
    creates: args.creates,
  } as BenchEnv;
}

/** Which code was measured: the commit, and whether src/ had uncommitted changes. */
function revision(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- src', { encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {
    return 'unknown revision';
  }
}

interface Memory {
  start: number;
  liveHeap: number;
  rss: number;
  peak: number;
  load: readonly [number, number];
}

function render(
  results: Result[],
  sizes: BenchEnv['sizes'],
  m: Memory,
  generatedIn: number,
  location: string,
) {
  const n = (v: number) => v.toLocaleString('en-US');
  return [
    `## Sevan benchmark: ${args.db}, scale ${args.scale}`,
    '',
    `${new Date().toISOString().slice(0, 16)}Z · ${revision()} · Node ${process.version} · ${os.cpus().length} CPU · ` +
      `${n(sizes.deals)} deals, ${n(sizes.contacts)} contacts, ${n(sizes.companies)} companies, ${n(sizes.leads)} leads, ` +
      `${sizes.users} users · dataset ${location}${generatedIn > 5 ? ` (prepared in ${generatedIn} s)` : ''} · ` +
      `${args.iterations} iterations per read scenario after 30 warm-up calls (API and raw alternating), ` +
      `writes back to back · load average ${m.load[0].toFixed(1)} → ${m.load[1].toFixed(1)} (other work on the machine shows in the p95s)`,
    '',
    table(results, args.apiOnly),
    '',
    `Process RSS: ${m.start.toFixed(0)} MB with the app started, ${m.rss.toFixed(0)} MB after the run, peak ` +
      `${m.peak.toFixed(0)} MB (target ≤ 300 MB: ${m.peak <= 300 ? 'met' : '**missed**'}). ` +
      (args.apiOnly
        ? 'API only (--api-only): no raw-SQL page cache in the process'
        : `It includes the benchmark's own raw-SQL connection${args.db === 'sqlite' ? ' (SQLite page cache up to 32 MB)' : ''}`) +
      '; the V8 heap holds at most ' +
      `${m.liveHeap.toFixed(0)} MB of live data after a full collection, the rest is garbage not yet collected.`,
  ].join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
