/** Small text helpers the catalogs share. */

/** "№5" for a numeric id; a code ("EUR") stays as it is. */
export const numbered = (id: string) => (/^\d+$/.test(id) ? `№${id}` : id);

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Lower-cases a sentence's first letter to continue it after a colon, leaving "API…" or "ISO…" alone. */
export const uncapitalize = (s: string) =>
  /^\p{Lu}[\p{Lu}\d-]/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);

const PATHS: Record<string, string> = {
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  product: 'products',
};
/** The API path of a record entity ("company" → "companies"); a path stays as it is. */
export const collectionPath = (entityOrPath: string) => PATHS[entityOrPath] ?? entityOrPath;
