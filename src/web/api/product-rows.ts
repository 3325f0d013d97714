import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DiscountType } from '../../shared/product-rows';
import { get, put } from './client';
import { recordKeys } from './records';
import { ENTITY_PATH } from './types';

/** Records that carry product rows. */
export type RowOwner = 'lead' | 'deal';

/** One stored row as the API presents it: every amount a decimal string, figures computed by the server. */
export interface ProductRow {
  id?: number;
  productId: number | null;
  name: string;
  price: string;
  quantity: string;
  measure: string;
  discountType: DiscountType;
  discountRate: string;
  discountSum: string;
  taxRate: string | null;
  taxIncluded: boolean;
  priceAfterDiscount: string;
  sum: string;
  taxSum: string;
  total: string;
}

export interface RowTotals {
  subtotal: string;
  discountTotal: string;
  taxTotal: string;
  total: string;
}

export interface ProductRowsView {
  ownerType: RowOwner;
  ownerId: number;
  version: number;
  currency: string;
  rows: ProductRow[];
  totals: RowTotals;
}

/** A row as PUT accepts it (amounts as strings, rates in percent). */
export interface ProductRowInput {
  productId?: number | null;
  name: string;
  price: string;
  quantity: string;
  discountType: DiscountType;
  discountRate?: string;
  discountSum?: string;
  taxRate?: string | null;
  taxIncluded?: boolean;
  measure?: string;
}

/** Under the owner's key, so anything that refreshes the record refreshes its rows too. */
export const productRowKeys = {
  of: (owner: RowOwner, id: number) => ['records', owner, 'product-rows', id] as const,
};

const url = (owner: RowOwner, id: number) => `/api/v1/${ENTITY_PATH[owner]}/${id}/product-rows`;

export function useProductRows(owner: RowOwner, id: number, enabled = true) {
  return useQuery({
    queryKey: productRowKeys.of(owner, id),
    queryFn: () => get<ProductRowsView>(url(owner, id)),
    enabled,
  });
}

/** Replaces all rows at once; the record's amount and version change with them. */
export function useReplaceProductRows(owner: RowOwner, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { rows: ProductRowInput[]; version: number }) =>
      put<ProductRowsView>(url(owner, id), body),
    onSuccess: (view) => {
      qc.setQueryData(productRowKeys.of(owner, id), view);
      void qc.invalidateQueries({ queryKey: recordKeys.one(owner, id) });
      void qc.invalidateQueries({ queryKey: recordKeys.history(owner, id) });
      void qc.invalidateQueries({ queryKey: [...recordKeys.all(owner), 'list'] });
    },
  });
}
