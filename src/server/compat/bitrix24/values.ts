/**
 * Values as Bitrix24's legacy methods write and read them: scalars as strings, "Y"/"N" flags, dates as
 * ISO-8601 with an offset (this server keeps UTC, so +00:00), empty dates as "". Inputs arrive as strings
 * from query strings and forms, or as JSON values; every parser here accepts both.
 */

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const yn = (v: unknown): 'Y' | 'N' => (v ? 'Y' : 'N');

/** "2024-09-02T18:37:18.123Z" → "2024-09-02T18:37:18+00:00"; null → "". */
export function dateTimeOut(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  // what both engines give back: "2024-09-02T18:37:18.123Z"
  if (iso.length === 24 && iso.charCodeAt(23) === 90 /* Z */ && iso.charCodeAt(10) === 84 /* T */)
    return `${iso.slice(0, 19)}+00:00`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.toISOString().slice(0, 19)}+00:00`;
}

/** A date-only value is written as midnight with the offset, as Bitrix24 does ("2024-08-30T00:00:00+00:00"). */
export const dateOut = (d: unknown): string =>
  typeof d === 'string' && d ? `${d.slice(0, 10)}T00:00:00+00:00` : '';

export const nowOut = () => dateTimeOut(new Date().toISOString());

const TRUE = new Set(['y', '1', 'true', 'yes', 'on']);
const FALSE = new Set(['n', '0', 'false', 'no', 'off', '']);

/** Y/N, 1/0, true/false → boolean; anything else → undefined (the caller reports it). */
export function boolIn(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/** "37" or 37 → 37; "" / null / 0 → null (Bitrix24 writes 0 for "none"); other text → NaN. */
export function idIn(v: unknown): number | null {
  if (v === null || v === undefined || v === '' || v === 0 || v === '0') return null;
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : Number.NaN;
}

export function intIn(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

export function numberIn(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n =
    typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : Number.NaN;
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * An amount as our money fields take it ("1234.50"). Bitrix24 clients send floats, strings with more
 * decimals, or "100|USD" (money user fields); those are rounded to cents.
 */
export function moneyIn(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  let text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  text = text.split('|')[0]?.replace(',', '.').trim() ?? '';
  if (!/^-?\d+(\.\d+)?$/.test(text)) return typeof v === 'string' ? v : String(v);
  const [, frac = ''] = text.split('.');
  return frac.length > 2 ? Number(text).toFixed(2) : text;
}

const DMY = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2024-05-01", "2024-05-01T10:00:00+03:00" or "01.05.2024" → "2024-05-01"; "" → null. */
export function dateIn(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string') return String(v);
  const s = v.trim();
  const dmy = DMY.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return iso ? (iso[1] as string) : s;
}

/** An ISO date-time (offset optional: UTC then) or "01.05.2024 10:00:00" → ISO with offset; "" → null. */
export function dateTimeIn(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string') return String(v);
  const s = v.trim();
  const dmy = DMY.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]}-${dmy[1]}T${dmy[4] ?? '00'}:${dmy[5] ?? '00'}:${dmy[6] ?? '00'}Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return `${s}T00:00:00Z`;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return s;
  const time = (m[2] as string).length === 5 ? `${m[2]}:00` : m[2];
  const zone = m[3] ? (m[3] === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
  return `${m[1]}T${time}${zone}`;
}

/** Lists arrive as arrays, as PHP-style objects ({"0":…,"1":…} or {"n0":…}), or as one value. */
export function listIn(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>);
  return [v];
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A parameter by name, whatever its case (`id`, `ID`, `Id`). */
export function param(params: Record<string, unknown>, name: string): unknown {
  if (name in params) return params[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(params)) if (k.toLowerCase() === lower) return v;
  return undefined;
}
