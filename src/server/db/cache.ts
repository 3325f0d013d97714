import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
} from 'kysely';

/**
 * A small read-through cache for data that nearly every request needs and that rarely changes (custom
 * field definitions, the company structure). Entries live `ttlMs` at most, so a change made by another
 * server process is seen within that time; a change made here drops the entries at once.
 */
export class QueryCache implements CacheView {
  readonly #entries = new Map<string, { expires: number; value: Promise<unknown> }>();
  /** Counts invalidations: a value loaded before one may be stale. */
  #invalidations = 0;

  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.peek<T>(key);
    if (hit) return hit;
    const value = load();
    this.#keep(key, ttlMs, value);
    return value;
  }

  /** Drops every entry whose key starts with `prefix`. */
  invalidate(prefix: string): void {
    this.#invalidations += 1;
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  /** The cached value, if any and fresh. */
  peek<T>(key: string): Promise<T> | undefined {
    const hit = this.#entries.get(key);
    return hit && hit.expires > Date.now() ? (hit.value as Promise<T>) : undefined;
  }

  /** The view a transaction's handle has; `committed` is the transaction's after-commit list. */
  forTransaction(committed: (() => void)[]): CacheView {
    return {
      get: <T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> => {
        const hit = this.peek<T>(key);
        if (hit) return hit;
        // A transaction reads its own uncommitted writes, and those of the transactions that share its
        // commit (group-commit.ts); any of them may yet be rolled back. So what it loads is kept for
        // others only once it has committed, and only if nothing was invalidated since the load.
        const since = this.#invalidations;
        const value = load();
        committed.push(() => {
          if (this.#invalidations === since && !this.peek(key)) this.#keep(key, ttlMs, value);
        });
        return value;
      },
      invalidate: (prefix) => this.invalidate(prefix),
      forTransaction: (list) => this.forTransaction(list),
    };
  }

  #keep(key: string, ttlMs: number, value: Promise<unknown>): void {
    this.#entries.set(key, { expires: Date.now() + ttlMs, value });
    value.catch(() => this.#entries.delete(key));
  }
}

/** What a Db handle offers of the cache: the whole of it, or a transaction's view (see forTransaction). */
export interface CacheView {
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  invalidate(prefix: string): void;
  forTransaction(committed: (() => void)[]): CacheView;
}

export const CACHE_TTL_MS = 2000;

/** Which cache entries a write to a table makes stale. */
const STALE_AFTER_WRITE: Record<string, string[]> = {
  users: ['org', 'actor:'],
  roles: ['actor:'],
  departments: ['org'],
  sessions: ['session:'],
  api_tokens: ['token:'],
  custom_fields: ['custom-fields:'],
  pipelines: ['ref'],
  stages: ['ref'],
  lead_statuses: ['ref'],
  currencies: ['ref'],
  sources: ['ref'],
};

/** Whether writing to the table drops cache entries (so it must go through Kysely and its plugin). */
export const dropsCacheEntries = (table: string): boolean => table in STALE_AFTER_WRITE;

function writtenTable(node: RootOperationNode): string | undefined {
  const table =
    node.kind === 'InsertQueryNode'
      ? node.into
      : node.kind === 'UpdateQueryNode'
        ? node.table
        : node.kind === 'DeleteQueryNode'
          ? node.from.froms[0]
          : undefined;
  return table && TableNode.is(table) ? table.table.identifier.name : undefined;
}

/**
 * Drops cached entries whenever the database handle writes to a table they were read from, whatever
 * code path made the write — so no service has to remember to invalidate.
 */
export class CacheInvalidationPlugin implements KyselyPlugin {
  readonly #pending = new WeakMap<object, string[]>();
  constructor(private readonly cache: QueryCache) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(args.node);
    const prefixes = table ? STALE_AFTER_WRITE[table] : undefined;
    if (prefixes) {
      for (const p of prefixes) this.cache.invalidate(p);
      this.#pending.set(args.queryId, prefixes);
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const prefixes = this.#pending.get(args.queryId);
    if (prefixes) for (const p of prefixes) this.cache.invalidate(p);
    return args.result;
  }
}
