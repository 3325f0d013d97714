import { Autocomplete, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import classes from './ProductRows.module.css';
import { useRecordSearch } from './record-queries';

export interface CatalogProduct {
  id: number;
  name: string;
  sku: string | null;
  price: string;
  currency: string;
  vatRate: string | null;
  vatIncluded: boolean;
  measure: string;
}

/** A row's name: typed freely, or picked from the catalog (which fills price, unit and tax). */
export function ProductNameInput({
  value,
  error,
  label,
  onChange,
  onPick,
}: {
  value: string;
  error?: boolean;
  label: string;
  onChange: (name: string) => void;
  onPick: (p: CatalogProduct) => void;
}) {
  const { t } = useTranslation('record');
  const [q] = useDebouncedValue(value, 200);
  const found = useRecordSearch('product', q);
  const products = (found.data ?? []) as unknown as CatalogProduct[];
  const byId = new Map(products.map((p) => [String(p.id), p]));
  return (
    <Autocomplete
      size="xs"
      value={value}
      onChange={onChange}
      data={products.map((p) => ({ value: String(p.id), label: p.name }))}
      filter={({ options }) => options}
      onOptionSubmit={(id) => {
        const p = byId.get(id);
        if (p) onPick(p);
      }}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        return (
          <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
            <Text size="xs" className={classes.optionName}>
              {p?.name ?? option.value}
              {p?.sku ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {p.sku}
                </Text>
              ) : null}
            </Text>
            {p && (
              <Text size="xs" c="dimmed" className={classes.num}>
                {formatMoney(p.price, p.currency)}
              </Text>
            )}
          </Group>
        );
      }}
      placeholder={t('products.searchProduct')}
      aria-label={label}
      error={error}
      comboboxProps={{ withinPortal: true, width: 340, position: 'bottom-start' }}
    />
  );
}
