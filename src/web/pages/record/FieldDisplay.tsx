import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { effectiveLocale } from '../../../shared/format';
import { userName } from '../../api/reference';
import { type Comm, ENTITY_PATH, type EntityKind } from '../../api/types';
import { intlLocale } from '../../i18n';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import classes from './RecordPage.module.css';
import { useRecordPage } from './record-context';
import type { FieldSpec } from './record-layout';
import { useRecordsByIds } from './record-queries';
import { commHref, crmLinkTarget, recordTitle } from './record-text';

export const isEmptyValue = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A plain decimal string with grouping, exactly (custom money fields carry no currency). */
const formatDecimal = (v: unknown) =>
  new Intl.NumberFormat(effectiveLocale(intlLocale()).tag, { minimumFractionDigits: 2 }).format(
    String(v) as `${number}`,
  );

/** Another record's name as a link; "#12" until it loads or when the user may not read it. */
export function RecordLink({ entity, id }: { entity: EntityKind; id: number }) {
  const q = useRecordsByIds(entity, [id]);
  const rec = q.data?.find((r) => r.id === id);
  return (
    <Anchor component={Link} to={`/${ENTITY_PATH[entity]}/${id}`} size="sm" className={classes.wrap}>
      {rec ? recordTitle(entity, rec) : `#${id}`}
    </Anchor>
  );
}

function CommList({ kind, items }: { kind: string; items: Comm[] }) {
  const { t } = useTranslation('fields');
  return (
    <div>
      {items.map((c, i) => {
        const href = commHref(kind, c.value);
        return (
          <div key={c.id ?? i} className={classes.commLine}>
            {href ? (
              <Anchor
                href={href}
                size="sm"
                onClick={(e) => e.stopPropagation()}
                {...(kind === 'websites' ? { target: '_blank', rel: 'noreferrer' } : {})}
              >
                {c.value}
              </Anchor>
            ) : (
              <Text span size="sm">
                {c.value}
              </Text>
            )}{' '}
            <Text span size="xs" c="dimmed" className={classes.nowrap}>
              {t(`commType.${c.type}`, { defaultValue: c.type })}
            </Text>
          </div>
        );
      })}
    </div>
  );
}

/** Values of custom fields, by the field's type. */
function CustomDisplay({ name, value }: { name: string; value: unknown }) {
  const { refs } = useRecordPage();
  const { t } = useTranslation('common');
  const def = refs.customFields.find((c) => c.apiName === name);
  if (!def) return <>{String(value)}</>;
  switch (def.type) {
    case 'number':
      return <>{formatNumber(value)}</>;
    case 'money':
      return <span className={classes.num}>{formatDecimal(value)}</span>;
    case 'date':
      return <>{formatDate(value)}</>;
    case 'datetime':
      return <>{formatDateTime(value, refs.timeZone)}</>;
    case 'boolean':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'user':
      return <>{userName(refs.users, value) ?? `#${String(value)}`}</>;
    case 'url':
      return (
        <Anchor href={String(value)} target="_blank" rel="noreferrer" size="sm" className={classes.wrap}>
          {String(value)}
        </Anchor>
      );
    case 'crm': {
      const target = crmLinkTarget(value);
      return target ? <RecordLink entity={target.entity} id={target.id} /> : String(value);
    }
    case 'enum': {
      const ids = Array.isArray(value) ? value : [value];
      return (
        <Group gap={4}>
          {ids.map((id) => (
            <Badge key={String(id)} variant="light" radius="sm" size="sm" className={classes.badge}>
              {def.options.find((o) => o.id === id)?.label ?? `#${String(id)}`}
            </Badge>
          ))}
        </Group>
      );
    }
    default:
      return <span className={classes.text}>{String(value)}</span>;
  }
}

/** One field's value, read-only, the way its kind reads best. */
export function FieldDisplay({ spec, value }: { spec: FieldSpec; value: unknown }) {
  const { t } = useTranslation(['record', 'common', 'fields']);
  const { record, refs, currencies, sections } = useRecordPage();
  if (spec.kind === 'boolean') return <>{value ? t('common:common.yes') : t('common:common.no')}</>;
  if (isEmptyValue(value))
    return (
      <Text span size="sm" c="dimmed">
        {t('common:common.none')}
      </Text>
    );
  switch (spec.kind) {
    case 'money':
      return (
        <span className={classes.num}>{formatMoney(value, record[spec.currencyField ?? 'currency'])}</span>
      );
    case 'currency':
      return <>{currencies.find((c) => c.code === value)?.name ?? String(value)}</>;
    case 'date':
      return <>{formatDate(value)}</>;
    case 'datetime':
      return <>{formatDateTime(value, refs.timeZone)}</>;
    case 'user':
      return <>{userName(refs.users, value) ?? t('common:common.unknownUser')}</>;
    case 'source':
      return <>{refs.sources.find((s) => s.id === value)?.name ?? `#${String(value)}`}</>;
    case 'pipeline':
      return <>{refs.pipelines.find((p) => p.id === value)?.name ?? `#${String(value)}`}</>;
    case 'section':
      return <>{sections.find((s) => s.id === value)?.name ?? `#${String(value)}`}</>;
    case 'code':
      return <>{t(`codes.${spec.codes}.${String(value)}`, { defaultValue: String(value) })}</>;
    case 'measure':
      return <>{t(`measures.${String(value)}`, { defaultValue: String(value) })}</>;
    case 'rate':
      return <>{`${String(value)} %`}</>;
    case 'integer':
      return <span className={classes.num}>{String(value)}</span>;
    case 'comm':
      return <CommList kind={spec.name} items={value as Comm[]} />;
    case 'link':
      return spec.ref ? <RecordLink entity={spec.ref} id={Number(value)} /> : String(value);
    case 'custom':
      return <CustomDisplay name={spec.name} value={value} />;
    default:
      return <span className={classes.text}>{String(value)}</span>;
  }
}
