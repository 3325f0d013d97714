/**
 * Bitrix24-style codes (NEW, TRADE_SHOW, C3:NEGOTIATION) generated from a display name when the client
 * gives none: capital latin letters, digits and underscore.
 */
export function codeFromName(name: string, fallback: string, max = 40): string {
  const code = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, max)
    .replace(/_+$/, '');
  return code || fallback;
}

/** The first of `base`, `base_2`, `base_3`… that is not taken (the unique column still has the last word). */
export function firstFreeCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
