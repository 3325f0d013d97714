import type { CrmRecord, EntityKind } from '../../api/types';

/** Pure text helpers for records: their display title and the filter that finds them by what is typed. */

const join = (...parts: unknown[]) =>
  parts
    .filter((p) => typeof p === 'string' && p.trim())
    .join(' ')
    .trim();

/** "Anna Petrova", "Ararat Trading LLC", or "#12" when the record has no name yet. */
export function recordTitle(entity: EntityKind, r: CrmRecord | Record<string, unknown>): string {
  const text =
    entity === 'contact'
      ? join(r.name, r.secondName, r.lastName)
      : entity === 'product'
        ? join(r.name)
        : join(r.title);
  return text || `#${String(r.id)}`;
}

/** The list filter that finds records of `entity` by a typed fragment of their name or title. */
export function searchFilter(entity: EntityKind, q: string): Record<string, unknown> {
  const contains = { contains: q.trim() };
  switch (entity) {
    case 'contact':
      return { or: [{ name: contains }, { lastName: contains }] };
    case 'product':
      return { name: contains, active: true };
    default:
      return { title: contains };
  }
}

/** Fields derived from others (the stage's semantics, "closed"): noise in a history entry. */
const DERIVED = new Set(['stageSemantics', 'statusSemantics', 'closed', 'hasProductRows']);
export const isDerivedField = (field: string) => DERIVED.has(field);

/** "deal:12" (a CRM-link custom field) → where it points, or null. */
export function crmLinkTarget(v: unknown): { entity: EntityKind; id: number } | null {
  const m = typeof v === 'string' ? /^(lead|contact|company|deal):([1-9]\d*)$/.exec(v) : null;
  return m ? { entity: m[1] as EntityKind, id: Number(m[2]) } : null;
}

/** A link for a typed communication: tel:, mailto:, the site itself; null for messengers without one. */
export function commHref(kind: string, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (kind === 'phones') return `tel:${v.replace(/[^\d+]/g, '')}`;
  if (kind === 'emails') return `mailto:${v}`;
  if (kind === 'websites') return /^https?:\/\//i.test(v) ? v : `https://${v}`;
  return null;
}

/** Black or white text, whichever reads better on a stage colour ("#74c0fc" → dark text). */
export function readableOn(hex: string): 'dark' | 'light' {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 'dark';
  const n = Number.parseInt(m[1] as string, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  // contrast with black (l+0.05)/0.05 against contrast with white 1.05/(l+0.05)
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? 'dark' : 'light';
}
