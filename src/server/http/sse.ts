import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply } from 'fastify';

/** A Server-Sent Events response the route writes to for as long as the client stays. */
export interface SseStream {
  send(event: string, data: unknown): void;
  /** A comment line: keeps proxies and the connection from timing out, ignored by clients. */
  comment(text: string): void;
  close(): void;
  readonly closed: boolean;
  /** Runs once when the stream ends, whether the client left, the server ended it or shut down. */
  onClose(run: () => void): void;
}

/** A client that reads slower than events come is dropped: it reconnects and refreshes instead. */
const MAX_BUFFERED_BYTES = 1 << 20;

/**
 * Takes the response over from Fastify (hijack) and starts an event stream on it. Headers already set on the
 * reply (security headers) are kept. `retryMs` tells EventSource how soon to reconnect after a drop.
 */
export function openSse(reply: FastifyReply, retryMs: number): SseStream {
  reply.hijack();
  const res = reply.raw;
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders()))
    if (value !== undefined) headers[name] = value;
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.socket?.setNoDelay(true);
  const closers: (() => void)[] = [];
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    for (const run of closers) run();
  };
  res.on('close', finish);

  const write = (chunk: string) => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) stream.close();
  };
  const stream: SseStream = {
    send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    comment: (text) => write(`: ${text.replaceAll('\n', ' ')}\n\n`),
    close: () => {
      if (closed) return;
      res.end();
      finish();
    },
    get closed() {
      return closed;
    },
    onClose: (run) => {
      if (closed) run();
      else closers.push(run);
    },
  };
  write(`retry: ${retryMs}\n: connected\n\n`);
  return stream;
}
