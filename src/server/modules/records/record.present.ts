import { formatMoney, formatRate } from '../../../shared/money.js';
import type { Ctx } from '../../context.js';
import type { FieldDef } from '../../query/fields.js';
import type { CustomFieldDef } from '../custom-fields/custom-field.types.js';
import { presentValue } from '../custom-fields/custom-field.types.js';
import { loadCommunications } from './communications.js';
import type { ApiRecord, EntityDescriptor, Row } from './descriptor.js';

/** Stored value → API value for a field type. */
export function presentField(field: FieldDef, raw: unknown, custom?: CustomFieldDef): unknown {
  if (custom && custom.type !== 'money') return presentValue(custom, raw);
  if (raw === null || raw === undefined) return null;
  switch (field.type) {
    case 'money':
      return formatMoney(Number(raw));
    case 'rate':
      return formatRate(Number(raw));
    case 'boolean':
      return Boolean(raw);
    case 'id':
    case 'integer':
    case 'ref':
      return Number(raw);
    default:
      return raw;
  }
}

/** Rows → API records, with communications and the entity's expansions loaded once per page. */
export async function presentRows(
  ctx: Ctx,
  d: EntityDescriptor,
  fields: FieldDef[],
  customs: CustomFieldDef[],
  rows: Row[],
): Promise<ApiRecord[]> {
  const ids = rows.map((r) => r.id);
  const comms = d.hasCommunications ? await loadCommunications(ctx, d.entity, ids) : null;
  const extra = d.expand ? await d.expand(ctx, rows) : null;
  const customById = new Map(customs.map((c) => [c.id, c]));
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.link) continue; // link lists come from the entity's expansion, limited to what the reader may see
      out[f.name] = presentField(
        f,
        row[f.column],
        f.customFieldId ? customById.get(f.customFieldId) : undefined,
      );
    }
    if (comms) Object.assign(out, comms.get(row.id));
    if (extra) Object.assign(out, extra.get(row.id));
    return out as ApiRecord;
  });
}

/** Keeps only the requested fields (`?fields=id,title`); id and version always stay. */
export function selectFields(records: ApiRecord[], wanted: string[] | null): ApiRecord[] {
  if (!wanted) return records;
  const keep = new Set(['id', 'version', ...wanted]);
  return records.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => keep.has(k))) as ApiRecord);
}
