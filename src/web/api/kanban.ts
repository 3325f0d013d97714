import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { formatMoney, parseMoney } from '../../shared/money';
import { get, patch, post, qs } from './client';
import { type CrmRecord, ENTITY_PATH, type Page } from './types';

/**
 * Kanban data: per-column card lists (the normal list API, one infinite query per column), the board's
 * per-column totals (GET /<entity>/board) and the optimistic move. Keys sit under ['records', entity],
 * so any record change elsewhere refreshes the board too.
 */
export type BoardEntity = 'deal' | 'lead';
/** Which records a board shows: the deal pipeline (leads have none) and the quick search text. */
export interface BoardScope {
  pipelineId: number | null;
  q: string;
}
export interface MoneySum {
  currency: string;
  amount: string;
}
export interface ColumnTotals {
  count: number;
  sums: MoneySum[];
}
export type BoardTotals = Record<number, ColumnTotals>;
type ColumnData = InfiniteData<Page<CrmRecord>, string | null>;

/** The field a column groups by. */
export const GROUP_FIELD: Record<BoardEntity, 'stageId' | 'statusId'> = { deal: 'stageId', lead: 'statusId' };
const CARD_FIELDS: Record<BoardEntity, string> = {
  deal: 'title,amount,currency,companyId,responsibleId,stageId,pipelineId,nextActivityAt',
  lead: 'title,amount,currency,name,lastName,companyTitle,responsibleId,statusId,statusSemantics,nextActivityAt',
};
const PAGE_SIZE = 50;

export const kanbanKeys = {
  totals: (entity: BoardEntity, scope: BoardScope) => ['records', entity, 'kanban', 'totals', scope] as const,
  columns: (entity: BoardEntity) => ['records', entity, 'kanban', 'column'] as const,
  column: (entity: BoardEntity, scope: BoardScope, columnId: number) =>
    ['records', entity, 'kanban', 'column', scope, columnId] as const,
};

const base = (entity: BoardEntity) => `/api/v1/${ENTITY_PATH[entity]}`;
const titleFilter = (q: string) => (q ? { title: { contains: q } } : {});

export function columnFilter(entity: BoardEntity, scope: BoardScope, columnId: number) {
  return {
    ...(entity === 'deal' && scope.pipelineId !== null ? { pipelineId: scope.pipelineId } : {}),
    [GROUP_FIELD[entity]]: columnId,
    ...titleFilter(scope.q),
  };
}

