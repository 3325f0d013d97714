import { Button, Skeleton, Text } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CrmRecord, EntityKind } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import pageClasses from './RecordPage.module.css';
import { RecordPicker } from './RecordPicker';
import classes from './Related.module.css';
import { RelatedItem } from './RelatedItem';
import { useRecordPage } from './record-context';
import { useRecordsByIds, useRecordsWhere } from './record-queries';
import { useReportedSave } from './useInlineEdit';

function Panel({
  id,
  title,
  count,
  action,
  children,
}: {
  id: string;
  title: string;
  count?: number | null;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section className={pageClasses.panel} aria-labelledby={`related-${id}`} data-testid={`related-${id}`}>
      <div className={pageClasses.panelHeader}>
        <h2 className={pageClasses.panelTitle} id={`related-${id}`}>
          {title}
          {count !== undefined && count !== null && <span className={classes.count}>{count}</span>}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function Items({
  entity,
  q,
  onUnlink,
  empty,
}: {
  entity: EntityKind;
  q: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    data?: CrmRecord[] | undefined;
  };
  onUnlink?: (id: number) => void;
  empty: string;
}) {
  if (q.isPending) return <Skeleton h={40} m="xs" w="auto" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data?.length)
    return (
      <Text size="sm" c="dimmed" className={classes.note}>
        {empty}
      </Text>
    );
  return (
    <ul className={classes.list}>
      {q.data.map((r) => (
        <RelatedItem
          key={r.id}
          entity={entity}
          rec={r}
          onUnlink={onUnlink ? () => onUnlink(r.id) : undefined}
        />
      ))}
    </ul>
  );
}

/** Records linked through a field of this one (a company's contacts, a deal's company): link and unlink here. */
function LinkedRecords({
  entity,
  field,
  single = false,
  readOnly = false,
}: {
  entity: EntityKind;
  field: string;
  single?: boolean;
  readOnly?: boolean;
}) {
  const { t } = useTranslation(['record', 'fields']);
  const { record } = useRecordPage();
  const save = useReportedSave();
  const [picking, setPicking] = useState(false);
  const raw = record[field];
  const ids = single ? (typeof raw === 'number' ? [raw] : []) : Array.isArray(raw) ? (raw as number[]) : [];
  const q = useRecordsByIds(entity, ids);
  const data = ids.length ? q.data : [];
  const write = (next: number[]) => void save({ [field]: single ? (next[0] ?? null) : next });
  const title = t(`fields:f.${field}`);
  return (
    <Panel
      id={field}
      title={title}
      count={single ? undefined : ids.length}
      action={
        !readOnly && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconLink size={12} />}
            onClick={() => setPicking(true)}
            data-testid={`link-${field}`}
          >
            {single && ids.length ? t('related.change') : t('related.link')}
          </Button>
        )
      }
    >
      {picking && (
        <div className={classes.picker}>
          <RecordPicker
            entity={entity}
            label={t('related.find', { what: title })}
            exclude={ids}
            onPick={(id) => {
              write(single ? [id] : [...ids, id]);
              setPicking(false);
            }}
            onClose={() => setPicking(false)}
          />
        </div>
      )}
      <Items
        entity={entity}
        q={{ ...q, isPending: ids.length > 0 && q.isPending, data }}
        onUnlink={readOnly ? undefined : (id) => write(ids.filter((x) => x !== id))}
        empty={t('related.none')}
      />
    </Panel>
  );
}

/** Deals found by a filter (a company's, a lead's); a contact's deals by the contact link. */
function RelatedDeals({ filter, title }: { filter: Record<string, unknown>; title: string }) {
  const { t } = useTranslation('record');
  const { record, entity } = useRecordPage();
  const direct = useRecordsWhere('deal', filter);
  // Until the API filters deals by contactIds, a contact's deals are found through its companies.
  const unsupported =
    direct.error instanceof ApiError &&
    direct.error.fieldIssues.some((i) => i.field.startsWith('filter.contactIds'));
  const companyIds = (record.companyIds as number[] | undefined) ?? [];
  const viaCompanies = useRecordsWhere(
    'deal',
    { companyId: { in: companyIds } },
    unsupported && companyIds.length > 0,
    100,
  );
  const q = unsupported ? viaCompanies : direct;
  const items = unsupported
    ? (viaCompanies.data?.items ?? []).filter((d) =>
        ((d.contactIds as number[] | undefined) ?? []).includes(record.id),
      )
    : direct.data?.items;
  const total = unsupported ? items?.length : direct.data?.total;
  return (
    <Panel id={`deals-of-${entity}`} title={title} count={total ?? null}>
      <Items
        entity="deal"
        q={{
          ...q,
          isPending: unsupported ? companyIds.length > 0 && viaCompanies.isPending : q.isPending,
          data: items,
        }}
        empty={t('related.noDeals')}
      />
      {!unsupported && direct.data && (direct.data.total ?? 0) > direct.data.items.length && (
        <Text size="xs" c="dimmed" className={classes.note}>
          {t('related.shown', { shown: direct.data.items.length, total: direct.data.total })}
        </Text>
      )}
    </Panel>
  );
}

/** The records around this one, each list with its count. */
export function RelatedPanel() {
  const { t } = useTranslation('record');
  const { entity, record } = useRecordPage();
  switch (entity) {
    case 'company':
      return (
        <>
          <LinkedRecords entity="contact" field="contactIds" />
          <RelatedDeals filter={{ companyId: record.id }} title={t('related.deals')} />
        </>
      );
    case 'contact':
      return (
        <>
          <LinkedRecords entity="company" field="companyIds" />
          <RelatedDeals filter={{ contactIds: record.id }} title={t('related.deals')} />
        </>
      );
    case 'deal':
      return (
        <>
          <LinkedRecords entity="company" field="companyId" single />
          <LinkedRecords entity="contact" field="contactIds" />
        </>
      );
    case 'lead':
      return (
        <>
          {record.contactId ? <LinkedRecords entity="contact" field="contactId" single readOnly /> : null}
          {record.companyId ? <LinkedRecords entity="company" field="companyId" single readOnly /> : null}
          <RelatedDeals filter={{ leadId: record.id }} title={t('related.dealsFromLead')} />
        </>
      );
    default:
      return null;
  }
}
