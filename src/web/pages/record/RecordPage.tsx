import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useProductRows } from '../../api/product-rows';
import { useRefData } from '../../api/ref-data';
import { useCurrencies } from '../../api/reference';
import { isCrmEntity } from '../../api/timeline';
import { type CrmRecord, ENTITY_PATH, type EntityKind } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { RecordActivities } from '../activities/RecordActivities';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { FieldSections } from './FieldSections';
import { HistoryTimeline } from './HistoryTimeline';
import { RecordHeader } from './RecordHeader';
import classes from './RecordPage.module.css';
import { RecordSkeleton } from './RecordSkeleton';
import { RelatedPanel } from './RelatedPanel';
import { RecordPageContext, type RecordPageState } from './record-context';
import { ROW_LOCKED_FIELDS } from './record-layout';
import { useProductSections, useRecordForPage } from './record-queries';
import { DealStageBar, LeadStatusBar } from './StageBar';
import { RecordTimeline } from './Timeline';
import { useRecordSave } from './useRecordSave';

/** "This record does not exist": also what /deals/anything-not-a-number shows. */
export function RecordNotFound({ entity }: { entity: EntityKind }) {
  const { t } = useTranslation(['record', 'common']);
  const navigate = useNavigate();
  return (
    <EmptyState
      title={t('notFound.title')}
      hint={t('common:errors.notFound')}
      action={{ label: t('notFound.back'), onClick: () => navigate(`/${ENTITY_PATH[entity]}`) }}
    />
  );
}

/** Leads with rows have their amount computed; deals say so themselves. */
function useLockedFields(entity: EntityKind, record: CrmRecord): Set<string> {
  const rows = useProductRows('lead', record.id, entity === 'lead');
  const hasRows =
    entity === 'deal'
      ? Boolean(record.hasProductRows)
      : entity === 'lead' && (rows.data?.rows.length ?? 0) > 0;
  return hasRows ? ROW_LOCKED_FIELDS : new Set();
}

function LoadedRecordPage({ entity, record }: { entity: EntityKind; record: CrmRecord }) {
  const refs = useRefData(entity);
  const currencies = useCurrencies();
  const sections = useProductSections(entity === 'product');
  const { save } = useRecordSave(entity, record);
  const locked = useLockedFields(entity, record);
  const [converting, convertDialog] = useDisclosure(false);
  const state: RecordPageState = {
    entity,
    record,
    refs,
    currencies: currencies.data ?? [],
    sections: sections.data ?? [],
    locked,
    save,
  };
  return (
    <RecordPageContext.Provider value={state}>
      <div className={classes.page} data-testid={`record-${entity}`}>
        <RecordHeader onConvert={convertDialog.open} />
        {(entity === 'deal' || entity === 'lead') && (
          <div className={classes.stages}>
            {entity === 'deal' ? <DealStageBar /> : <LeadStatusBar onConvert={convertDialog.open} />}
          </div>
        )}
        <div className={classes.layout}>
          <div className={classes.column}>
            <FieldSections />
          </div>
          <div className={classes.column}>
            {isCrmEntity(entity) && <RecordActivities entity={entity} />}
            <RelatedPanel />
            {isCrmEntity(entity) ? <RecordTimeline entity={entity} /> : <HistoryTimeline />}
          </div>
        </div>
        {entity === 'lead' && converting && (
          <ConvertLeadDialog opened={converting} onClose={convertDialog.close} />
        )}
      </div>
    </RecordPageContext.Provider>
  );
}

/** One lead, contact, company, deal or product: every field editable in place, its neighbours and history. */
export default function RecordPage({ entity }: { entity: EntityKind }) {
  const { id: param } = useParams();
  const id = /^[1-9]\d{0,15}$/.test(param ?? '') ? Number(param) : null;
  if (id === null) return <RecordNotFound entity={entity} />;
  return <RecordById key={id} entity={entity} id={id} />;
}

function RecordById({ entity, id }: { entity: EntityKind; id: number }) {
  const record = useRecordForPage(entity, id);
  if (record.isPending) return <RecordSkeleton />;
  if (record.isError) {
    if (record.error instanceof ApiError && record.error.status === 404)
      return <RecordNotFound entity={entity} />;
    return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  }
  return <LoadedRecordPage entity={entity} record={record.data} />;
}
