import type { FieldRegistry } from '../../../query/fields.js';
import type { SortKey } from '../../../query/sort.js';
import type { B24Field } from '../fields/types.js';
import { isPlainObject } from '../values.js';

/**
 * `order: {FIELD: "ASC"|"DESC"}` → sort keys of our engine; unknown or unsortable fields are skipped.
 * The id always ends the order (ID ascending by default) so offset pages are stable.
 */
export function orderKeys(byName: Map<string, B24Field>, registry: FieldRegistry, order: unknown): SortKey[] {
  const keys: SortKey[] = [];
  const seen = new Set<string>();
  if (isPlainObject(order)) {
    for (const [name, dir] of Object.entries(order)) {
      const f = byName.get(name.toUpperCase());
      const def = f?.api ? registry.get(f.api) : undefined;
      if (!def || def.link || def.sortable === false || seen.has(def.name)) continue;
      seen.add(def.name);
      keys.push({ field: def, desc: String(dir).toUpperCase() === 'DESC' });
    }
  }
  const id = registry.get('id');
  if (id && !seen.has('id'))
    keys.push({ field: id, desc: keys.length ? (keys[keys.length - 1] as SortKey).desc : false });
  return keys;
}
