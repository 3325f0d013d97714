import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { createDb } from '../src/server/db/connection.js';
import { migrate } from '../src/server/db/migrate.js';
import { hashPassword } from '../src/server/modules/auth/password.js';
import { DATA_DIR, parseBenchArgs, RESULTS_DIR } from './args.js';
import { ensureDataset } from './generate.js';

/**
 * `npm run bench:ui -- [--scale 1]`: the web app on the benchmark dataset (SQLite), in Debian's headless
 * Chromium. Measures what a user feels: frame times while scrolling the deal list through the 1M deals
 * (server pages + virtualization), and while dragging a card on a board holding 500 loaded cards.
 * Needs the built web app (`npm run build`) and /usr/bin/chromium (or CHROMIUM_PATH).
 */
const args = parseBenchArgs();
const EMAIL = 'ui-bench@bench.local';
const PASSWORD = 'ui-bench-password';
const out = (s = '') => process.stdout.write(`${s}\n`);

interface Frames {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  longTasks: number;
  longestTask: number;
}

async function main() {
  if (!fs.existsSync(path.resolve('dist/web/index.html')))
    throw new Error('build the web app first: npm run build');
  const dataset = await ensureDataset({ ...args, db: 'sqlite' }, testConfig().DEFAULT_PHONE_REGION);
  const file = path.join(DATA_DIR, 'run-ui.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(dataset.location, file);
  const db = createDb({ dataDir: DATA_DIR, sqliteFile: path.basename(file) });
  await migrate(db);
  await db.kysely
    .updateTable('users')
    .set({ email: EMAIL, password_hash: await hashPassword(PASSWORD) })
    .where('is_admin', '=', 1)
    .where('id', '=', (eb) =>
      eb
        .selectFrom('users')
        .select((s) => s.fn.min('id').as('m'))
        .where('is_admin', '=', 1),
    )
    .execute();
  const app = await createApp({ db, config: testConfig() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: base });
    const login = await context.request.post('/api/v1/auth/login', {
      data: { email: EMAIL, password: PASSWORD },
    });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const page = await context.newPage();
    const lines = [
      `# Web app benchmark (${dataset.sizes.deals.toLocaleString('en')} deals, SQLite, headless Chromium 1440×900)`,
      '',
      '| scenario | frames | frame p50 ms | frame p95 ms | frame max ms | long tasks (> 50 ms) | longest task ms | notes |',
      '|---|---|---|---|---|---|---|---|',
    ];
    const row = (name: string, f: Frames, note: string) =>
      `| ${name} | ${f.frames} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.max.toFixed(1)} | ${f.longTasks} | ${f.longestTask.toFixed(0)} | ${note} |`;
    const list = await scrollList(page);
    lines.push(row('Deal list: wheel-scroll for 8 s', list.frames, list.note));
    const board = await dragOnBoard(page).catch(async (err) => {
      await page.screenshot({ path: path.join(RESULTS_DIR, 'ui-failure.png') });
      throw err;
    });
    lines.push(row('Deal kanban, 500 cards loaded: drag a card', board.frames, board.note));
    const report = lines.join('\n');
    out(report);
    fs.writeFileSync(path.join(RESULTS_DIR, 'latest-ui.md'), `${report}\n`);
  } finally {
    await browser?.close();
    await app.close();
    await db.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}

/** Starts recording animation frames and long tasks in the page. */
async function startFrames(page: Page) {
  // page code as text: it runs in the browser, where the DOM types this file is not compiled with live
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__long = [];
    window.__stop = false;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask' });
    const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
}

async function stopFrames(page: Page): Promise<Frames> {
  const { frames, long } = (await page.evaluate(
    '(() => { window.__stop = true; return { frames: window.__frames, long: window.__long }; })()',
  )) as { frames: number[]; long: number[] };
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: frames.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? 0,
    longTasks: long.length,
    longestTask: Math.max(0, ...long),
  };
}

async function scrollList(page: Page) {
  await page.goto('/deals');
  await page.getByTestId('list-row').first().waitFor();
  await page
    .getByTestId('list-row')
    .nth(1)
    .click({ position: { x: 18, y: 17 } }); // select a row
  await page.screenshot({ path: path.join(RESULTS_DIR, 'ui-list.png') });
  const scroller = page.locator('[role="table"]');
  const box = await scroller.boundingBox();
  if (!box) throw new Error('no list on the page');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const cdp = process.env.UI_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await startFrames(page);
  const until = Date.now() + 8000;
  while (Date.now() < until) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(16);
  }
  const frames = await stopFrames(page);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(process.env.UI_PROFILE as string, JSON.stringify(profile));
  }
  const rows = await scroller.getAttribute('aria-rowcount');
  const top = await scroller.evaluate((el) => el.scrollTop);
  return { frames, note: `${rows} rows loaded, scrolled ${Math.round(top / 34)} rows` };
}

async function dragOnBoard(page: Page) {
  let loaded = 0;
  page.on('response', async (res) => {
    if (!res.url().includes('/api/v1/deals?') || res.request().method() !== 'GET') return;
    try {
      const body = (await res.json()) as { items?: unknown[] };
      loaded += body.items?.length ?? 0;
    } catch {
      // a response the page navigated away from
    }
  });
  const started = Date.now();
  await page.goto('/deals/kanban');
  const board = page.getByTestId('kanban-board');
  await board
    .locator('[data-testid^="kanban-card-"]:not([data-testid="kanban-card-title"])')
    .first()
    .waitFor();
  const firstPaint = Date.now() - started;
  // the columns themselves (kanban-column-<stage id>), not their count and idle badges
  const columns = board.locator(
    '[data-testid^="kanban-column-"]:not([data-testid="kanban-column-count"]):not([data-testid="kanban-column-idle"])',
  );
  const count = await columns.count();
  // scroll every column to its end until 500 cards are loaded in all
  for (let round = 0; loaded < 500 && round < 40; round++) {
    for (let i = 0; i < count; i++) {
      await columns
        .nth(i)
        .locator('div[class*="body"]')
        .first()
        .evaluate((el) => el.scrollBy(0, el.scrollHeight));
    }
    await page.waitForTimeout(300);
  }
  const cards = board.locator('[data-testid^="kanban-card-"]:not([data-testid="kanban-card-title"])');
  const card = cards.first();
  const from = await card.boundingBox();
  const target = await columns.nth(1).boundingBox();
  if (!from || !target) throw new Error('no card or column to drag to');
  await startFrames(page);
  await page.mouse.move(from.x + from.width / 2, from.y + 10);
  await page.mouse.down();
  for (let s = 1; s <= 40; s++) {
    await page.mouse.move(
      from.x + from.width / 2 + ((target.x + target.width / 2 - from.x - from.width / 2) * s) / 40,
      from.y + 10 + ((target.y + 60 - from.y - 10) * s) / 40,
    );
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(500);
  const frames = await stopFrames(page);
  return { frames, note: `${loaded} cards loaded in ${count} columns; first cards in ${firstPaint} ms` };
}

await main();
