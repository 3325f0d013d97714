import { ActionIcon, Autocomplete, Checkbox, SegmentedControl, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductRow } from '../../api/product-rows';
import { formatMoney } from '../../lib/format';
import { type CatalogProduct, ProductNameInput } from './ProductNameInput';
import classes from './ProductRows.module.css';
import { type DraftField, draftFromProduct, type LiveRow, type RowDraft } from './product-row-draft';
import { MEASURES } from './record-layout';

/** A cell with its own small label, shown when the rows fold into cards on narrow screens. */
function Cell({ area, label, children }: { area: string; label: string; children: ReactNode }) {
  return (
    <div className={classes.cell} style={{ gridArea: area }} data-area={area}>
      <span className={classes.cellLabel} aria-hidden>
        {label}
      </span>
      {children}
    </div>
  );
}

/** One row being edited; its figures come live from the shared computation. */
export function ProductRowEditLine({
  n,
  draft,
  live,
  errors,
  currency,
  onChange,
  onRemove,
}: {
  n: number;
  draft: RowDraft;
  live: LiveRow;
  /** Messages by field: the API's, or "cannot read" for what the live computation could not parse. */
  errors: Partial<Record<DraftField, string>>;
  currency: string;
  /** Updates from the latest draft: two changes in one event (a catalog pick, then its name) both land. */
  onChange: (update: (d: RowDraft) => RowDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('record');
  const set = (patch: Partial<RowDraft>) => onChange((d) => ({ ...d, ...patch }));
  // inputs only turn red; the API's messages are listed under the row, where they have room
  const bad = (f: DraftField) => Boolean(errors[f]) || (live.problems.includes(f) && f !== 'name');
  const CELL_LABEL: Record<DraftField, string> = {
    name: 'product',
    price: 'price',
    quantity: 'quantity',
    measure: 'measure',
    discount: 'discount',
    taxRate: 'tax',
  };
  const messages = (Object.entries(errors) as [DraftField, string][]).map(
    ([f, m]) => `${t(`products.${CELL_LABEL[f] ?? 'product'}`)}: ${m}`,
  );
  const label = (key: string) => `${t(`products.${key}`)} (${t('products.rowN', { n })})`;
  return (
    <div className={classes.row} data-testid="product-row">
      <Cell area="product" label={t('products.product')}>
        <ProductNameInput
          value={draft.name}
          label={label('product')}
          error={Boolean(errors.name)}
          onChange={(name) => set({ name })}
          onPick={(p: CatalogProduct) => onChange((d) => draftFromProduct(d, p, currency))}
        />
      </Cell>
      <Cell area="price" label={t('products.price')}>
        <TextInput
          size="xs"
          inputMode="decimal"
          value={draft.price}
          onChange={(e) => set({ price: e.currentTarget.value })}
          aria-label={label('price')}
          error={bad('price')}
          classNames={{ input: classes.numInput }}
        />
      </Cell>
      <Cell area="qty" label={t('products.quantity')}>
        <TextInput
          size="xs"
          inputMode="decimal"
          value={draft.quantity}
          onChange={(e) => set({ quantity: e.currentTarget.value })}
          aria-label={label('quantity')}
          error={bad('quantity')}
          classNames={{ input: classes.numInput }}
        />
      </Cell>
      <Cell area="unit" label={t('products.measure')}>
        <Autocomplete
          size="xs"
          value={draft.measure}
          data={[...MEASURES]}
          onChange={(measure) => set({ measure })}
          aria-label={label('measure')}
          error={Boolean(errors.measure)}
        />
      </Cell>
      <Cell area="discount" label={t('products.discount')}>
        <div className={classes.pair}>
          <TextInput
            size="xs"
            inputMode="decimal"
            value={draft.discount}
            onChange={(e) => set({ discount: e.currentTarget.value })}
            aria-label={label('discount')}
            error={bad('discount')}
            classNames={{ input: classes.numInput }}
            className={classes.grow}
          />
          <SegmentedControl
            size="xs"
            value={draft.discountType}
            onChange={(v) => set({ discountType: v as RowDraft['discountType'] })}
            data={[
              { value: 'percent', label: '%' },
              { value: 'amount', label: currency || '¤' },
            ]}
            aria-label={label('discountType')}
          />
        </div>
      </Cell>
      <Cell area="tax" label={t('products.tax')}>
        <div className={classes.pair}>
          <TextInput
            size="xs"
            inputMode="decimal"
            value={draft.taxRate}
            onChange={(e) => set({ taxRate: e.currentTarget.value })}
            aria-label={label('tax')}
            error={bad('taxRate')}
            classNames={{ input: classes.numInput }}
            className={classes.grow}
          />
          <Checkbox
            size="xs"
            checked={draft.taxIncluded}
            onChange={(e) => set({ taxIncluded: e.currentTarget.checked })}
            label={t('products.taxIncludedShort')}
            aria-label={label('taxIncluded')}
          />
        </div>
      </Cell>
      <Cell area="sum" label={t('products.amount')}>
        <Text size="sm" className={classes.sum}>
          {live.total === null ? '—' : formatMoney(live.total, currency)}
        </Text>
      </Cell>
      <div className={classes.remove}>
        <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={label('remove')}>
          <IconTrash size={15} />
        </ActionIcon>
      </div>
      {messages.length > 0 && (
        <div className={classes.rowErrors} role="alert">
          {messages.join(' · ')}
        </div>
      )}
    </div>
  );
}

/** One stored row, read-only. */
export function ProductRowViewLine({ row, currency }: { row: ProductRow; currency: string }) {
  const { t } = useTranslation(['record', 'common']);
  const money = (v: string) => formatMoney(v, currency);
  const hasDiscount = Number(row.discountSum) !== 0;
  return (
    <div className={`${classes.row} ${classes.viewRow}`} data-testid="product-row">
      <Cell area="product" label={t('products.product')}>
        <Text size="sm" className={classes.wrap}>
          {row.name}
        </Text>
      </Cell>
      <Cell area="price" label={t('products.price')}>
        <Text size="sm" className={classes.num}>
          {money(row.price)}
        </Text>
      </Cell>
      <Cell area="qty" label={t('products.quantity')}>
        <Text size="sm" className={classes.num}>
          {row.quantity} {t(`measures.${row.measure}`, { defaultValue: row.measure })}
        </Text>
      </Cell>
      <Cell area="discount" label={t('products.discount')}>
        <Text size="sm" className={classes.num} c={hasDiscount ? undefined : 'dimmed'}>
          {!hasDiscount
            ? t('common:common.none')
            : row.discountType === 'percent'
              ? `${row.discountRate} %`
              : money(row.discountSum)}
        </Text>
      </Cell>
      <Cell area="tax" label={t('products.tax')}>
        <Text size="sm" className={classes.num} c={row.taxRate === null ? 'dimmed' : undefined}>
          {row.taxRate === null
            ? t('common:common.none')
            : `${row.taxRate} %${row.taxIncluded ? ` ${t('products.taxIncludedShort')}` : ''}`}
        </Text>
      </Cell>
      <Cell area="sum" label={t('products.amount')}>
        <Text size="sm" fw={600} className={classes.sum}>
          {money(row.total)}
        </Text>
      </Cell>
    </div>
  );
}
