import { formatMoney, parseMoney, parseQuantity, parseRate } from '../../../shared/money';
import {
  computeRow,
  computeTotals,
  type DiscountType,
  type RowAmounts,
  type RowFigures,
} from '../../../shared/product-rows';
import type { ProductRow, ProductRowInput } from '../../api/product-rows';
import { normalizeDecimal } from './decimal';

/**
 * Product rows while the user edits them: every number kept as the text typed, parsed with the same exact
 * rules and computed with the same shared code as the server, so the live totals equal what is saved.
 */
export interface RowDraft {
  /** Stable React key (server id or a local one). */
  key: string;
  productId: number | null;
  name: string;
  price: string;
  quantity: string;
  measure: string;
  discountType: DiscountType;
  /** Percent when discountType is 'percent', money per unit when 'amount'. */
  discount: string;
  /** Percent; empty for no tax. */
  taxRate: string;
  taxIncluded: boolean;
}

export type DraftField = 'name' | 'price' | 'quantity' | 'discount' | 'taxRate' | 'measure';

let localKey = 0;
export const newKey = () => `new-${++localKey}`;

const isZero = (s: string) => s === '' || /^0*(\.0*)?$/.test(s);
const blankIfZero = (s: string) => (isZero(s) ? '' : s);

export function draftOf(row: ProductRow): RowDraft {
  return {
    key: row.id === undefined ? newKey() : `row-${row.id}`,
    productId: row.productId,
    name: row.name,
    price: row.price,
    quantity: row.quantity,
    measure: row.measure,
    discountType: row.discountType,
    discount: blankIfZero(row.discountType === 'percent' ? row.discountRate : row.discountSum),
    taxRate: row.taxRate ?? '',
    taxIncluded: row.taxIncluded,
  };
}

export function emptyDraft(): RowDraft {
  return {
    key: newKey(),
    productId: null,
    name: '',
    price: '',
    quantity: '1',
    measure: 'pcs',
    discountType: 'percent',
    discount: '',
    taxRate: '',
    taxIncluded: true,
  };
}

/** The PUT body of one row; numbers normalised ("1 200,50" → "1200.50") but not otherwise changed. */
export function inputOf(d: RowDraft): ProductRowInput {
  const discount = normalizeDecimal(d.discount);
  const taxRate = normalizeDecimal(d.taxRate);
  return {
    productId: d.productId,
    name: d.name.trim(),
    price: normalizeDecimal(d.price),
    quantity: normalizeDecimal(d.quantity),
    measure: d.measure.trim() || 'pcs',
    discountType: d.discountType,
    ...(isZero(discount)
      ? {}
      : d.discountType === 'percent'
        ? { discountRate: discount }
        : { discountSum: discount }),
    taxRate: taxRate === '' ? null : taxRate,
    taxIncluded: d.taxIncluded,
  };
}

/** The draft's exact amounts, or the fields that cannot be read. */
export function amountsOfDraft(d: RowDraft): { amounts: RowAmounts } | { problems: DraftField[] } {
  const problems: DraftField[] = [];
  const price = parseMoney(normalizeDecimal(d.price));
  const quantity = parseQuantity(normalizeDecimal(d.quantity));
  const discountText = normalizeDecimal(d.discount) || '0';
  const rate = d.discountType === 'percent' ? parseRate(discountText) : 0;
  const sum = d.discountType === 'amount' ? parseMoney(discountText) : 0n;
  const taxText = normalizeDecimal(d.taxRate);
  const tax = taxText === '' ? null : parseRate(taxText);
  if (!d.name.trim()) problems.push('name');
  if (price === null || price < 0n) problems.push('price');
  if (quantity === null || quantity <= 0n) problems.push('quantity');
  if (rate === null || sum === null || sum < 0n || (price !== null && sum > price)) problems.push('discount');
  if (taxText !== '' && tax === null) problems.push('taxRate');
  if (problems.length) return { problems };
  return {
    amounts: {
      price: price as bigint,
      quantity: quantity as bigint,
      discountType: d.discountType,
      discountRate: BigInt(rate ?? 0),
      discountSum: sum ?? 0n,
      taxRate: tax === null ? null : BigInt(tax),
      taxIncluded: d.taxIncluded,
    },
  };
}

export interface LiveRow {
  problems: DraftField[];
  /** Plain decimal strings ("1234.50"), null while the row cannot be computed. */
  sum: string | null;
  total: string | null;
  taxSum: string | null;
}

export interface LiveFigures {
  rows: LiveRow[];
  totals: { subtotal: string; discountTotal: string; taxTotal: string; total: string };
  /** True when every row could be computed, so the totals are the ones the server will store. */
  complete: boolean;
}

/** A row just added and not touched yet: no product, no name, no price. It neither counts nor complains. */
export const isBlankDraft = (d: RowDraft): boolean => !d.productId && !d.name.trim() && !d.price.trim();

export function liveFigures(drafts: RowDraft[]): LiveFigures {
  const figures: RowFigures[] = [];
  const rows = drafts.map((d): LiveRow => {
    if (isBlankDraft(d)) return { problems: [], sum: null, total: null, taxSum: null };
    const parsed = amountsOfDraft(d);
    if ('problems' in parsed) return { problems: parsed.problems, sum: null, total: null, taxSum: null };
    const f = computeRow(parsed.amounts);
    figures.push(f);
    return {
      problems: [],
      sum: formatMoney(f.sum),
      total: formatMoney(f.total),
      taxSum: formatMoney(f.taxSum),
    };
  });
  const t = computeTotals(figures);
  return {
    rows,
    totals: {
      subtotal: formatMoney(t.subtotal),
      discountTotal: formatMoney(t.discountTotal),
      taxTotal: formatMoney(t.taxTotal),
      total: formatMoney(t.total),
    },
    complete: rows.every((r) => r.problems.length === 0),
  };
}

/** Whether the drafts differ from the stored rows (what a save would change). */
export function draftsDiffer(drafts: RowDraft[], stored: ProductRow[]): boolean {
  if (drafts.length !== stored.length) return true;
  return drafts.some(
    (d, i) => JSON.stringify(inputOf(d)) !== JSON.stringify(inputOf(draftOf(stored[i] as ProductRow))),
  );
}

/** A catalog product chosen for a row: its name, unit and tax; its price only when in the record's currency. */
export function draftFromProduct(
  d: RowDraft,
  p: {
    id: number;
    name: string;
    price: string;
    currency: string;
    vatRate: string | null;
    vatIncluded: boolean;
    measure: string;
  },
  currency: string,
): RowDraft {
  return {
    ...d,
    productId: p.id,
    name: p.name,
    price: p.currency === currency ? p.price : d.price,
    measure: p.measure,
    taxRate: p.vatRate ?? '',
    taxIncluded: p.vatIncluded,
  };
}
