/** Timing, percentiles and the results table. */
export interface Scenario {
  name: string;
  /** Who calls the API: the department-scoped sales manager or the administrator. */
  as: 'manager' | 'admin';
  iterations: number;
  api(i: number): Promise<void>;
  raw(i: number): Promise<void>;
  target?: { p95Ms?: number; ratio?: number; perSecond?: number };
  /** Writes: all API calls back to back, then all raw ones (a sustained rate, not interleaved). */
  sequential?: boolean;
  /**
   * Writes under load: this many API calls in flight at once (the rate is calls over wall time); the raw
   * side makes the same number of writes per transaction through `rawGroup`.
   */
  concurrency?: number;
  rawGroup?(from: number, count: number): Promise<void>;
  /** Releases what the scenario opened (connections, streams), once it is measured. */
  finish?: () => Promise<void>;
}

export interface Stats {
  p50: number;
  p95: number;
  perSecond: number;
}

export interface Result {
  scenario: Scenario;
  api: Stats;
  raw: Stats;
}

const WARMUP = 30;

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

function stats(times: number[], wallMs?: number): Stats {
  const total = (wallMs ?? times.reduce((a, b) => a + b, 0)) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), perSecond: times.length / total };
}

/** `n` calls, `c` in flight at once; each call's latency and the wall time of the whole run. */
async function concurrently(fn: (i: number) => Promise<void>, n: number, c: number) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
        // as a real server would between requests from one client (see timed)
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }),
  );
  return { times, wall: performance.now() - started };
}

/** The raw side of a concurrent scenario: `c` writes a transaction, each waiting for its group's commit. */
async function grouped(fn: (from: number, count: number) => Promise<void>, n: number, c: number) {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i += c) {
    const count = Math.min(c, n - i);
    const t = performance.now();
    await fn(i, count);
    const elapsed = performance.now() - t;
    for (let k = 0; k < count; k++) times.push(elapsed);
  }
  return { times, wall: performance.now() - started };
}

/**
 * Times one call, then lets the event loop turn (untimed). better-sqlite3 answers synchronously, so an
 * `await` loop over app.inject() never leaves the microtask queue; the setImmediate callbacks of each
 * injected request (stream clean-up) would pile up and keep every response body alive. A real server
 * turns the loop between requests on socket I/O.
 */
async function timed(fn: (i: number) => Promise<void>, i: number): Promise<number> {
  const t = process.hrtime.bigint();
  await fn(i);
  const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
  await new Promise<void>((resolve) => setImmediate(resolve));
  return elapsed;
}

/**
 * Reads: API and raw calls alternate (API first on even iterations, raw first on odd ones), so neither side
 * always finds the pages the other just read in the cache, and both see the same garbage-collector weather.
 */
export async function measure(s: Scenario): Promise<Result> {
  try {
    return await measureCalls(s);
  } finally {
    await s.finish?.();
  }
}

async function measureCalls(s: Scenario): Promise<Result> {
  const n = s.iterations;
  for (let i = 0; i < Math.min(WARMUP, n); i++) {
    await timed(s.api, n + i);
    await timed(s.raw, n + i);
  }
  const api: number[] = [];
  const raw: number[] = [];
  if (s.concurrency && s.rawGroup) {
    const a = await concurrently(s.api, n, s.concurrency);
    const r = await grouped(s.rawGroup, n, s.concurrency);
    return { scenario: s, api: stats(a.times, a.wall), raw: stats(r.times, r.wall) };
  }
  if (s.sequential) {
    for (let i = 0; i < n; i++) api.push(await timed(s.api, i));
    for (let i = 0; i < n; i++) raw.push(await timed(s.raw, i));
    return { scenario: s, api: stats(api), raw: stats(raw) };
  }
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      api.push(await timed(s.api, i));
      raw.push(await timed(s.raw, i));
    } else {
      raw.push(await timed(s.raw, i));
      api.push(await timed(s.api, i));
    }
  }
  return { scenario: s, api: stats(api), raw: stats(raw) };
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : '—');
const rate = (v: number) => `${Math.round(v).toLocaleString('en-US')}/s`;

function verdict(r: Result, apiOnly: boolean): [string, string] {
  const t = r.scenario.target;
  if (!t) return ['—', ''];
  const parts: string[] = [];
  let ok = true;
  if (t.p95Ms !== undefined) {
    parts.push(`p95 ≤ ${t.p95Ms} ms`);
    ok &&= r.api.p95 <= t.p95Ms;
  }
  if (t.ratio !== undefined && !apiOnly) {
    parts.push(`≤ ${t.ratio}x raw`);
    ok &&= r.api.p95 / r.raw.p95 <= t.ratio;
  }
  if (t.perSecond !== undefined) {
    parts.push(`≥ ${rate(t.perSecond)}`);
    ok &&= r.api.perSecond >= t.perSecond;
  }
  return [parts.join(', '), ok ? 'met' : '**missed**'];
}

export function table(results: Result[], apiOnly = false): string {
  const lines = [
    '| Scenario | As | API p50 ms | API p95 ms | Raw p50 ms | Raw p95 ms | Ratio p50 | Ratio p95 | API rate | Raw rate | Target | Result |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of results) {
    const [target, result] = verdict(r, apiOnly);
    const rawMs = (v: number) => (apiOnly ? '—' : ms(v));
    const times = (a: number, b: number) => (apiOnly ? '—' : ratio(a, b));
    const name = r.scenario.name;
    lines.push(
      `| ${name} | ${r.scenario.as} | ${ms(r.api.p50)} | ${ms(r.api.p95)} | ${rawMs(r.raw.p50)} | ${rawMs(r.raw.p95)} | ` +
        `${times(r.api.p50, r.raw.p50)} | ${times(r.api.p95, r.raw.p95)} | ${rate(r.api.perSecond)} | ` +
        `${apiOnly ? '—' : rate(r.raw.perSecond)} | ${target} | ${result} |`,
    );
  }
  return lines.join('\n');
}
