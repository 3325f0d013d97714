import path from 'node:path';
import { parseArgs } from 'node:util';

/** Command line of `npm run bench`: which engine, how big a dataset, how many samples. */
export interface BenchArgs {
  scale: number;
  db: 'sqlite' | 'postgres';
  iterations: number;
  creates: number;
  /** Rebuild the cached dataset even when one exists. */
  regenerate: boolean;
  /** Skip the raw SQL side, so the RSS is the app's alone. */
  apiOnly: boolean;
  /** Run only the scenarios whose name contains this text (case-insensitive); the full read is "read all". */
  only?: string;
}

export const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');
export const DATA_DIR = path.join(RESULTS_DIR, 'data');

export function parseBenchArgs(argv = process.argv.slice(2)): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      db: { type: 'string', default: 'sqlite' },
      iterations: { type: 'string', default: '300' },
      creates: { type: 'string', default: '10000' },
      regenerate: { type: 'boolean', default: false },
      'api-only': { type: 'boolean', default: false },
      only: { type: 'string' },
    },
    strict: true,
  });
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 10)) throw new Error('--scale must be a number in (0, 10]');
  if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  const iterations = Number(values.iterations);
  const creates = Number(values.creates);
  if (!(Number.isInteger(iterations) && iterations > 0))
    throw new Error('--iterations must be a positive integer');
  if (!(Number.isInteger(creates) && creates > 0)) throw new Error('--creates must be a positive integer');
  return {
    scale,
    db: values.db,
    iterations,
    creates,
    regenerate: values.regenerate,
    apiOnly: values['api-only'],
    ...(values.only ? { only: values.only.toLowerCase() } : {}),
  };
}

/** Dataset sizes for a scale; at 1: 1,000,000 deals, 300,000 contacts, 100,000 companies, 100,000 leads,
 * 2,000,000 activities. */
export function sizes(scale: number) {
  const n = (base: number) => Math.max(100, Math.round(base * scale));
  return {
    deals: n(1_000_000),
    contacts: n(300_000),
    companies: n(100_000),
    leads: n(100_000),
    activities: n(2_000_000),
    users: 20,
  };
}
export type Sizes = ReturnType<typeof sizes>;

/** A name part for files and databases: 0.1 → "0_1". */
export const scaleTag = (scale: number) => String(scale).replace('.', '_');
