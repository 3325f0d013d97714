import http from 'node:http';
import https from 'node:https';
import { type AllowList, assertLiteralAllowed, guardedLookup } from '../modules/webhooks-out/ssrf-guard.js';

/**
 * One POST to a handler, through the SSRF guard (literal addresses checked before, names at connection
 * time), with a total time limit, without following redirects and without connection reuse. Reads at
 * most a little of the answer, for the delivery log.
 */

export const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 2048;

export interface PostResult {
  status: number;
  /** The start of the answer's body (for the log of a failure). */
  body: string;
}

export interface PostOptions {
  allow: AllowList;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function postOnce(
  target: string,
  body: string,
  headers: Record<string, string>,
  opts: PostOptions,
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const url = new URL(target);
    try {
      assertLiteralAllowed(url, opts.allow);
    } catch (err) {
      reject(err);
      return;
    }
    const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(opts.allow),
      headers: {
        ...headers,
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Sevan-Webhooks/1',
      },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const finish = (run: () => void) => {
      clearTimeout(timer);
      run();
    };
    req.on('error', (err) => finish(() => reject(err)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish(() => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          res.destroy();
        });
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk.subarray(0, MAX_ANSWER_BYTES - size));
        size += chunk.length;
        if (size >= MAX_ANSWER_BYTES) done();
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(body);
  });
}
