import { type Dictionaries, dictionaries, type PipelineEntry } from '../dictionaries.js';
import { B24Error, b24 } from '../errors.js';
import { answer, type MethodDef } from '../registry.js';
import { dateTimeOut, idIn, intIn, param, yn } from '../values.js';
import { requireId } from './ids.js';

/**
 * Deal pipelines as Bitrix24 categories: crm.category.list/get (entityTypeId 2) and the legacy
 * crm.dealcategory.list/get/stage.list. The pipeline with bare stage codes is category 0.
 */
const modern = (p: PipelineEntry) => ({
  id: p.category,
  name: p.name,
  sort: p.sort,
  entityTypeId: 2,
  isDefault: yn(p.category === 0),
  originId: '',
  originatorId: '',
});

const legacy = (p: PipelineEntry) => ({
  ID: String(p.category),
  CREATED_DATE: dateTimeOut(p.createdAt),
  NAME: p.name,
  IS_LOCKED: 'N',
  SORT: String(p.sort),
});

function dealTypeOnly(params: Record<string, unknown>): void {
  const type = intIn(param(params, 'entityTypeId'));
  if (type !== 2) throw b24.invalidArg('Only deals (entityTypeId 2) have categories here');
}

function category(d: Dictionaries, raw: unknown): PipelineEntry | undefined {
  const id = idIn(raw) ?? 0;
  return Number.isNaN(id) ? undefined : d.pipelineByCategory.get(id);
}

export const categoryMethods: MethodDef[] = [
  {
    name: 'crm.category.list',
    scope: 'crm',
    errors: 'coded',
    handler: async ({ ctx, params }) => {
      dealTypeOnly(params);
      const d = await dictionaries(ctx.db);
      return { result: { categories: d.pipelines.map(modern) }, total: d.pipelines.length };
    },
  },
  {
    name: 'crm.category.get',
    scope: 'crm',
    errors: 'coded',
    handler: async ({ ctx, params }) => {
      dealTypeOnly(params);
      const found = category(await dictionaries(ctx.db), param(params, 'id'));
      if (!found) throw new B24Error(400, 'NOT_FOUND', 'Category not found');
      return answer({ category: modern(found) });
    },
  },
  {
    name: 'crm.dealcategory.list',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx }) => {
      const rows = (await dictionaries(ctx.db)).pipelines.filter((p) => p.category !== 0).map(legacy);
      return { result: rows, total: rows.length };
    },
  },
  {
    name: 'crm.dealcategory.get',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx, params }) => {
      const found = category(await dictionaries(ctx.db), requireId(params));
      if (!found) throw b24.legacy('Not found');
      return answer(legacy(found));
    },
  },
  {
    name: 'crm.dealcategory.stage.list',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx, params }) => {
      const found = category(await dictionaries(ctx.db), param(params, 'id'));
      if (!found) throw b24.legacy('Not found');
      return answer(found.stages.map((s) => ({ NAME: s.name, SORT: String(s.sort), STATUS_ID: s.code })));
    },
  },
  {
    name: 'crm.dealcategory.default.get',
    scope: 'crm',
    errors: 'legacy',
    handler: async ({ ctx }) => {
      const zero = (await dictionaries(ctx.db)).pipelineByCategory.get(0);
      return answer({ ID: 0, NAME: zero?.name ?? '' });
    },
  },
];
