import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';
import { computeRow, computeTotals, type RowAmounts, rowProblems } from './product-rows.js';

const row = (over: Partial<RowAmounts>): RowAmounts => ({
  price: 0n,
  quantity: 1000n,
  discountType: 'percent',
  discountRate: 0n,
  discountSum: 0n,
  taxRate: null,
  taxIncluded: false,
  ...over,
});

const money = (figures: Record<string, bigint>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, formatMoney(v)]));

describe('product row figures', () => {
  it('3 × 33.33 with a 10% discount and 20% tax on top', () => {
    const f = computeRow(
      row({ price: 3333n, quantity: 3000n, discountRate: 1000n, taxRate: 2000n, taxIncluded: false }),
    );
    // discount per unit 3.333 → 3.33; 30.00 × 3 = 90.00; tax 18.00
    expect(money({ ...f })).toMatchObject({
      discountPerUnit: '3.33',
      priceAfterDiscount: '30.00',
      gross: '99.99',
      sum: '90.00',
      taxSum: '18.00',
      total: '108.00',
    });
    expect(money({ ...computeTotals([f]) })).toEqual({
      subtotal: '99.99',
      discountTotal: '9.99',
      taxTotal: '18.00',
      total: '108.00',
    });
  });

  it('tax included in the price is extracted, not added', () => {
    const f = computeRow(row({ price: 12000n, quantity: 2000n, taxRate: 2000n, taxIncluded: true }));
    expect(money({ sum: f.sum, taxSum: f.taxSum, total: f.total })).toEqual({
      sum: '240.00',
      taxSum: '40.00',
      total: '240.00',
    });
    // 10.00 with 18% included: 10 × 18 / 118 = 1.5254… → 1.53
    expect(formatMoney(computeRow(row({ price: 1000n, taxRate: 1800n, taxIncluded: true })).taxSum)).toBe(
      '1.53',
    );
  });

  it('an amount discount per unit, and its equivalent rate', () => {
    const f = computeRow(row({ price: 10000n, quantity: 2000n, discountType: 'amount', discountSum: 1550n }));
    expect(money({ p: f.priceAfterDiscount, s: f.sum })).toEqual({ p: '84.50', s: '169.00' });
    expect(f.discountRate).toBe(1550n);
  });

  it('fractional quantities round half up per row', () => {
    // 1.5 × 33.33 = 49.995 → 50.00
    expect(formatMoney(computeRow(row({ price: 3333n, quantity: 1500n })).sum)).toBe('50.00');
    // 0.001 × 4.99 = 0.00499 → 0.00
    expect(formatMoney(computeRow(row({ price: 499n, quantity: 1n })).sum)).toBe('0.00');
  });

  it('totals are sums of rounded rows: 3 rows of 0.005 tax round each', () => {
    const rows = [1, 2, 3].map(() => computeRow(row({ price: 5n, taxRate: 10000n }))); // 100% tax of 0.05
    expect(computeTotals(rows)).toEqual({ subtotal: 15n, discountTotal: 0n, taxTotal: 15n, total: 30n });
    const half = [1, 2, 3].map(() => computeRow(row({ price: 5n, taxRate: 1000n }))); // 0.005 → 0.01
    expect(computeTotals(half).taxTotal).toBe(3n);
  });

  it('reports impossible rows', () => {
    expect(rowProblems(row({ price: -1n, quantity: 0n }))).toEqual([
      { field: 'price', message: 'must not be negative' },
      { field: 'quantity', message: 'must be greater than 0' },
    ]);
    expect(rowProblems(row({ price: 100n, discountType: 'amount', discountSum: 101n }))[0]?.field).toBe(
      'discountSum',
    );
  });
});
