import type { RecordEntity } from '../../../shared/access.js';
import type { Actor } from '../../access/actor.js';
import type { Ctx } from '../../context.js';

/**
 * What one record write has learned about its links, so presenting the written record does not read them
 * again: the linked records it checked or showed (they exist and the actor may read them, with a
 * company's title) and the link rows it read or wrote (a write replaces what was read). Lives for one
 * write only; everything in it was true inside its transaction, for the actor who made the write (see
 * knownRefs).
 */
export class KnownRefs {
  constructor(readonly actor: Actor) {}

  readonly #readable = new Map<RecordEntity, Map<number, string | null>>();
  readonly #links = new Map<string, Map<number, number[]>>();

  /** Records found readable by the actor; `title` where the check read it. */
  readable(entity: RecordEntity, rows: { id: number; title?: string | null }[]): void {
    const known = this.#readable.get(entity) ?? new Map<number, string | null>();
    this.#readable.set(entity, known);
    for (const r of rows) known.set(r.id, r.title ?? known.get(r.id) ?? null);
  }

  isReadable(entity: RecordEntity, id: number): boolean {
    return this.#readable.get(entity)?.has(id) ?? false;
  }

  /** A readable record's title, when the check read it. */
  titleOf(entity: RecordEntity, id: number): string | undefined {
    return this.#readable.get(entity)?.get(id) ?? undefined;
  }

  /** The link rows of one record, as just read or written (in their order). */
  linked(table: string, ownColumn: string, ownId: number, otherIds: number[]): void {
    const key = `${table}.${ownColumn}`;
    const known = this.#links.get(key) ?? new Map<number, number[]>();
    this.#links.set(key, known);
    known.set(ownId, otherIds);
  }

  linksOf(table: string, ownColumn: string, ownId: number): number[] | undefined {
    return this.#links.get(`${table}.${ownColumn}`)?.get(ownId);
  }
}

/** The write's knowledge, when the context is still that write's actor (readability is theirs alone). */
export const knownRefs = (ctx: Ctx): KnownRefs | undefined =>
  ctx.known && ctx.known.actor === ctx.actor ? ctx.known : undefined;
