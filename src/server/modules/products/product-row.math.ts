import { formatMoney, formatQuantity, formatRate } from '../../../shared/money.js';
import {
  computeRow,
  computeTotals,
  type DiscountType,
  type RowAmounts,
  type RowFigures,
  type Totals,
} from '../../../shared/product-rows.js';

/** Stored product rows ↔ the shared exact computation ↔ the API shape. */

/** A row's stored values (integers as the database keeps them, before the id is known). */
export interface StoredRow {
  product_id: number | null;
  name: string;
  price: number;
  quantity: number;
  discount_type: string;
  discount_rate: number;
  discount_sum: number;
  tax_rate: number | null;
  tax_included: number;
  measure: string;
  sort: number;
}

export function amountsOf(row: StoredRow): RowAmounts {
  return {
    price: BigInt(row.price),
    quantity: BigInt(row.quantity),
    discountType: row.discount_type as DiscountType,
    discountRate: BigInt(row.discount_rate),
    discountSum: BigInt(row.discount_sum),
    taxRate: row.tax_rate === null ? null : BigInt(row.tax_rate),
    taxIncluded: Boolean(row.tax_included),
  };
}

/** Stores both discount forms: the one given and the one computed from it, as Bitrix24 does. */
export function withComputedDiscount(row: StoredRow): { row: StoredRow; figures: RowFigures } {
  const figures = computeRow(amountsOf(row));
  return {
    row: {
      ...row,
      discount_rate: Number(figures.discountRate),
      discount_sum: Number(figures.discountPerUnit),
    },
    figures,
  };
}

export function presentRow(row: StoredRow & { id?: number }, figures: RowFigures) {
  return {
    ...(row.id === undefined ? {} : { id: row.id }),
    productId: row.product_id,
    name: row.name,
    price: formatMoney(row.price),
    quantity: formatQuantity(row.quantity),
    measure: row.measure,
    discountType: row.discount_type as DiscountType,
    discountRate: formatRate(row.discount_rate),
    discountSum: formatMoney(row.discount_sum),
    taxRate: row.tax_rate === null ? null : formatRate(row.tax_rate),
    taxIncluded: Boolean(row.tax_included),
    priceAfterDiscount: formatMoney(figures.priceAfterDiscount),
    sum: formatMoney(figures.sum),
    taxSum: formatMoney(figures.taxSum),
    total: formatMoney(figures.total),
  };
}
export type PresentedRow = ReturnType<typeof presentRow>;

export function presentTotals(t: Totals) {
  return {
    subtotal: formatMoney(t.subtotal),
    discountTotal: formatMoney(t.discountTotal),
    taxTotal: formatMoney(t.taxTotal),
    total: formatMoney(t.total),
  };
}

export function totalsOf(rows: StoredRow[]): Totals {
  return computeTotals(rows.map((r) => computeRow(amountsOf(r))));
}
