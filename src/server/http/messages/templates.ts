/**
 * Message templates: an English message written with {placeholders} for its variable parts
 * (`must be at most {n} characters`) matches the messages the code produces and carries their values into a
 * translation. Templates are compiled to regular expressions once, when a catalog is built.
 */

/** The variable parts of one message, by placeholder name, as they appear in the English text. */
export type Values = Readonly<Record<string, string>>;

/**
 * A translation: a text with the template's {placeholders}, or a function for grammar a text cannot express
 * (a label's gender or case, a number's plural form); the function answers null when it has no words for
 * the values, and the message then stays English.
 */
export type Translation = string | ((values: Values) => string | null);

/** English message templates → translations, for one language. */
export type Catalog = Readonly<Record<string, Translation>>;

const PLACEHOLDER = /\{(\w+)\}/g;
const NUMBER = '-?\\d+(?:\\.\\d+)?';
/**
 * What a placeholder matches, by its name without trailing digits (`n`, `n2`): numbers, ids and codes keep
 * similar templates apart; anything else matches any text.
 */
const PATTERNS: Record<string, string> = {
  n: NUMBER,
  version: NUMBER,
  // a number or a code ("5", "EUR"), never a word: "Lead status not found" has no id
  id: '[0-9A-Z][\\w:.-]*',
  code: '\\S+',
};
/** A placeholder named `message` holds a message of its own, which is translated in turn. */
const NESTED = 'message';
/** "field: message", the shape of the API's top-level validation messages; field names stay as they are. */
const FIELD_PREFIXED = /^([\w.()[\]-]+): (.+)$/s;
/** Where a top-level message joins several "field: message" parts. */
const PART_SEPARATOR = /; (?=[\w.()[\]-]+: )/;

interface Compiled {
  regex: RegExp;
  names: string[];
  /** The literal text before the first and after the last placeholder: a cheap test before the regex. */
  head: string;
  tail: string;
  literalLength: number;
  translation: Translation;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The placeholder names of a template or a translation text, in order. */
export const placeholdersOf = (text: string): string[] =>
  [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);

function compile(template: string, translation: Translation): Compiled {
  const names: string[] = [];
  const literals: string[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    const literal = template.slice(last, m.index);
    literals.push(literal);
    source += `${escapeRegex(literal)}(${PATTERNS[name.replace(/\d+$/, '')] ?? '.+?'})`;
    names.push(name);
    last = m.index + m[0].length;
  }
  const rest = template.slice(last);
  source += escapeRegex(rest);
  return {
    regex: new RegExp(`^${source}$`, 's'),
    names,
    head: literals[0] ?? rest,
    tail: names.length ? rest : '',
    literalLength: literals.reduce((sum, l) => sum + l.length, rest.length),
    translation,
  };
}

const fill = (text: string, values: Values) =>
  text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);

/** One language's catalog, compiled: translates the messages its templates match. */
export class MessageCatalog {
  private readonly exact = new Map<string, string>();
  private readonly patterns: Compiled[] = [];

  constructor(catalog: Catalog) {
    for (const [template, translation] of Object.entries(catalog)) {
      if (typeof translation === 'string' && !placeholdersOf(template).length) {
        this.exact.set(template, translation);
      } else {
        this.patterns.push(compile(template, translation));
      }
    }
    // The most specific template wins: "Deal {id} not found" before "{what} {id} not found".
    this.patterns.sort((a, b) => b.literalLength - a.literalLength || a.names.length - b.names.length);
  }

  /** The translation of one message its templates match, or null. */
  translate(message: string): string | null {
    const exact = this.exact.get(message);
    if (exact !== undefined) return exact;
    for (const p of this.patterns) {
      if (!message.startsWith(p.head) || !message.endsWith(p.tail)) continue;
      const m = p.regex.exec(message);
      if (!m) continue;
      const values: Record<string, string> = {};
      p.names.forEach((name, i) => {
        const value = m[i + 1] as string;
        values[name] = name === NESTED ? (this.translate(value) ?? value) : value;
      });
      const out = typeof p.translation === 'string' ? fill(p.translation, values) : p.translation(values);
      if (out !== null) return out;
    }
    return null;
  }

  /**
   * A top-level message: a template match, else its "field: message" parts (joined by "; ") with each
   * message translated and each field name kept; parts no template matches stay English. Null when nothing
   * was translated.
   */
  translateMessage(message: string): string | null {
    const whole = this.translate(message);
    if (whole !== null) return whole;
    let translated = false;
    const parts = message.split(PART_SEPARATOR).map((part) => {
      const prefixed = FIELD_PREFIXED.exec(part);
      const text = prefixed ? (prefixed[2] as string) : part;
      const t = text === message ? null : this.translate(text);
      if (t === null) return part;
      translated = true;
      return prefixed ? `${prefixed[1]}: ${t}` : t;
    });
    return translated ? parts.join('; ') : null;
  }
}
