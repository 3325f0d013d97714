import { type Dictionaries, dictionaries } from '../dictionaries.js';
import { splitKey } from '../list/filter.js';
import { answer, type MethodDef } from '../registry.js';
import { isPlainObject, param } from '../values.js';

/**
 * crm.status.list / crm.status.entity.items / crm.status.entity.types: lead statuses (STATUS), sources
 * (SOURCE) and deal stages (DEAL_STAGE for category 0, DEAL_STAGE_<n> for the others), read-only.
 * Our three tables each number their rows from 1; the ID of a crm.status row keeps them apart
 * (stages as is, lead statuses + 100000, sources + 200000).
 */
interface StatusRow {
  ID: string;
  ENTITY_ID: string;
  STATUS_ID: string;
  NAME: string;
  NAME_INIT: string;
  SORT: string;
  SYSTEM: 'Y' | 'N';
  CATEGORY_ID: string | null;
  COLOR: string | null;
  SEMANTICS: 'S' | 'F' | null;
  EXTRA?: { SEMANTICS: string; COLOR: string | null };
}

const SEMANTICS: Record<string, ['S' | 'F' | null, string]> = {
  process: [null, 'process'],
  won: ['S', 'success'],
  converted: ['S', 'success'],
  lost: ['F', 'failure'],
  junk: ['F', 'failure'],
};

export function stageEntityId(category: number): string {
  return category === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${category}`;
}

function allRows(d: Dictionaries): StatusRow[] {
  const rows: StatusRow[] = [];
  const push = (
    id: number,
    entityId: string,
    code: string,
    name: string,
    sort: number,
    semantics?: string,
    color?: string | null,
    category: string | null = null,
  ) => {
    const [sem, extra] = SEMANTICS[semantics ?? ''] ?? [null, 'process'];
    rows.push({
      ID: String(id),
      ENTITY_ID: entityId,
      STATUS_ID: code,
      NAME: name,
      NAME_INIT: name,
      SORT: String(sort),
      SYSTEM: 'N',
      CATEGORY_ID: category,
      COLOR: color ?? null,
      SEMANTICS: semantics ? sem : null,
      ...(semantics ? { EXTRA: { SEMANTICS: extra, COLOR: color ?? null } } : {}),
    });
  };
  for (const s of d.leadStatuses)
    push(100_000 + s.id, 'STATUS', s.code, s.name, s.sort, s.semantics, s.color);
  for (const s of d.sources) push(200_000 + s.id, 'SOURCE', s.code, s.name, s.sort);
  for (const p of d.pipelines) {
    for (const s of p.stages)
      push(s.id, stageEntityId(p.category), s.code, s.name, s.sort, s.semantics, s.color, String(p.category));
  }
  return rows;
}

function matches(row: StatusRow, filter: unknown): boolean {
  if (!isPlainObject(filter)) return true;
  return Object.entries(filter).every(([key, value]) => {
    const { op, name } = splitKey(key);
    const actual = (row as unknown as Record<string, unknown>)[name];
    if (actual === undefined) return true;
    const wanted = (Array.isArray(value) ? value : [value]).map((v) => String(v).toUpperCase());
    const hit = wanted.includes(String(actual).toUpperCase());
    return op === 'ne' || op === 'nin' ? !hit : hit;
  });
}

function sortRows(rows: StatusRow[], order: unknown): StatusRow[] {
  const keys = isPlainObject(order) ? Object.entries(order) : [['SORT', 'ASC']];
  return [...rows].sort((a, b) => {
    for (const [field, dir] of keys) {
      const name = String(field).toUpperCase() as keyof StatusRow;
      const x = a[name];
      const y = b[name];
      const numeric = name === 'SORT' || name === 'ID';
      const c = numeric ? Number(x) - Number(y) : String(x ?? '').localeCompare(String(y ?? ''));
      if (c) return String(dir).toUpperCase() === 'DESC' ? -c : c;
    }
    return 0;
  });
}

export const statusMethods: MethodDef[] = [
  {
    name: 'crm.status.list',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx, params }) => {
      const rows = allRows(await dictionaries(ctx.db)).filter((r) => matches(r, param(params, 'filter')));
      const sorted = sortRows(rows, param(params, 'order'));
      return { result: sorted, total: sorted.length };
    },
  },
  {
    name: 'crm.status.entity.items',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx, params }) => {
      const entityId = String(param(params, 'entityId') ?? '').toUpperCase();
      const rows = allRows(await dictionaries(ctx.db)).filter((r) => r.ENTITY_ID === entityId);
      return answer(
        sortRows(rows, null).map((r) => ({ NAME: r.NAME, SORT: Number(r.SORT), STATUS_ID: r.STATUS_ID })),
      );
    },
  },
  {
    name: 'crm.status.entity.types',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx }) => {
      const d = await dictionaries(ctx.db);
      const lead = (semantics: string) => d.leadStatuses.find((s) => s.semantics === semantics)?.code ?? null;
      const types: Record<string, unknown>[] = [
        {
          ID: 'STATUS',
          NAME: 'Lead stages',
          SEMANTIC_INFO: {
            START_FIELD: d.leadStatuses[0]?.code ?? null,
            FINAL_SUCCESS_FIELD: lead('converted'),
            FINAL_UNSUCCESS_FIELD: lead('junk'),
            FINAL_SORT: 0,
          },
          ENTITY_TYPE_ID: 1,
        },
        { ID: 'SOURCE', NAME: 'Sources' },
      ];
      for (const p of d.pipelines) {
        const code = (semantics: string) => p.stages.find((s) => s.semantics === semantics)?.code ?? null;
        types.push({
          ID: stageEntityId(p.category),
          NAME: `Deal stages (${p.name})`,
          ...(p.category ? { PARENT_ID: 'DEAL_STAGE', PREFIX: `C${p.category}` } : {}),
          SEMANTIC_INFO: {
            START_FIELD: p.stages[0]?.code ?? null,
            FINAL_SUCCESS_FIELD: code('won'),
            FINAL_UNSUCCESS_FIELD: code('lost'),
            FINAL_SORT: 0,
          },
          ENTITY_TYPE_ID: 2,
          CATEGORY_ID: p.category ? String(p.category) : 0,
        });
      }
      return answer(types);
    },
  },
];
