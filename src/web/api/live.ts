import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Live updates: one EventSource on /api/v1/events per signed-in tab. Each change names what to refetch; the
 * matching cached queries are invalidated (the visible ones refetch through the API, which applies rights).
 * Bursts (a bulk action) are gathered into one refresh; while the user's own change is in flight the refresh
 * waits, so an optimistic move is not undone by a read racing it.
 */

interface LiveChange {
  kind: string;
  id: number;
  action: 'created' | 'updated' | 'deleted';
  record?: { entity: string; id: number };
}

const RECORD_KINDS = new Set(['lead', 'contact', 'company', 'deal', 'product']);
const IDLE_KINDS = new Set(['lead', 'deal']);
/** Screens built on activities, comments and notifications keep their queries under these keys. */
const PERSONAL_PREFIXES = ['activities', 'counters', 'notifications', 'timeline', 'calendar'];
const DEBOUNCE_MS = 150;
const REOPEN_MS = 10_000;

/** The cached queries a change makes stale. */
export function staleKeys(change: LiveChange): QueryKey[] {
  // ['records', entity] holds the entity's lists, kanban columns and totals, record pages, rows and history
  if (RECORD_KINDS.has(change.kind)) {
    const keys: QueryKey[] = [['records', change.kind], ['timeline']];
    // a lead or deal closed, reopened, moved or deleted changes the idle counts (badges, kanban columns)
    if (IDLE_KINDS.has(change.kind)) keys.push(['counters']);
    return keys;
  }
  // shared settings: reference lists and settings screens, and whatever shows their names and options
  if (change.kind === 'settings') return [['ref'], ['settings'], ['records']];
  return PERSONAL_PREFIXES.map((prefix) => [prefix]);
}

class Refresher {
  readonly #pending = new Map<string, QueryKey>();
  #everything = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly qc: QueryClient) {}

  add(keys: QueryKey[]): void {
    for (const key of keys) this.#pending.set(JSON.stringify(key), key);
    this.#schedule();
  }

  /** Events may have been missed (reconnected): refresh whatever is shown. */
  all(): void {
    this.#everything = true;
    this.#schedule();
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), DEBOUNCE_MS);
  }

  #flush(): void {
    if (this.qc.isMutating() > 0) {
      this.#schedule();
      return;
    }
    if (this.#everything) void this.qc.invalidateQueries();
    else for (const queryKey of this.#pending.values()) void this.qc.invalidateQueries({ queryKey });
    this.#everything = false;
    this.#pending.clear();
  }
}

function parse(data: string): LiveChange | null {
  try {
    const change = JSON.parse(data) as LiveChange;
    return typeof change.kind === 'string' ? change : null;
  } catch {
    return null;
  }
}

/** Mounted once in the app shell: keeps every screen in step with other users' changes. */
export function useLiveUpdates(): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const refresher = new Refresher(qc);
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let connectedBefore = false;
    const connect = () => {
      const es = new EventSource('/api/v1/events');
      source = es;
      es.addEventListener('open', () => {
        if (connectedBefore) refresher.all();
        connectedBefore = true;
      });
      es.addEventListener('change', (e) => {
        const change = parse((e as MessageEvent<string>).data);
        if (change) refresher.add(staleKeys(change));
      });
      es.addEventListener('resync', () => refresher.all());
      es.addEventListener('error', () => {
        // EventSource retries a dropped connection itself; a refused one (an error status) it gives up on
        if (es.readyState !== EventSource.CLOSED) return;
        es.close();
        reopen = setTimeout(connect, REOPEN_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(reopen);
      refresher.stop();
      source?.close();
    };
  }, [qc]);
}
