import { Badge, Button, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HistoryEntry, useHistory } from '../../api/records';
import { userName } from '../../api/reference';
import { ErrorState } from '../../components/ErrorState';
import { stageOf } from '../../components/FieldValue';
import { formatDateTime } from '../../lib/format';
import { FieldDisplay, RecordLink } from './FieldDisplay';
import classes from './HistoryTimeline.module.css';
import pageClasses from './RecordPage.module.css';
import { useRecordPage } from './record-context';
import { type FieldSpec, RECORD_UI } from './record-layout';
import { isDerivedField } from './record-text';

const PAGE = 30;
const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);
const ACTION_COLOR: Record<string, string> = {
  create: 'teal',
  update: 'blue',
  convert: 'grape',
  delete: 'red',
};

/** A past value of a field, shown as the field shows it today. */
function PastValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation(['record', 'common']);
  const { entity, refs } = useRecordPage();
  if (isBlank(value)) return <span className={classes.empty}>{t('common:common.none')}</span>;
  if (field === 'stageId') return <>{stageOf(refs, value)?.name ?? `#${String(value)}`}</>;
  if (field === 'statusId')
    return <>{refs.leadStatuses.find((s) => s.id === value)?.name ?? `#${String(value)}`}</>;
  if (field === 'productRows')
    return <>{t('history.rows', { count: Array.isArray(value) ? value.length : 0 })}</>;
  if (field === 'dealId') return <RecordLink entity="deal" id={Number(value)} />;
  if (field === 'companyId' && entity === 'deal') return <RecordLink entity="company" id={Number(value)} />;
  if (field === 'contactIds' || field === 'companyIds') {
    const target = field === 'contactIds' ? 'contact' : 'company';
    return (
      <>
        {(value as number[]).map((id, i) => (
          <span key={id}>
            {i > 0 && ', '}
            <RecordLink entity={target} id={id} />
          </span>
        ))}
      </>
    );
  }
  const spec: FieldSpec =
    RECORD_UI[entity].sections.flatMap((s) => s.fields).find((f) => f.name === field) ??
    (refs.customFields.some((c) => c.apiName === field)
      ? { name: field, kind: 'custom' }
      : { name: field, kind: 'text' });
  return (
    <FieldDisplay spec={{ ...spec, kind: spec.kind === 'textarea' ? 'text' : spec.kind }} value={value} />
  );
}

function fieldLabel(
  t: (k: string, o?: Record<string, string>) => string,
  refs: ReturnType<typeof useRecordPage>['refs'],
  field: string,
) {
  const custom = refs.customFields.find((c) => c.apiName === field)?.name;
  return (
    custom ??
    t(`record:history.fields.${field}`, { defaultValue: t(`fields:f.${field}`, { defaultValue: field }) })
  );
}

export function HistoryEntryItem({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation(['record', 'fields']);
  const { refs } = useRecordPage();
  const changes = entry.changes.filter((c) => !isDerivedField(c.field));
  const [open, setOpen] = useState(entry.action !== 'create');
  const who = entry.actorId
    ? (userName(refs.users, entry.actorId) ?? `#${entry.actorId}`)
    : t('history.system');
  return (
    <li className={classes.entry} data-testid="history-entry">
      <div className={classes.head}>
        <Badge
          size="xs"
          radius="sm"
          variant="light"
          color={ACTION_COLOR[entry.action] ?? 'gray'}
          className={classes.action}
        >
          {t(`history.action.${entry.action}`, { defaultValue: entry.action })}
        </Badge>
        <Text size="xs" fw={600} className={classes.who} title={who}>
          {who}
        </Text>
        <Text size="xs" c="dimmed" component="time" dateTime={entry.at} className={classes.when}>
          {formatDateTime(entry.at, refs.timeZone)}
        </Text>
      </div>
      {open ? (
        <dl className={classes.changes}>
          {changes.map((c) => (
            <div key={c.field} className={classes.change}>
              <dt className={classes.field}>{fieldLabel(t, refs, c.field)}</dt>
              <dd className={classes.values}>
                {entry.action !== 'create' && !isBlank(c.old) && (
                  <>
                    <span className={classes.old}>
                      <PastValue field={c.field} value={c.old} />
                    </span>
                    <span className={classes.arrow} aria-hidden>
                      →
                    </span>
                    <span className={classes.srOnly}>{t('history.changedTo')}</span>
                  </>
                )}
                <span>
                  <PastValue field={c.field} value={c.new} />
                </span>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        changes.length > 0 && (
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)} className={classes.more}>
            {t('history.showFields', { count: changes.length })}
          </Button>
        )
      )}
    </li>
  );
}

/** Who changed what and when, newest first; a dense list so a screen holds many events. */
export function HistoryTimeline() {
  const { t } = useTranslation('record');
  const { entity, record } = useRecordPage();
  const history = useHistory(entity, record.id);
  const [shown, setShown] = useState(PAGE);
  const items = history.data ?? [];
  return (
    <section className={pageClasses.panel} aria-labelledby="history-title" data-testid="history">
      <div className={pageClasses.panelHeader}>
        <h2 className={pageClasses.panelTitle} id="history-title">
          {t('history.title')}
        </h2>
      </div>
      {history.isPending ? (
        <Stack gap={6} p="xs">
          <Skeleton h={14} />
          <Skeleton h={14} w="70%" />
          <Skeleton h={14} w="85%" />
        </Stack>
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : !items.length ? (
        <Text size="sm" c="dimmed" p="sm">
          {t('history.empty')}
        </Text>
      ) : (
        <ol className={classes.list}>
          {items.slice(0, shown).map((e) => (
            <HistoryEntryItem key={e.id} entry={e} />
          ))}
          {items.length > shown && (
            <li className={classes.entry}>
              <Button size="compact-xs" variant="subtle" onClick={() => setShown((n) => n + PAGE)}>
                {t('history.older', { count: items.length - shown })}
              </Button>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
