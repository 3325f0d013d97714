import type { FieldIssue } from '../../../shared/errors.js';
import { rowProblems } from '../../../shared/product-rows.js';
import type { ProductRowInput } from '../../../shared/schemas/products.js';
import { reachCondition, reachOf } from '../../access/rights.js';
import type { Ctx } from '../../context.js';
import { invalid } from '../../errors.js';
import { amountsOf, type StoredRow } from './product-row.math.js';

/** Turns validated row input into stored rows: product defaults filled, cross-field rules checked. */

interface ProductDefaults {
  id: number;
  name: string;
  price: number;
  currency: string;
  vat_rate: number | null;
  vat_included: number;
  measure: string;
}

/** The catalog products the rows name, limited to those the actor may read. */
async function loadProducts(ctx: Ctx, inputs: ProductRowInput[]): Promise<Map<number, ProductDefaults>> {
  const ids = [...new Set(inputs.map((r) => r.productId).filter((p): p is number => typeof p === 'number'))];
  if (!ids.length) return new Map();
  const reach = await reachOf(ctx.db, ctx.actor, 'product', 'read');
  const rows = await ctx.db.kysely
    .selectFrom('products')
    .select(['id', 'name', 'price', 'currency', 'vat_rate', 'vat_included', 'measure'])
    .where('id', 'in', ids)
    .where(reachCondition(reach, 'created_by'))
    .execute();
  return new Map(rows.map((p) => [p.id, p]));
}

function discountIssues(input: ProductRowInput, at: string): FieldIssue[] {
  if (input.discountType === 'percent' && input.discountSum !== undefined)
    return [{ field: `${at}.discountSum`, message: 'is only for discountType "amount"' }];
  if (input.discountType === 'amount' && input.discountRate !== undefined)
    return [{ field: `${at}.discountRate`, message: 'is only for discountType "percent"' }];
  return [];
}

function toStored(
  input: ProductRowInput,
  product: ProductDefaults | undefined,
  currency: string,
  at: string,
  issues: FieldIssue[],
): StoredRow {
  const name = input.name?.trim() || product?.name;
  if (!name) issues.push({ field: `${at}.name`, message: 'is required when no productId is given' });
  let price = input.price;
  if (price === undefined && product) {
    if (product.currency === currency) price = product.price;
    else
      issues.push({
        field: `${at}.price`,
        message: `is required: the product is priced in ${product.currency}, the record in ${currency}`,
      });
  } else if (price === undefined) {
    issues.push({ field: `${at}.price`, message: 'is required when no productId is given' });
  }
  const taxRate = input.taxRate === undefined ? (product?.vat_rate ?? null) : input.taxRate;
  return {
    product_id: product?.id ?? null,
    name: name ?? '',
    price: price ?? 0,
    quantity: input.quantity,
    discount_type: input.discountType,
    discount_rate: input.discountRate ?? 0,
    discount_sum: input.discountSum ?? 0,
    tax_rate: taxRate,
    tax_included: (input.taxIncluded ?? Boolean(product?.vat_included)) ? 1 : 0,
    measure: input.measure ?? product?.measure ?? 'pcs',
    sort: 0,
  };
}

/** Validated inputs → stored rows in the record's currency; 400 naming rows.N.field for every problem. */
export async function resolveRows(
  ctx: Ctx,
  inputs: ProductRowInput[],
  currency: string,
): Promise<StoredRow[]> {
  const products = await loadProducts(ctx, inputs);
  const issues: FieldIssue[] = [];
  const rows = inputs.map((input, i) => {
    const at = `rows.${i}`;
    issues.push(...discountIssues(input, at));
    const product = typeof input.productId === 'number' ? products.get(input.productId) : undefined;
    if (typeof input.productId === 'number' && !product) {
      // the other fields would default from the product: report only the missing product
      issues.push({ field: `${at}.productId`, message: `no product with id ${input.productId}` });
      return toStored(input, undefined, currency, at, []);
    }
    const row = { ...toStored(input, product, currency, at, issues), sort: i * 10 };
    for (const p of rowProblems(amountsOf(row)))
      issues.push({ field: `${at}.${p.field}`, message: p.message });
    return row;
  });
  if (issues.length) throw invalid(issues);
  return rows;
}
