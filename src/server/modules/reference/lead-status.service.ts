import type { z } from 'zod';
import type {
  LEAD_STATUS_SEMANTICS,
  leadStatusCreate,
  leadStatusUpdate,
} from '../../../shared/schemas/org.js';
import type { Actor } from '../../access/actor.js';
import { assertAdmin } from '../../access/rights.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { LeadStatusesTable } from '../../db/schema.js';
import { withTx } from '../../db/tx.js';
import { invalid, notFound } from '../../errors.js';
import { conflict } from '../../optimistic.js';
import { codeFromName, firstFreeCode } from './code.js';
import { listLeadStatuses } from './reference.repository.js';

/**
 * Lead statuses (administrators change them). Conversion needs exactly one "converted" status and new leads
 * start in the first "process" one, so those always remain.
 */
type LeadStatusCreate = z.output<typeof leadStatusCreate>;
type LeadStatusUpdate = z.output<typeof leadStatusUpdate>;
type Semantics = (typeof LEAD_STATUS_SEMANTICS)[number];
type LeadStatusView = Awaited<ReturnType<typeof listLeadStatuses>>[number];

async function status(db: Db, id: number): Promise<LeadStatusView> {
  const found = (await listLeadStatuses(db)).find((s) => s.id === id);
  if (!found) throw notFound('Lead status', id);
  return found;
}

function statusSetProblem(semantics: Semantics[]): string | null {
  if (semantics.filter((s) => s === 'converted').length !== 1)
    return 'exactly one lead status must have "converted" semantics';
  if (!semantics.includes('process')) return 'at least one lead status must have "process" semantics';
  return null;
}

const defaultColor = (s: Semantics) => (s === 'converted' ? '#40c057' : s === 'junk' ? '#fa5252' : '#4dabf7');
const codeTaken = (code: string) =>
  conflict(`Lead status code ${code} is already used`, [{ field: 'code', message: 'is already used' }]);

/** Without an explicit sort, a new in-progress status goes after the last in-progress one, others last. */
async function placeStatus(db: Db, all: LeadStatusView[], id: number, semantics: Semantics): Promise<void> {
  const ids = all.map((s) => s.id);
  const at = semantics === 'process' ? all.map((s) => s.semantics).lastIndexOf('process') + 1 : ids.length;
  ids.splice(at, 0, id);
  for (const [i, statusId] of ids.entries())
    await db.kysely
      .updateTable('lead_statuses')
      .set({ sort: i * 10 })
      .where('id', '=', statusId)
      .execute();
}

export async function createLeadStatus(
  db: Db,
  actor: Actor,
  input: LeadStatusCreate,
): Promise<LeadStatusView> {
  assertAdmin(actor);
  let code = input.code ?? '';
  try {
    return await withTx(db, async (tx) => {
      const all = await listLeadStatuses(tx);
      const problem = statusSetProblem([...all.map((s) => s.semantics), input.semantics]);
      if (problem) throw invalid([{ field: 'semantics', message: problem }]);
      const taken = new Set(all.map((s) => s.code));
      if (input.code !== undefined && taken.has(input.code)) throw codeTaken(input.code);
      code = input.code ?? firstFreeCode(codeFromName(input.name, 'STATUS'), taken);
      const row = await tx.kysely
        .insertInto('lead_statuses')
        .values({
          code,
          name: input.name,
          semantics: input.semantics,
          color: (input.color ?? defaultColor(input.semantics)).toLowerCase(),
          sort: input.sort ?? 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.sort === undefined) await placeStatus(tx, all, row.id, input.semantics);
      return status(tx, row.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(code);
    throw err;
  }
}

/** A semantics change (say process → junk) also reaches the leads in that status, in the same transaction. */
export async function updateLeadStatus(
  db: Db,
  actor: Actor,
  id: number,
  input: LeadStatusUpdate,
): Promise<LeadStatusView> {
  assertAdmin(actor);
  return withTx(db, async (tx) => {
    const existing = await status(tx, id);
    const semantics = input.semantics ?? existing.semantics;
    const changesSemantics = semantics !== existing.semantics;
    if (changesSemantics) {
      const all = await listLeadStatuses(tx);
      const problem = statusSetProblem(all.map((s) => (s.id === id ? semantics : s.semantics)));
      if (problem) throw invalid([{ field: 'semantics', message: problem }]);
    }
    const values: Partial<Omit<LeadStatusesTable, 'id'>> = {};
    if (input.name !== undefined) values.name = input.name;
    if (input.color !== undefined) values.color = input.color.toLowerCase();
    if (input.sort !== undefined) values.sort = input.sort;
    if (changesSemantics) values.semantics = semantics;
    if (Object.keys(values).length)
      await tx.kysely.updateTable('lead_statuses').set(values).where('id', '=', id).execute();
    if (changesSemantics) {
      await tx.kysely
        .updateTable('leads')
        .set({ status_semantics: semantics })
        .where('status_id', '=', id)
        .execute();
    }
    return status(tx, id);
  });
}

export async function deleteLeadStatus(db: Db, actor: Actor, id: number): Promise<void> {
  assertAdmin(actor);
  await withTx(db, async (tx) => {
    const existing = await status(tx, id);
    const used = await tx.kysely
      .selectFrom('leads')
      .select('id')
      .where('status_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used) throw conflict(`Lead status "${existing.name}" has leads; move them to another status first`);
    const rest = (await listLeadStatuses(tx)).filter((s) => s.id !== id);
    const problem = statusSetProblem(rest.map((s) => s.semantics));
    if (problem) throw conflict(`Lead status "${existing.name}" cannot be deleted: ${problem}`);
    await tx.kysely.deleteFrom('lead_statuses').where('id', '=', id).execute();
  });
}
