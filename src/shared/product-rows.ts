import { divRound } from './money.js';

/**
 * Exact figures of product rows (leads, deals, later quotes and invoices). Pure and shared with the web UI.
 *
 * Units: money in hundredths, quantities in thousandths, rates in basis points, all as bigint; never floats.
 * Each row is rounded half away from zero on its own, and record totals are sums of the rounded row
 * figures, so a printed document always adds up:
 *   discount per unit = price × rate            (percent) or the given sum per unit (amount)
 *   priceAfterDiscount = price − discount per unit
 *   sum     = priceAfterDiscount × quantity     (the row's amount as priced, tax included or not)
 *   taxSum  = sum × rate / (100% + rate)        when the tax is included in the price,
 *             sum × rate                        when it is added on top
 *   total   = sum + taxSum when the tax is added on top, else sum
 * Record totals: subtotal = Σ price × quantity (before discounts), discountTotal = Σ (that − sum),
 * taxTotal = Σ taxSum, total = Σ row totals = subtotal − discountTotal + added tax.
 */

export type DiscountType = 'percent' | 'amount';

export interface RowAmounts {
  /** Unit price in hundredths, as entered (includes the tax when taxIncluded). */
  price: bigint;
  /** Thousandths of a unit ("1.5" → 1500n). */
  quantity: bigint;
  discountType: DiscountType;
  /** Basis points; used when discountType is 'percent'. */
  discountRate: bigint;
  /** Hundredths per unit; used when discountType is 'amount'. */
  discountSum: bigint;
  /** Basis points, or null for no tax. */
  taxRate: bigint | null;
  taxIncluded: boolean;
}

export interface RowFigures {
  /** Discount per unit in hundredths. */
  discountPerUnit: bigint;
  /** The discount as a rate in basis points (computed for amount discounts). */
  discountRate: bigint;
  priceAfterDiscount: bigint;
  /** price × quantity before the discount. */
  gross: bigint;
  sum: bigint;
  taxSum: bigint;
  total: bigint;
}

export interface Totals {
  subtotal: bigint;
  discountTotal: bigint;
  taxTotal: bigint;
  total: bigint;
}

const FULL_RATE = 10_000n;
const QTY_UNIT = 1000n;

export function computeRow(row: RowAmounts): RowFigures {
  const discountPerUnit =
    row.discountType === 'percent' ? divRound(row.price * row.discountRate, FULL_RATE) : row.discountSum;
  const discountRate =
    row.discountType === 'percent'
      ? row.discountRate
      : row.price === 0n
        ? 0n
        : divRound(row.discountSum * FULL_RATE, row.price);
  const priceAfterDiscount = row.price - discountPerUnit;
  const gross = divRound(row.price * row.quantity, QTY_UNIT);
  const sum = divRound(priceAfterDiscount * row.quantity, QTY_UNIT);
  const rate = row.taxRate ?? 0n;
  const taxSum = row.taxIncluded ? divRound(sum * rate, FULL_RATE + rate) : divRound(sum * rate, FULL_RATE);
  const total = row.taxIncluded ? sum : sum + taxSum;
  return { discountPerUnit, discountRate, priceAfterDiscount, gross, sum, taxSum, total };
}

export function computeTotals(figures: RowFigures[]): Totals {
  const totals: Totals = { subtotal: 0n, discountTotal: 0n, taxTotal: 0n, total: 0n };
  for (const f of figures) {
    totals.subtotal += f.gross;
    totals.discountTotal += f.gross - f.sum;
    totals.taxTotal += f.taxSum;
    totals.total += f.total;
  }
  return totals;
}

/** Why a row cannot be computed, by field; empty when it is fine. */
export function rowProblems(row: RowAmounts): { field: keyof RowAmounts; message: string }[] {
  const problems: { field: keyof RowAmounts; message: string }[] = [];
  if (row.price < 0n) problems.push({ field: 'price', message: 'must not be negative' });
  if (row.quantity <= 0n) problems.push({ field: 'quantity', message: 'must be greater than 0' });
  if (row.discountType === 'amount' && (row.discountSum < 0n || row.discountSum > row.price)) {
    problems.push({ field: 'discountSum', message: 'must be between 0 and the price' });
  }
  if (row.discountType === 'percent' && (row.discountRate < 0n || row.discountRate > FULL_RATE)) {
    problems.push({ field: 'discountRate', message: 'must be between 0 and 100' });
  }
  return problems;
}
