import type { Db } from '../db/connection.js';
import { mayReceive, presentChange } from './audience.js';
import { LIVE_RESYNC, type LiveChange, onChange } from './changes.js';
import type { LogError } from './listener.js';

/** One open live stream of a signed-in user. */
export interface Subscriber {
  userId: number;
  send(event: string, data: unknown): void;
  close(): void;
}

/**
 * The streams open in this process and the one listener that feeds them. Changes are delivered in the order
 * they arrive; each is checked once per user however many tabs they have open.
 */
export class LiveHub {
  readonly #subscribers = new Set<Subscriber>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly logError: LogError,
  ) {}

  /** Starts listening to the changes reaching this process; returns the function that stops it. */
  start(): () => void {
    const stopChanges = onChange(this.db, (change) => this.#enqueue(change));
    const resync = () => {
      for (const s of this.#subscribers) s.send('resync', {});
    };
    this.db.live.on(LIVE_RESYNC, resync);
    return () => {
      stopChanges();
      this.db.live.off(LIVE_RESYNC, resync);
    };
  }

  /** Adds a stream; returns the function that removes it. */
  add(subscriber: Subscriber): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  /** Ends every stream (shutdown): clients reconnect to another process or once this one is back. */
  closeAll(): void {
    for (const s of [...this.#subscribers]) s.close();
    this.#subscribers.clear();
  }

  #enqueue(change: LiveChange): void {
    if (!this.#subscribers.size) return;
    this.#queue = this.#queue
      .then(() => this.#deliver(change))
      .catch((err: unknown) => this.logError('live: a change could not be delivered', err));
  }

  async #deliver(change: LiveChange): Promise<void> {
    const byUser = new Map<number, Subscriber[]>();
    for (const s of this.#subscribers) {
      const list = byUser.get(s.userId);
      if (list) list.push(s);
      else byUser.set(s.userId, [s]);
    }
    const body = presentChange(change);
    await Promise.all(
      [...byUser].map(async ([userId, streams]) => {
        if (!(await mayReceive(this.db, userId, change))) return;
        for (const s of streams) s.send('change', body);
      }),
    );
  }
}
