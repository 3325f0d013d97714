import type { Ctx } from '../../context.js';
import type { ErrorStyle, FieldNamer } from './errors.js';
import type { ResolvedWebhook } from './webhooks/inbound-webhook.service.js';

/** What a method receives: our service context (the webhook user's actor), its merged parameters. */
export interface B24Call {
  ctx: Ctx;
  params: Record<string, unknown>;
  webhook: ResolvedWebhook;
  registry: MethodRegistry;
  /** True inside a batch sub-call. */
  inBatch: boolean;
}

/** A method's answer: `result`, and for lists `total` and (when more rows remain) `next`. */
export interface Answer {
  result: unknown;
  total?: number;
  next?: number;
}

export const answer = (result: unknown): Answer => ({ result });

export interface MethodDef {
  name: string;
  /** The webhook scope the method needs; null for the basic methods every webhook may call. */
  scope: string | null;
  errors: ErrorStyle;
  handler(call: B24Call): Promise<Answer>;
  /** Translates field names in validation messages back to Bitrix24's. */
  namer?: FieldNamer;
  /** False for methods a batch may not contain (batch itself). */
  batchable?: boolean;
}

/** Scopes that grant a method's scope (user.* is also open to the narrower user scopes). */
const GRANTED_BY: Record<string, string[]> = {
  user: ['user', 'user_basic', 'user_brief'],
};

/** Method name → definition; names are matched without regard to case. */
export class MethodRegistry {
  readonly #methods = new Map<string, MethodDef>();

  add(...defs: MethodDef[]): void {
    for (const def of defs) this.#methods.set(def.name.toLowerCase(), def);
  }

  get(name: string): MethodDef | undefined {
    return this.#methods.get(name.toLowerCase());
  }

  allowed(def: MethodDef, scopes: Set<string>): boolean {
    if (def.scope === null) return true;
    return (GRANTED_BY[def.scope] ?? [def.scope]).some((s) => scopes.has(s));
  }

  names(filter?: (def: MethodDef) => boolean): string[] {
    return [...this.#methods.values()].filter((d) => !filter || filter(d)).map((d) => d.name);
  }

  scopes(): string[] {
    return [...new Set([...this.#methods.values()].map((d) => d.scope).filter((s): s is string => !!s))];
  }
}

/**
 * The method part of the URL as the registry knows it: `crm.deal.list`, `CRM.Deal.List.json`,
 * `crm.deal.list/` and `crm.deal.list.json/` are the same method.
 */
export function normalizeMethod(raw: string): string {
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // an undecodable name is simply no method of ours
  }
  return name
    .replace(/\/+$/, '')
    .replace(/\.(json|xml)$/i, '')
    .toLowerCase();
}
