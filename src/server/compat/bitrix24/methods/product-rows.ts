import { divRound, formatMoney, formatRate, parseMoney, parseRate } from '../../../../shared/money.js';
import { replaceRowsBody } from '../../../../shared/schemas/products.js';
import { invalid } from '../../../errors.js';
import {
  getProductRows,
  type ProductRowsView,
  type RowOwner,
  replaceProductRows,
} from '../../../modules/products/product-row.service.js';
import { parseInput } from '../../../validation.js';
import { measureIn, measureOut } from '../fields/product.js';
import { answer, type MethodDef } from '../registry.js';
import { boolIn, idIn, isPlainObject, listIn, moneyIn, param } from '../values.js';
import { requireId } from './ids.js';

/**
 * crm.deal.productrows.get/set and crm.lead.productrows.get/set. `set` replaces every row; the record's
 * amount becomes the rows' total. Bitrix24's PRICE is the final unit price (after the discount, with the
 * tax); our rows keep the price before the discount, with the tax when it is included, so PRICE_NETTO /
 * PRICE_BRUTTO are used when given, otherwise the price is worked back from PRICE.
 */
const FULL = 10_000n;

const cents = (v: unknown): bigint | null => {
  const m = moneyIn(v);
  return m === null ? null : parseMoney(m);
};
const bp = (v: unknown): bigint | null => {
  if (v === null || v === undefined || v === '') return null;
  const r = parseRate(typeof v === 'number' ? String(v) : String(v).trim());
  return r === null ? null : BigInt(r);
};
const money = (c: bigint) => Number(formatMoney(c));

interface RowInput {
  productId: number | null;
  name?: string;
  price: string;
  quantity: string;
  discountType: 'percent' | 'amount';
  discountRate?: string;
  discountSum?: string;
  taxRate: string | null;
  taxIncluded: boolean;
  measure?: string;
}

function rowIn(raw: unknown, i: number): RowInput {
  if (!isPlainObject(raw)) throw invalid([{ field: `rows.${i}`, message: 'must be an object' }]);
  const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toUpperCase(), v]));
  const tax = bp(r.TAX_RATE);
  const included = boolIn(r.TAX_INCLUDED) === true;
  const amount = String(r.DISCOUNT_TYPE_ID ?? '2') === '1';
  const rate = amount ? 0n : (bp(r.DISCOUNT_RATE) ?? 0n);
  const discountSum = cents(r.DISCOUNT_SUM) ?? 0n;
  const undiscount = (p: bigint) =>
    amount ? p + discountSum : rate > 0n && rate < FULL ? divRound(p * FULL, FULL - rate) : p;
  const untax = (p: bigint) => (tax ? divRound(p * FULL, FULL + tax) : p);
  const given = (k: string) => cents(r[k]);
  const final = given('PRICE');
  let price: bigint | null;
  if (included) price = given('PRICE_BRUTTO') ?? (final === null ? null : undiscount(final));
  else {
    const exclusive = given('PRICE_EXCLUSIVE') ?? (final === null ? null : untax(final));
    price = given('PRICE_NETTO') ?? (exclusive === null ? null : undiscount(exclusive));
  }
  const productId = idIn(r.PRODUCT_ID);
  const name = r.PRODUCT_NAME === undefined || r.PRODUCT_NAME === null ? undefined : String(r.PRODUCT_NAME);
  const measure = measureIn(r.MEASURE_CODE) ?? (r.MEASURE_NAME ? String(r.MEASURE_NAME) : undefined);
  return {
    productId: productId === null || Number.isNaN(productId) ? null : productId,
    ...(name ? { name } : {}),
    price: formatMoney(price ?? 0n),
    quantity: r.QUANTITY === undefined || r.QUANTITY === '' ? '1' : String(r.QUANTITY),
    discountType: amount ? 'amount' : 'percent',
    ...(amount ? { discountSum: formatMoney(discountSum) } : { discountRate: formatRate(Number(rate)) }),
    taxRate: tax === null ? null : formatRate(Number(tax)),
    taxIncluded: included,
    ...(measure ? { measure } : {}),
  };
}

function rowsOut(view: ProductRowsView) {
  const ownerType = view.ownerType === 'deal' ? 'D' : 'L';
  return view.rows.map((row, i) => {
    const price = parseMoney(row.price) ?? 0n;
    const after = parseMoney(row.priceAfterDiscount) ?? 0n;
    const tax = row.taxRate === null ? 0n : BigInt(parseRate(row.taxRate) ?? 0);
    const withTax = (p: bigint) => divRound(p * (FULL + tax), FULL);
    const withoutTax = (p: bigint) => divRound(p * FULL, FULL + tax);
    const [final, exclusive, netto, brutto] = row.taxIncluded
      ? [after, withoutTax(after), withoutTax(price), price]
      : [withTax(after), after, price, withTax(price)];
    return {
      ID: String(row.id),
      OWNER_ID: String(view.ownerId),
      OWNER_TYPE: ownerType,
      PRODUCT_ID: row.productId ?? 0,
      PRODUCT_NAME: row.name,
      ORIGINAL_PRODUCT_NAME: row.name,
      PRODUCT_DESCRIPTION: null,
      PRICE: money(final),
      PRICE_EXCLUSIVE: money(exclusive),
      PRICE_NETTO: money(netto),
      PRICE_BRUTTO: money(brutto),
      PRICE_ACCOUNT: formatMoney(final),
      QUANTITY: Number(row.quantity),
      DISCOUNT_TYPE_ID: row.discountType === 'amount' ? 1 : 2,
      DISCOUNT_RATE: Number(row.discountRate),
      DISCOUNT_SUM: Number(row.discountSum),
      TAX_RATE: row.taxRate === null ? null : Number(row.taxRate),
      TAX_INCLUDED: row.taxIncluded ? 'Y' : 'N',
      CUSTOMIZED: 'Y',
      MEASURE_CODE: Number(measureOut(row.measure)) || 0,
      MEASURE_NAME: row.measure,
      SORT: (i + 1) * 10,
      XML_ID: null,
      TYPE: 1,
      STORE_ID: null,
      RESERVE_ID: null,
      DATE_RESERVE_END: null,
      RESERVE_QUANTITY: null,
    };
  });
}

function methodsFor(owner: RowOwner): MethodDef[] {
  const prefix = `crm.${owner}.productrows`;
  return [
    {
      name: `${prefix}.get`,
      scope: 'crm',
      errors: 'legacy',
      handler: async ({ ctx, params }) =>
        answer(rowsOut(await getProductRows(ctx, owner, requireId(params)))),
    },
    {
      name: `${prefix}.set`,
      scope: 'crm',
      errors: 'legacy',
      handler: async ({ ctx, params }) => {
        const id = requireId(params);
        const rows = listIn(param(params, 'rows')).map(rowIn);
        const body = parseInput(replaceRowsBody, { rows });
        await replaceProductRows(ctx, owner, id, body);
        return answer(true);
      },
    },
  ];
}

export const productRowMethods: MethodDef[] = [...methodsFor('deal'), ...methodsFor('lead')];
