import { Alert, Button, Group, Skeleton, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { productRowKeys, type RowOwner, useProductRows, useReplaceProductRows } from '../../api/product-rows';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { formatMoney } from '../../lib/format';
import { ProductRowEditLine, ProductRowViewLine } from './ProductRowLine';
import classes from './ProductRows.module.css';
import {
  type DraftField,
  draftOf,
  draftsDiffer,
  emptyDraft,
  inputOf,
  isBlankDraft,
  liveFigures,
  type RowDraft,
} from './product-row-draft';
import pageClasses from './RecordPage.module.css';
import { useRecordPage } from './record-context';
import { useApiMessage } from './useInlineEdit';
import { useConflictHandler } from './useRecordSave';

const FIELD_OF: Record<string, DraftField> = {
  name: 'name',
  productId: 'name',
  price: 'price',
  quantity: 'quantity',
  discountRate: 'discount',
  discountSum: 'discount',
  taxRate: 'taxRate',
  measure: 'measure',
};

function Totals({ totals, currency }: { totals: Record<string, string>; currency: string }) {
  const { t } = useTranslation('record');
  const line = (key: string, strong = false) => (
    <div className={classes.totalLine} key={key} data-testid={`rows-${key}`}>
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 700 : 400}>
        {t(`products.${key}`)}
      </Text>
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 400} className={classes.num}>
        {formatMoney(totals[key], currency)}
      </Text>
    </div>
  );
  return (
    <div className={classes.totals}>
      {['subtotal', 'discountTotal', 'taxTotal'].map((k) => line(k)).concat(line('total', true))}
    </div>
  );
}

/** Product rows of a lead or deal: read them, or edit all at once with the totals computed as you type. */
export function ProductRowsEditor() {
  const { t } = useTranslation(['record', 'common']);
  const { entity, record } = useRecordPage();
  const owner = entity as RowOwner;
  const qc = useQueryClient();
  const rows = useProductRows(owner, record.id);
  const replace = useReplaceProductRows(owner, record.id);
  const onConflict = useConflictHandler(entity, record.id);
  const translate = useApiMessage();
  const [drafts, setDrafts] = useState<RowDraft[] | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const live = useMemo(() => (drafts ? liveFigures(drafts) : null), [drafts]);
  const currency = rows.data?.currency ?? String(record.currency ?? '');

  const startEditing = (withNewRow: boolean) => {
    const stored = rows.data?.rows.map(draftOf) ?? [];
    setDrafts(withNewRow || !stored.length ? [...stored, emptyDraft()] : stored);
    setIssues({});
  };
  const stop = () => {
    setDrafts(null);
    setIssues({});
  };
  const save = () => {
    if (!drafts) return;
    const filled = drafts.filter((d) => !isBlankDraft(d));
    if (rows.data && !draftsDiffer(filled, rows.data.rows)) return stop();
    replace.mutate(
      { rows: filled.map(inputOf), version: record.version },
      {
        onSuccess: () => {
          stop();
          notifications.show({ message: t('products.saved'), autoClose: 2500 });
        },
        onError: (err) => {
          if (onConflict(err)) {
            void qc.invalidateQueries({ queryKey: productRowKeys.of(owner, record.id) });
            return stop();
          }
          if (err instanceof ApiError && err.status === 400 && err.fieldIssues.length) {
            const found: Record<string, string> = {};
            for (const i of err.fieldIssues) {
              const m = /^rows\.(\d+)\.(\w+)/.exec(i.field);
              const key = m ? `${m[1]}.${FIELD_OF[m[2] as string] ?? 'name'}` : 'general';
              found[key] = [found[key], translate(i.message)].filter(Boolean).join('; ');
            }
            return setIssues(found);
          }
          notifications.show({ color: 'red', message: errorMessage((k: string) => t(`common:${k}`), err) });
        },
      },
    );
  };

  const header = (
    <div className={pageClasses.panelHeader}>
      <h2 className={pageClasses.panelTitle} id="products-title">
        {t('products.title')}
      </h2>
      {!drafts && rows.data && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={rows.data.rows.length ? <IconPencil size={12} /> : <IconPlus size={12} />}
          onClick={() => startEditing(false)}
          data-testid="edit-products"
        >
          {rows.data.rows.length ? t('common:actions.edit') : t('products.add')}
        </Button>
      )}
    </div>
  );

  let body: React.ReactNode;
  if (rows.isPending) body = <Skeleton h={60} m="xs" />;
  else if (rows.isError) body = <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  else if (drafts && live) {
    body = (
      <>
        <div className={`${classes.headRow} ${classes.editHead}`} aria-hidden>
          {['product', 'price', 'quantity', 'measure', 'discount', 'tax', 'amount'].map((k) => (
            <span key={k}>{t(`products.${k}`)}</span>
          ))}
        </div>
        {drafts.map((d, i) => (
          <ProductRowEditLine
            key={d.key}
            n={i + 1}
            draft={d}
            live={live.rows[i] ?? { problems: [], sum: null, total: null, taxSum: null }}
            errors={Object.fromEntries(
              Object.entries(issues)
                .filter(([k]) => k.startsWith(`${i}.`))
                .map(([k, v]) => [k.slice(String(i).length + 1), v]),
            )}
            currency={currency}
            onChange={(update) =>
              setDrafts((list) => list?.map((x) => (x.key === d.key ? update(x) : x)) ?? null)
            }
            onRemove={() => setDrafts((list) => list?.filter((x) => x.key !== d.key) ?? null)}
          />
        ))}
        {issues.general && (
          <Alert color="red" variant="light" m="xs" p="xs">
            {issues.general}
          </Alert>
        )}
        <Group justify="space-between" align="flex-start" p="xs" gap="xs">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setDrafts((list) => [...(list ?? []), emptyDraft()])}
            data-testid="add-product-row"
          >
            {t('products.add')}
          </Button>
          <Totals totals={live.totals} currency={currency} />
        </Group>
        <Group justify="flex-end" gap="xs" px="xs" pb="xs">
          {!live.complete && (
            <Text size="xs" c="dimmed" mr="auto">
              {t('products.incomplete')}
            </Text>
          )}
          <Button size="xs" variant="default" onClick={stop} disabled={replace.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button size="xs" onClick={save} loading={replace.isPending} data-testid="save-products">
            {t('products.save')}
          </Button>
        </Group>
      </>
    );
  } else if (!rows.data.rows.length) {
    body = (
      <Text size="sm" c="dimmed" p="sm">
        {t('products.empty')}
      </Text>
    );
  } else {
    body = (
      <>
        <div className={`${classes.headRow} ${classes.viewHead}`} aria-hidden>
          {['product', 'price', 'quantity', 'discount', 'tax', 'amount'].map((k) => (
            <span key={k}>{t(`products.${k}`)}</span>
          ))}
        </div>
        {rows.data.rows.map((r, i) => (
          <ProductRowViewLine key={r.id ?? i} row={r} currency={currency} />
        ))}
        <Group justify="flex-end" p="xs">
          <Totals totals={rows.data.totals as unknown as Record<string, string>} currency={currency} />
        </Group>
      </>
    );
  }
  return (
    <section
      className={`${pageClasses.panel} ${classes.container}`}
      aria-labelledby="products-title"
      data-testid="product-rows"
    >
      {header}
      {body}
    </section>
  );
}
