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
export class QueryCache {
  readonly #entries = new Map<string, { expires: number; value: Promise<unknown> }>();

  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    const value = load();
    this.#entries.set(key, { expires: now + ttlMs, value });
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  /** Drops every entry whose key starts with `prefix`. */
  invalidate(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }
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
