import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { formatMoney } from '../../../shared/money.js';
import { reachCondition, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { registry } from '../../query/fields.js';
import { compileFilter, parseFilter } from '../../query/filter.js';
import { leadEntity } from '../leads/lead.entity.js';
import { defaultPipelineId, pipelineExists, stageRows } from '../pipelines/pipeline.repository.js';
import type { EntityDescriptor } from '../records/descriptor.js';
import { recordSchemaOf } from '../records/record.service.js';
import { dealEntity } from './deal.entity.js';

/**
 * Kanban totals: per column (deal stage or lead status) the number of records and their sum per currency,
 * counted over the records the actor may read and matching the same filter the column lists use.
 * One GROUP BY query per board, answered from the covering indexes ix_deals_board / ix_leads_board.
 */

export interface MoneySum {
  currency: string;
  amount: string;
}
export interface ColumnTotals {
  count: number;
  sums: MoneySum[];
}
export interface DealBoard {
  pipelineId: number;
  stages: ({ stageId: number } & ColumnTotals)[];
}
export interface LeadBoard {
  statuses: ({ statusId: number } & ColumnTotals)[];
}

// biome-ignore lint/suspicious/noExplicitAny: the condition applies to whichever record table the board reads
type AnyEB = ExpressionBuilder<any, any>;
type Where = (eb: AnyEB) => Expression<SqlBool>;

/** The filter (API field names, custom fields included) compiled against the entity's table. */
async function filterCondition(ctx: Ctx, d: EntityDescriptor, input: unknown): Promise<Where | null> {
  if (input === undefined || input === null) return null;
  const { fields } = await recordSchemaOf(ctx, d);
  return compileFilter(parseFilter(input, registry(fields)), d.table);
}

interface GroupRow {
  key: number;
  currency: string;
  n: number | string;
  total: string | number | null;
}

async function groupTotals(
  ctx: Ctx,
  d: EntityDescriptor,
  groupColumn: 'stage_id' | 'status_id',
  scope: Where,
  filterInput: unknown,
): Promise<Map<number, ColumnTotals>> {
  const filter = await filterCondition(ctx, d, filterInput);
  const reach = await reachOf(ctx.db, ctx.actor, d.entity, 'read');
  const t = d.table;
  let q = ctx.db.kysely
    .selectFrom(t)
    .where(scope)
    .$if(reach.kind !== 'all', (b) => b.where(reachCondition(reach, `${t}.${d.ownerColumn}`)));
  if (filter) q = q.where(filter);
  const rows = (await q
    .select([
      sql<number>`${sql.ref(`${t}.${groupColumn}`)}`.as('key'),
      sql<string>`${sql.ref(`${t}.currency`)}`.as('currency'),
      sql<number>`count(*)`.as('n'),
      // text keeps the exact integer on both engines (a JS number would round beyond 2^53 hundredths)
      sql<string | null>`cast(sum(${sql.ref(`${t}.amount`)}) as text)`.as('total'),
    ])
    .groupBy([sql.ref(`${t}.${groupColumn}`), sql.ref(`${t}.currency`)])
    .execute()) as GroupRow[];

  const byKey = new Map<number, ColumnTotals>();
  for (const r of rows) {
    const key = Number(r.key);
    const totals = byKey.get(key) ?? { count: 0, sums: [] };
    totals.count += Number(r.n);
    totals.sums.push({ currency: r.currency, amount: formatMoney(BigInt(String(r.total ?? '0'))) });
    byKey.set(key, totals);
  }
  for (const totals of byKey.values()) totals.sums.sort((a, b) => a.currency.localeCompare(b.currency));
  return byKey;
}

const empty = (): ColumnTotals => ({ count: 0, sums: [] });

/** Totals of every stage of a pipeline (the default pipeline when none is given), in board order. */
export async function dealBoard(
  ctx: Ctx,
  pipelineId: number | undefined,
  filter: unknown,
): Promise<DealBoard> {
  const id = pipelineId ?? (await defaultPipelineId(ctx.db));
  if (id === null || !(await pipelineExists(ctx.db, id))) throw notFound('Pipeline', pipelineId);
  const [stages, totals] = await Promise.all([
    stageRows(ctx.db, id),
    groupTotals(ctx, dealEntity, 'stage_id', (eb) => eb(eb.ref('deals.pipeline_id'), '=', id), filter),
  ]);
  return {
    pipelineId: id,
    stages: stages.map((s) => ({ stageId: s.id, ...(totals.get(s.id) ?? empty()) })),
  };
}

/** Totals of every lead status, in board order. */
export async function leadBoard(ctx: Ctx, filter: unknown): Promise<LeadBoard> {
  const [statuses, totals] = await Promise.all([
    ctx.db.kysely.selectFrom('lead_statuses').select('id').orderBy('sort').orderBy('id').execute(),
    groupTotals(ctx, leadEntity, 'status_id', () => sql<boolean>`1 = 1`, filter),
  ]);
  return { statuses: statuses.map((s) => ({ statusId: s.id, ...(totals.get(s.id) ?? empty()) })) };
}