/** Cards of one column, newest first, a page at a time. */
export function useColumnCards(entity: BoardEntity, scope: BoardScope, columnId: number) {
  return useInfiniteQuery({
    queryKey: kanbanKeys.column(entity, scope, columnId),
    queryFn: ({ pageParam }) =>
      get<Page<CrmRecord>>(
        `${base(entity)}${qs({
          filter: JSON.stringify(columnFilter(entity, scope, columnId)),
          sort: '-id',
          limit: PAGE_SIZE,
          fields: CARD_FIELDS[entity],
          total: false,
          cursor: pageParam ?? undefined,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

interface TotalsAnswer {
  stages?: ({ stageId: number } & ColumnTotals)[];
  statuses?: ({ statusId: number } & ColumnTotals)[];
}

/** Count and sum per currency of every column, over the records the user may read. */
export function useBoardTotals(entity: BoardEntity, scope: BoardScope, enabled = true) {
  return useQuery({
    queryKey: kanbanKeys.totals(entity, scope),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<BoardTotals> => {
      const filter = scope.q ? JSON.stringify(titleFilter(scope.q)) : undefined;
      const pipelineId = entity === 'deal' ? scope.pipelineId : null;
      const res = await get<TotalsAnswer>(`${base(entity)}/board${qs({ pipelineId, filter })}`);
      const out: BoardTotals = {};
      for (const s of res.stages ?? []) out[s.stageId] = { count: s.count, sums: s.sums };
      for (const s of res.statuses ?? []) out[s.statusId] = { count: s.count, sums: s.sums };
      return out;
    },
  });
}

/** Company titles for the ids on a column's cards; reuses titles already fetched for other columns. */
export function useCompanyTitles(ids: number[]) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['records', 'company', 'titles', ids] as const,
    enabled: ids.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    initialData: () => {
      const known = new Map<number, string>();
      for (const [, data] of qc.getQueriesData<Record<number, string>>({
        queryKey: ['records', 'company', 'titles'],
      }))
        for (const [id, title] of Object.entries(data ?? {})) known.set(Number(id), title);
      if (!ids.every((id) => known.has(id))) return undefined;
      return Object.fromEntries(ids.map((id) => [id, known.get(id) as string]));
    },
    queryFn: async () => {
      const page = await get<Page<CrmRecord>>(
        `/api/v1/companies${qs({
          filter: JSON.stringify({ id: { in: ids } }),
          fields: 'title',
          limit: 500,
          total: false,
        })}`,
      );
      const out: Record<number, string> = {};
      for (const c of page.items) out[c.id] = String(c.title ?? '');
      return out;
    },
  });
}

/** Adds (sign 1) or removes (sign -1) a card's count and amount in one column's totals. */
function shiftTotals(totals: BoardTotals, columnId: number, card: CrmRecord, sign: 1 | -1): BoardTotals {
  const cur = totals[columnId] ?? { count: 0, sums: [] };
  const currency = String(card.currency ?? '');
  const delta = (parseMoney(String(card.amount ?? '0')) ?? 0n) * BigInt(sign);
  const sums = cur.sums.some((s) => s.currency === currency)
    ? cur.sums.map((s) =>
        s.currency === currency ? { currency, amount: formatMoney((parseMoney(s.amount) ?? 0n) + delta) } : s,
      )
    : [...cur.sums, { currency, amount: formatMoney(delta) }];
  return { ...totals, [columnId]: { count: Math.max(0, cur.count + sign), sums } };
}

const withoutCard = (data: ColumnData, id: number): ColumnData => ({
  ...data,
  pages: data.pages.map((p) => ({ ...p, items: p.items.filter((r) => r.id !== id) })),
});

/** Puts a card where the server's order (-id) would put it; beyond the loaded pages it waits for "load more". */
function withCard(data: ColumnData, card: CrmRecord): ColumnData {
  const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((r) => r.id !== card.id) }));
  for (const p of pages) {
    const at = p.items.findIndex((r) => r.id < card.id);
    if (at >= 0) {
      p.items.splice(at, 0, card);
      return { ...data, pages };
    }
  }
  const last = pages[pages.length - 1];
  if (last && !last.nextCursor) last.items.push(card);
  return { ...data, pages };
}

export interface MoveVars {
  card: CrmRecord;
  from: number;
  to: number;
  /** A line to append to the deal's comments with the move (the reason a deal was lost). */
  note?: string;
}

type Snapshot = [readonly unknown[], unknown][];

function snapshot(qc: QueryClient, keys: (readonly unknown[])[]): Snapshot {
  return keys.map((k) => [k, qc.getQueryData(k)]);
}

/**
 * Moves a card to another column at once; the server answer replaces it (new version), a refusal puts the
 * board back as it was and hands the error to `onFailed` so the user is told why.
 */
export function useMoveCard(
  entity: BoardEntity,
  scope: BoardScope,
  onFailed: (error: unknown, vars: MoveVars) => void,
) {
  const qc = useQueryClient();
  const field = GROUP_FIELD[entity];
  return useMutation({
    mutationKey: ['kanban-move', entity],
    mutationFn: async ({ card, to, note }: MoveVars) => {
      const body: Record<string, unknown> = { [field]: to, version: card.version };
      if (note) {
        const fresh = await get<CrmRecord>(`${base(entity)}/${card.id}`);
        const before = typeof fresh.comments === 'string' ? fresh.comments.trimEnd() : '';
        body.comments = before ? `${before}\n${note}` : note;
      }
      return patch<CrmRecord>(`${base(entity)}/${card.id}`, body);
    },
    onMutate: async ({ card, from, to }) => {
      const keys = [
        kanbanKeys.column(entity, scope, from),
        kanbanKeys.column(entity, scope, to),
        kanbanKeys.totals(entity, scope),
      ];
      await Promise.all(keys.map((queryKey) => qc.cancelQueries({ queryKey })));
      const saved = snapshot(qc, keys);
      const moved = { ...card, [field]: to };
      qc.setQueryData<ColumnData>(keys[0] as readonly unknown[], (d) => d && withoutCard(d, card.id));
      qc.setQueryData<ColumnData>(keys[1] as readonly unknown[], (d) => d && withCard(d, moved));
      qc.setQueryData<BoardTotals>(
        keys[2] as readonly unknown[],
        (t) => t && shiftTotals(shiftTotals(t, from, card, -1), to, moved, 1),
      );
      return saved;
    },
    onSuccess: (rec, { to }) => {
      qc.setQueryData<ColumnData>(kanbanKeys.column(entity, scope, to), (d) => {
        if (!d) return d;
        const pages = d.pages.map((p) => ({
          ...p,
          items: p.items.map((r) => (r.id === rec.id ? { ...r, ...pick(r, rec) } : r)),
        }));
        return { ...d, pages };
      });
    },
    onError: (error, vars, saved) => {
      for (const [key, data] of saved ?? []) qc.setQueryData(key, data);
      onFailed(error, vars);
      // the card may have changed under us (409): show its latest state
      void qc.invalidateQueries({ queryKey: kanbanKeys.column(entity, scope, vars.from) });
      void qc.invalidateQueries({ queryKey: kanbanKeys.column(entity, scope, vars.to) });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: kanbanKeys.totals(entity, scope) }),
  });
}

/** The server's values for the fields a card already has (the card keeps its narrow shape). */
function pick(card: CrmRecord, rec: CrmRecord): Partial<CrmRecord> {
  return Object.fromEntries(Object.keys(card).map((k) => [k, rec[k]]));
}

/** Creates a record in a column (title only) and shows it at the top. */
export function useQuickAdd(entity: BoardEntity, scope: BoardScope) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ title, columnId }: { title: string; columnId: number }) =>
      post<CrmRecord>(
        base(entity),
        { title, [GROUP_FIELD[entity]]: columnId },
        {
          'idempotency-key': crypto.randomUUID(),
        },
      ),
    onSuccess: (rec, { columnId }) => {
      qc.setQueryData<ColumnData>(kanbanKeys.column(entity, scope, columnId), (d) => d && withCard(d, rec));
      qc.setQueryData<BoardTotals>(
        kanbanKeys.totals(entity, scope),
        (t) => t && shiftTotals(t, columnId, rec, 1),
      );
      void qc.invalidateQueries({ queryKey: kanbanKeys.totals(entity, scope) });
    },
  });
}
