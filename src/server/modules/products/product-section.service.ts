import { sql } from 'kysely';
import type { Action } from '../../../shared/access.js';
import type { SectionCreate, SectionUpdate } from '../../../shared/schemas/products.js';
import { scopeOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import { nowIso, withTx } from '../../db/tx.js';
import { forbidden, invalid, notFound } from '../../errors.js';

/**
 * Catalog sections: a tree through parentId. Sections belong to the whole catalog, so the product rights
 * decide: any scope but 'none' for the action is enough.
 */

export interface SectionView {
  id: number;
  name: string;
  parentId: number | null;
  sort: number;
}

const present = (r: { id: number; name: string; parent_id: number | null; sort: number }): SectionView => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  sort: r.sort,
});

function assertRight(ctx: Ctx, action: Action): void {
  if (scopeOf(ctx.actor, 'product', action) === 'none')
    throw forbidden(`You may not ${action} product sections`);
}

async function loadSection(ctx: Ctx, id: number) {
  const row = await ctx.db.kysely
    .selectFrom('product_sections')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Product section', id);
  return row;
}

/** Every section as a flat list ordered by sort and name; clients build the tree from parentId. */
export async function listSections(ctx: Ctx): Promise<SectionView[]> {
  assertRight(ctx, 'read');
  const rows = await ctx.db.kysely
    .selectFrom('product_sections')
    .selectAll()
    .orderBy('sort')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(present);
}

export async function getSection(ctx: Ctx, id: number): Promise<SectionView> {
  assertRight(ctx, 'read');
  return present(await loadSection(ctx, id));
}

/** The parent must exist and must not be the section itself or one of its descendants. */
async function assertParent(ctx: Ctx, parentId: number, sectionId: number | null): Promise<void> {
  const seen = new Set<number>();
  let current: number | null = parentId;
  while (current !== null) {
    if (current === sectionId)
      throw invalid([
        { field: 'parentId', message: 'a section cannot be placed inside itself or its subsection' },
      ]);
    if (seen.has(current)) break; // an older cycle in the data: stop rather than loop
    seen.add(current);
    const row: { parent_id: number | null } | undefined = await ctx.db.kysely
      .selectFrom('product_sections')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) {
      if (current === parentId)
        throw invalid([{ field: 'parentId', message: `no product section with id ${parentId}` }]);
      break;
    }
    current = row.parent_id;
  }
}

export async function createSection(ctx: Ctx, input: SectionCreate): Promise<SectionView> {
  assertRight(ctx, 'create');
  return withTx(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    if (input.parentId) await assertParent(tx, input.parentId, null);
    const row = await db.kysely
      .insertInto('product_sections')
      .values({ name: input.name, parent_id: input.parentId ?? null, sort: input.sort ?? 500 })
      .returningAll()
      .executeTakeFirstOrThrow();
    return present(row);
  });
}

export async function updateSection(ctx: Ctx, id: number, input: SectionUpdate): Promise<SectionView> {
  assertRight(ctx, 'update');
  if (!Object.keys(input).length) throw invalid([{ field: '(body)', message: 'names no field to change' }]);
  return withTx(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    await loadSection(tx, id);
    if (input.parentId) await assertParent(tx, input.parentId, id);
    const values = {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.parentId === undefined ? {} : { parent_id: input.parentId }),
      ...(input.sort === undefined ? {} : { sort: input.sort }),
    };
    await db.kysely.updateTable('product_sections').set(values).where('id', '=', id).execute();
    return present(await loadSection(tx, id));
  });
}

/**
 * Deletes a section. Its products move to no section (their version is bumped so open editors notice);
 * its subsections move up to the deleted section's parent, so the rest of the tree stays intact.
 */
export async function deleteSection(ctx: Ctx, id: number): Promise<void> {
  assertRight(ctx, 'delete');
  await withTx(ctx.db, async (db) => {
    const section = await loadSection({ ...ctx, db }, id);
    await db.kysely
      .updateTable('products')
      .set({
        section_id: null,
        version: sql`version + 1`,
        updated_by: ctx.actor.userId || null,
        updated_at: nowIso(),
      })
      .where('section_id', '=', id)
      .execute();
    await db.kysely
      .updateTable('product_sections')
      .set({ parent_id: section.parent_id })
      .where('parent_id', '=', id)
      .execute();
    await db.kysely.deleteFrom('product_sections').where('id', '=', id).execute();
  });
}
