import { ownerReaches, visibleWhere } from '../../../access/activities.js';
import type { Ctx } from '../../../context.js';
import {
  ACTIVITY_FIELDS,
  type ActivityRow,
  type ApiActivity,
} from '../../../modules/activities/activity.fields.js';
import { presentActivities } from '../../../modules/activities/activity.repository.js';
import {
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  updateActivity,
} from '../../../modules/activities/activity.service.js';
import type { ApiRecord } from '../../../modules/records/descriptor.js';
import { registry } from '../../../query/fields.js';
import { orderTerms } from '../../../query/sort.js';
import { dictionaries } from '../dictionaries.js';
import { activityFields, activityInput } from '../fields/activity.js';
import { present } from '../fields/schema.js';
import type { B24Field } from '../fields/types.js';
import { buildFilter } from '../list/filter.js';
import { orderKeys } from '../list/order.js';
import { PAGE_SIZE, startOf } from '../list/page.js';
import { answer, type MethodDef } from '../registry.js';
import { boolIn, listIn, param } from '../values.js';
import { requireId } from './ids.js';

/** crm.activity.add/get/list/update/delete/fields over our activities (rights follow the owner record). */
const REGISTRY = registry(ACTIVITY_FIELDS);
const BY_NAME = new Map(activityFields.map((f) => [f.name, f]));
const NAMES: Record<string, string> = {
  ownerId: 'OWNER_ID',
  ownerEntity: 'OWNER_TYPE_ID',
  type: 'TYPE_ID',
  subject: 'SUBJECT',
  startAt: 'START_TIME',
  endAt: 'END_TIME',
  deadline: 'DEADLINE',
  responsibleId: 'RESPONSIBLE_ID',
  priority: 'PRIORITY',
  status: 'STATUS',
  commValue: 'COMMUNICATIONS',
  commType: 'COMMUNICATIONS',
  remindBeforeMinutes: 'NOTIFY_VALUE',
};
const namer = (api: string) => NAMES[api];

const rec = (a: ApiActivity) => a as unknown as ApiRecord;

function selectFields(select: unknown): B24Field[] {
  const names = listIn(select).map((s) => String(s).toUpperCase());
  if (!names.length || names.includes('*')) {
    const extra = new Set(names);
    return activityFields.filter((f) => f.inStar !== false || extra.has(f.name) || f.name === 'ID');
  }
  const wanted = new Set([...names, 'ID']);
  return activityFields.filter((f) => wanted.has(f.name));
}

async function listPage(ctx: Ctx, params: Record<string, unknown>) {
  const dict = await dictionaries(ctx.db);
  const fields = selectFields(param(params, 'select'));
  const fc = { ctx, byName: BY_NAME, commEntity: null, registry: REGISTRY, dict, table: 'activities' };
  const wheres = buildFilter(fc, param(params, 'filter'));
  const keys = orderKeys(BY_NAME, REGISTRY, param(params, 'order'));
  const { offset, count } = startOf(param(params, 'start'));
  const visible = visibleWhere(await ownerReaches(ctx.db, ctx.actor));
  let base = ctx.db.kysely.selectFrom('activities');
  if (visible) base = base.where(visible);
  for (const w of wheres) base = base.where(w);
  let page = base.selectAll();
  for (const term of orderTerms(keys, 'activities')) page = page.orderBy(term);
  const rows = (await page
    .limit(PAGE_SIZE)
    .$if(offset > 0, (q) => q.offset(offset))
    .execute()) as ActivityRow[];
  let total = 0;
  if (count)
    total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const items = await presentActivities(ctx.db, rows);
  const next = count && offset + PAGE_SIZE < total ? offset + PAGE_SIZE : undefined;
  return {
    result: items.map((a) => present(rec(a), fields, dict)),
    total,
    ...(next === undefined ? {} : { next }),
  };
}

const def = (action: string, handler: MethodDef['handler']): MethodDef => ({
  name: `crm.activity.${action}`,
  scope: 'crm',
  errors: 'legacy',
  namer,
  handler,
});

export const activityMethods: MethodDef[] = [
  def('fields', async () => {
    const out: Record<string, unknown> = {};
    for (const f of activityFields) {
      out[f.name] = {
        type: f.type,
        isRequired: Boolean(f.required),
        isReadOnly: Boolean(f.readOnly),
        isImmutable: Boolean(f.immutable),
        isMultiple: Boolean(f.multiple),
        isDynamic: false,
        title: f.title,
      };
    }
    return answer(out);
  }),
  def('add', async ({ ctx, params }) => {
    const fields = param(params, 'fields');
    const created = await createActivity(ctx, activityInput(fields, null));
    const f = (fields ?? {}) as Record<string, unknown>;
    const done = boolIn(f.COMPLETED) === true || String(f.STATUS ?? '') === '2';
    if (done) await completeActivity(ctx, created.id, {});
    return answer(created.id);
  }),
  def('get', async ({ ctx, params }) => {
    const dict = await dictionaries(ctx.db);
    return answer(present(rec(await getActivity(ctx, requireId(params))), activityFields, dict));
  }),
  def('list', async ({ ctx, params }) => listPage(ctx, params)),
  def('update', async ({ ctx, params }) => {
    const id = requireId(params);
    const existing = await getActivity(ctx, id);
    const input = activityInput(param(params, 'fields'), existing);
    if (Object.keys(input).length) await updateActivity(ctx, id, input);
    return answer(true);
  }),
  def('delete', async ({ ctx, params }) => {
    await deleteActivity(ctx, requireId(params));
    return answer(true);
  }),
];
