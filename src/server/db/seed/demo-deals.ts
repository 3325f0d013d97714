import { formatMoney } from '../../../shared/money.js';
import type { Ctx } from '../../context.js';
import { dealEntity } from '../../modules/deals/deal.entity.js';
import { replaceProductRows } from '../../modules/products/product-row.service.js';
import type { DemoProduct, Seller } from './demo-org.js';
import { addDays, isoDay, type Rng } from './demo-random.js';
import {
  CURRENCIES,
  createMany,
  groupBy,
  type Made,
  type MadeCompany,
  PER_USD,
  pickOrNull,
  pickSeller,
} from './demo-records.js';

/** Demo deals in both pipelines; most have product rows (VAT included), whose sum is the deal amount. */
export interface Stage {
  id: number;
  pipeline_id: number;
  code: string;
  semantics: string;
  sort: number;
}

interface Row {
  product: DemoProduct;
  price: number;
  quantity: number;
}

export interface DealWorld {
  sellers: Seller[];
  companies: MadeCompany[];
  contacts: (Made & { company: MadeCompany | null })[];
  products: DemoProduct[];
  stages: Stage[];
  salesPipelineId: number;
  servicePipelineId: number;
  sourceIds: number[];
}

const TITLES = {
  en: ['{p} for {c}', 'Supply of {p}', '{c}: office refresh', 'Annual contract, {c}', '{p}, {n} pcs'],
  ru: [
    'Поставка: {p} для {c}',
    'Поставка: {p}',
    '{c}: обновление офиса',
    'Годовой договор, {c}',
    '{p}, {n} шт.',
  ],
  hy: ['{p}՝ {c}', '{c}: գրասենյակի թարմացում', 'Supply of {p}', 'Տարեկան պայմանագիր, {c}'],
} as const;
const SERVICE_TITLES = ['Repair: {p}', 'Maintenance contract, {c}', 'Network audit, {c}', 'Support: {p}'];

/** Rows priced in the deal currency (whole units for RUB/AMD); hours and services get fractional quantities. */
function productRows(rng: Rng, products: DemoProduct[], currency: string, service: boolean): Row[] {
  const pool = products.filter((p) => p.service === service || rng.chance(0.15));
  return rng.sample(pool.length ? pool : products, rng.int(1, 4)).map((product) => {
    const rate = PER_USD[currency] ?? 1;
    const whole = currency === 'RUB' || currency === 'AMD';
    const price = whole ? Math.round((product.price * rate) / 100) * 100 : Math.round(product.price * rate);
    const units =
      product.measure === 'h' ? rng.int(2, 80) * 500 : rng.int(1, product.price > 100_000 ? 5 : 25) * 1000;
    return { product, price, quantity: units };
  });
}

export function stageFor(rng: Rng, stages: Stage[], createdAt: Date): Stage {
  const age = (Date.now() - createdAt.getTime()) / 86_400_000;
  const open = stages.filter((s) => s.semantics === 'process');
  const won = stages.find((s) => s.semantics === 'won') as Stage;
  const lost = stages.find((s) => s.semantics === 'lost') as Stage;
  const closedShare = Math.min(0.85, age / 120);
  if (rng.chance(closedShare)) return rng.chance(0.55) ? won : lost;
  // young deals sit in the early stages
  const reach = Math.max(1, Math.min(open.length, Math.ceil((age / 60) * open.length)));
  return rng.pick(open.slice(0, reach));
}

export async function seedDeals(ctx: Ctx, rng: Rng, w: DealWorld, count: number) {
  const byPipeline = groupBy(w.stages, (s) => s.pipeline_id);
  const companiesByDept = groupBy(w.companies, (c) => c.seller.departmentId);
  const contactsByDept = groupBy(w.contacts, (c) => c.seller.departmentId);
  return createMany(
    ctx,
    dealEntity,
    count,
    rng,
    (_i, createdAt) => {
      const service = rng.chance(0.25);
      let seller = pickSeller(rng, w.sellers);
      const company = rng.chance(0.75) ? pickOrNull(rng, companiesByDept.get(seller.departmentId)) : null;
      if (company && rng.chance(0.8)) seller = company.seller;
      const contactIds = company?.contacts.length
        ? rng.sample(company.contacts, rng.int(1, 2))
        : [pickOrNull(rng, contactsByDept.get(seller.departmentId))?.id].filter((x): x is number => !!x);
      const stages = byPipeline.get(service ? w.servicePipelineId : w.salesPipelineId) ?? [];
      const stage = stageFor(rng, stages, createdAt);
      const currency = rng.weighted(CURRENCIES[seller.locale]);
      const rows = rng.chance(0.6) ? productRows(rng, w.products, currency, service) : [];
      const rate = PER_USD[currency] ?? 1;
      const amount = Math.round(rng.int(3, 400) * 100 * rate) * 100;
      const closed = stage.semantics !== 'process';
      const closeDate = addDays(createdAt, closed ? rng.int(3, 60) : rng.int(10, 120));
      const firstProduct = rows[0]?.product.name ?? rng.pick(w.products).name;
      const templates = service ? SERVICE_TITLES : TITLES[seller.locale];
      const qty = rows[0] ? Math.ceil(rows[0].quantity / 1000) : null;
      const fits = templates.filter((t) => (company || !t.includes('{c}')) && (qty || !t.includes('{n}')));
      const template = fits.length ? rng.pick(fits) : '{p}';
      const title = template
        .replace('{p}', firstProduct)
        .replace('{c}', company?.title ?? '')
        .replace('{n}', String(qty));
      return {
        seller,
        extra: { rows },
        input: {
          title,
          stageId: stage.id,
          ...(rows.length ? {} : { amount: formatMoney(amount) }),
          currency,
          companyId: company?.id ?? null,
          contactIds,
          sourceId: rng.pick(w.sourceIds),
          typeId: service ? 'SERVICE' : rng.pick(['SALE', 'SALE', 'COMPLEX', 'GOODS']),
          beginDate: isoDay(createdAt),
          closeDate: isoDay(closed && closeDate.getTime() > Date.now() ? new Date() : closeDate),
        },
      };
    },
    async (made, tx) => {
      if (!made.rows.length) return;
      // the product-row service computes the amount from the rows and records the change in history
      const rows = made.rows.map((r) => ({
        productId: r.product.id,
        price: r.price,
        quantity: r.quantity,
        discountType: 'percent' as const,
        taxRate: 2000,
        taxIncluded: true,
        measure: r.product.measure,
      }));
      await replaceProductRows(tx, 'deal', made.id, { rows });
    },
  );
}
