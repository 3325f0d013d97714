import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/server/db/connection.js';
import type { Sizes } from './args.js';
import type { Raw } from './raw.js';

/** What every scenario needs: the in-process app, the raw handle on the same database, who calls. */
export interface BenchEnv {
  app: FastifyInstance;
  db: Db;
  raw: Raw;
  phoneRegion: string;
  admin: { id: number; token: string };
  /** A sales manager whose role reads the department's records and writes only their own. */
  manager: { id: number; token: string };
  /** Everyone in the manager's department: the rights filter of their lists. */
  team: number[];
  processStages: number[];
  sizes: Sizes;
  scale: number;
  iterations: number;
  creates: number;
}

/** One request through the real HTTP stack (auth hook, validation, service, presenter, serializer). */
export async function call(
  env: BenchEnv,
  token: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: Record<string, unknown>,
): Promise<string> {
  const res = await env.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(body ? { payload: body } : {}),
  });
  if (res.statusCode >= 300)
    throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res.body;
}

export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
export const pick = <T>(items: T[], i: number): T => items[i % items.length] as T;
export const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
/** Lets the event loop turn, as a real server does between requests on socket I/O. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
