import type { Ctx } from '../../context.js';
import { convertLead } from '../../modules/leads/lead.convert.js';
import { withTx } from '../tx.js';
import type { Stage } from './demo-deals.js';
import { addDays, type Rng } from './demo-random.js';
import { BATCH, backdate, type Made } from './demo-records.js';

/**
 * Lead conversion through the conversion service: a processed lead becomes a contact (and a company when
 * the lead names one) and a deal. Everything it creates is dated a few days after the lead.
 */
export type DemoLead = Made & { status: string; hasCompany: boolean };

export async function convertLeads(
  ctx: Ctx,
  rng: Rng,
  leads: DemoLead[],
  stages: Stage[],
  count: number,
  stageFor: (rng: Rng, stages: Stage[], at: Date) => Stage,
): Promise<number> {
  const chosen = rng.sample(
    leads.filter((l) => l.status === 'PROCESSED'),
    count,
  );
  const now = Date.now();
  for (let start = 0; start < chosen.length; start += BATCH) {
    // drawn before the transaction, which may run more than once (db/tx.ts)
    const planned = chosen.slice(start, start + BATCH).map((lead) => {
      const at = new Date(Math.min(addDays(lead.createdAt, rng.int(1, 20)).getTime(), now - 3600_000));
      return { lead, at, stage: stageFor(rng, stages, at) };
    });
    await withTx(ctx.db, async (db) => {
      const tx = { ...ctx, db };
      for (const { lead, at, stage } of planned) {
        const result = await convertLead(tx, lead.id, {
          contact: { create: true },
          ...(lead.hasCompany ? { company: { create: true } } : {}),
          deal: { create: true, stageId: stage.id },
        });
        const by = lead.seller.id;
        if (result.contact) await backdate(tx, 'contacts', 'contact', result.contact.id, at, by);
        if (result.company) await backdate(tx, 'companies', 'company', result.company.id, at, by);
        if (result.deal) await backdate(tx, 'deals', 'deal', result.deal.id, at, by);
        const iso = at.toISOString();
        await db.kysely
          .updateTable('leads')
          .set({ converted_at: iso, updated_at: iso, updated_by: by })
          .where('id', '=', lead.id)
          .execute();
        await db.kysely
          .updateTable('history')
          .set({ at: iso, actor_id: by })
          .where('entity_type', '=', 'lead')
          .where('entity_id', '=', lead.id)
          .where('action', '=', 'convert')
          .execute();
      }
    });
  }
  return chosen.length;
}
