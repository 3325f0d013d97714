import {
  createRecord,
  deleteRecord,
  getRecord,
  updateRecord,
} from '../../../modules/records/record.service.js';
import { dictionaries } from '../dictionaries.js';
import {
  allFields,
  buildInput,
  describeFields,
  entitySchema,
  namerOf,
  present,
  resolveSelect,
} from '../fields/schema.js';
import type { EntityMap, Input } from '../fields/types.js';
import { listRecordPage } from '../list/page.js';
import { answer, type B24Call, type MethodDef } from '../registry.js';
import { param } from '../values.js';
import { requireId } from './ids.js';

/** Entities whose title Bitrix24 fills in ("Deal #12") when the caller gives none. */
const DEFAULT_TITLE: Record<string, string> = { lead: 'Lead', deal: 'Deal' };

/** crm.<entity>.add/get/list/update/delete/fields over the shared record engine. */
export function recordMethods(map: EntityMap): MethodDef[] {
  const namer = namerOf(map);
  const d = map.descriptor;
  const def = (action: string, handler: MethodDef['handler']): MethodDef => ({
    name: `${map.prefix}.${action}`,
    scope: 'crm',
    errors: 'legacy',
    namer,
    handler,
  });
  return [
    def('fields', async ({ ctx }) => answer(describeFields(await entitySchema(ctx, map)))),
    def('add', async ({ ctx, params }) => {
      const [schema, dict] = await Promise.all([entitySchema(ctx, map), dictionaries(ctx.db)]);
      const input = buildInput(schema, param(params, 'fields'), dict, null);
      const placeholder = DEFAULT_TITLE[map.entity];
      const untitled =
        placeholder !== undefined &&
        (input.title === undefined || input.title === null || input.title === '');
      if (untitled) input.title = placeholder;
      const created = await createRecord(ctx, d, input);
      if (untitled) await updateRecord(ctx, d, created.id, { title: `${placeholder} #${created.id}` });
      return answer(created.id);
    }),
    def('get', async ({ ctx, params }) => {
      const id = requireId(params);
      const [schema, dict] = await Promise.all([entitySchema(ctx, map), dictionaries(ctx.db)]);
      return answer(present(await getRecord(ctx, d, id), allFields(schema), dict));
    }),
    def('list', async (call: B24Call) => list(call, map)),
    def('update', async ({ ctx, params }) => {
      const id = requireId(params);
      const [schema, dict] = await Promise.all([entitySchema(ctx, map), dictionaries(ctx.db)]);
      const existing = await getRecord(ctx, d, id);
      const input: Input = buildInput(schema, param(params, 'fields'), dict, existing);
      if (Object.keys(input).length) await updateRecord(ctx, d, id, input);
      return answer(true);
    }),
    def('delete', async ({ ctx, params }) => {
      await deleteRecord(ctx, d, requireId(params));
      return answer(true);
    }),
  ];
}

async function list({ ctx, params }: B24Call, map: EntityMap) {
  const [schema, dict] = await Promise.all([entitySchema(ctx, map), dictionaries(ctx.db)]);
  const fields = resolveSelect(schema, param(params, 'select'));
  const page = await listRecordPage(ctx, schema, {
    filter: param(params, 'filter'),
    order: param(params, 'order'),
    start: param(params, 'start'),
    fields,
  });
  return {
    result: page.records.map((r) => present(r, fields, dict)),
    total: page.total,
    ...(page.next === undefined ? {} : { next: page.next }),
  };
}
