/** A Server-Sent Events client over real HTTP (fetch), for tests and the benchmark. */

export interface SseEvent {
  event: string;
  data: string;
}

type Waiter = { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void };

export class SseClient {
  /** Every event received, in order (comments and retry lines are not events). */
  readonly events: SseEvent[] = [];
  #waiters: Waiter[] = [];
  #ended = false;
  #endWaiters: (() => void)[] = [];

  private constructor(
    private readonly abort: AbortController,
    readonly status: number,
    readonly contentType: string | null,
  ) {}

  /** Opens the stream; resolves once the response headers arrived (the server has registered it). */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: abort.signal,
    });
    const client = new SseClient(abort, res.status, res.headers.get('content-type'));
    if (res.body) void client.#read(res.body);
    else client.#end();
    return client;
  }

  get ended(): boolean {
    return this.#ended;
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          this.#block(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close(), or the connection failed: either way the stream has ended
    }
    this.#end();
  }

  #block(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (!data.length) return;
    const e = { event, data: data.join('\n') };
    this.events.push(e);
    const waiter = this.#waiters.find((w) => w.match(e));
    if (waiter) {
      this.#waiters = this.#waiters.filter((w) => w !== waiter);
      waiter.resolve(e);
    }
  }

  #end(): void {
    this.#ended = true;
    for (const run of this.#endWaiters) run();
    this.#endWaiters = [];
  }

  /** The first event (already received or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(match: (e: SseEvent) => boolean, timeoutMs = 5000, from = 0): Promise<SseEvent> {
    const seen = this.events.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(
          new Error(`no matching event within ${timeoutMs} ms; received ${JSON.stringify(this.events)}`),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** Resolves when the server ends the stream; rejects after `timeoutMs`. */
  waitForEnd(timeoutMs = 5000): Promise<void> {
    if (this.#ended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the stream did not end')), timeoutMs);
      this.#endWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    this.abort.abort();
  }
}

/** Parsed `change` events' bodies. */
export interface ChangeBody {
  kind: string;
  id: number;
  action: string;
  record?: { entity: string; id: number };
}

export const changeOf = (e: SseEvent): ChangeBody | null =>
  e.event === 'change' ? (JSON.parse(e.data) as ChangeBody) : null;

/** Matches the change event of one record. */
export const isChange =
  (kind: string, id: number, action?: string) =>
  (e: SseEvent): boolean => {
    const c = changeOf(e);
    return c !== null && c.kind === kind && c.id === id && (action === undefined || c.action === action);
  };
