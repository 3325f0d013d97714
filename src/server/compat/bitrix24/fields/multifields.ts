import type { CommItem, CommKey } from '../../../modules/records/communications.js';
import type { ApiRecord } from '../../../modules/records/descriptor.js';
import { idIn, isPlainObject, listIn, yn } from '../values.js';
import type { B24Field } from './types.js';

/**
 * PHONE / EMAIL / WEB / IM: arrays of {ID, VALUE_TYPE, VALUE, TYPE_ID} over our typed communications.
 * On update an item with ID changes that entry, an item with ID and an empty VALUE (or DELETE=Y) removes
 * it, an item without ID is added; entries not mentioned stay as they are.
 */
export const MULTIFIELDS: { name: string; api: CommKey; title: string; types: Record<string, string> }[] = [
  {
    name: 'PHONE',
    api: 'phones',
    title: 'Phone',
    types: { WORK: 'work', MOBILE: 'mobile', HOME: 'home', FAX: 'fax' },
  },
  { name: 'EMAIL', api: 'emails', title: 'E-mail', types: { WORK: 'work', HOME: 'home' } },
  { name: 'WEB', api: 'websites', title: 'Website', types: { WORK: 'work', HOME: 'home' } },
  {
    name: 'IM',
    api: 'messengers',
    title: 'Messenger',
    types: { TELEGRAM: 'telegram', WHATSAPP: 'whatsapp', VIBER: 'viber', SKYPE: 'skype' },
  },
];

interface Entry {
  id: number | null;
  value: string;
  type: string;
}

function typeIn(types: Record<string, string>, raw: unknown, fallback: string): string {
  if (typeof raw !== 'string' || !raw) return fallback;
  return types[raw.toUpperCase()] ?? 'other';
}

function applyItems(current: Entry[], items: unknown[], types: Record<string, string>): Entry[] {
  const out = [...current];
  const first = Object.values(types)[0] ?? 'other';
  for (const item of items) {
    if (!isPlainObject(item)) {
      if (typeof item === 'string' && item.trim()) out.push({ id: null, value: item, type: first });
      continue;
    }
    const id = idIn(item.ID);
    const value = item.VALUE === undefined || item.VALUE === null ? undefined : String(item.VALUE);
    const remove = String(item.DELETE ?? '').toUpperCase() === 'Y' || value === '';
    const at = typeof id === 'number' ? out.findIndex((e) => e.id === id) : -1;
    if (at >= 0) {
      const entry = out[at] as Entry;
      if (remove) out.splice(at, 1);
      else
        out[at] = { ...entry, value: value ?? entry.value, type: typeIn(types, item.VALUE_TYPE, entry.type) };
    } else if (!remove && value !== undefined) {
      out.push({ id: null, value, type: typeIn(types, item.VALUE_TYPE, first) });
    }
  }
  return out;
}

export function multifieldDefs(): B24Field[] {
  const defs: B24Field[] = MULTIFIELDS.map((m) => ({
    name: m.name,
    type: 'crm_multifield',
    title: m.title,
    multiple: true,
    inStar: false,
    needs: 'comms',
    read: (rec: ApiRecord) =>
      ((rec[m.api] as CommItem[] | undefined) ?? []).map((c) => ({
        ID: String(c.id),
        VALUE_TYPE: c.type.toUpperCase(),
        VALUE: c.value,
        TYPE_ID: m.name,
      })),
    write: (value, input, _dict, existing) => {
      const current = ((existing?.[m.api] as CommItem[] | undefined) ?? []).map((c) => ({ ...c }));
      const next = applyItems(current, listIn(value), m.types);
      // entries keep their ids: integrations that stored an ID can still change or remove that entry
      input[m.api] = next.map((e) => ({
        ...(e.id === null ? {} : { id: e.id }),
        value: e.value,
        type: e.type,
      }));
    },
  }));
  const has = (name: string, title: string, api: CommKey | null): B24Field => ({
    name,
    type: 'char',
    title,
    readOnly: true,
    needs: 'comms',
    read: (rec) => yn(api ? ((rec[api] as unknown[] | undefined) ?? []).length : 0),
  });
  return [
    has('HAS_PHONE', 'Has phone', 'phones'),
    has('HAS_EMAIL', 'Has e-mail', 'emails'),
    has('HAS_IMOL', 'Has open line', null),
    ...defs,
  ];
}
