import { Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Comm, CrmRecord, CustomField, LeadStatus, Pipeline, Source, UserRef } from '../api/types';
import { ENTITY_PATH } from '../api/types';
import i18n from '../i18n';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../lib/format';
import { NextActivityCell } from '../pages/activities/NextActivity';
import type { ColumnDef } from '../pages/records/entities';

/** Reference data needed to turn ids into names; loaded once per screen. */
export interface RefData {
  users: UserRef[];
  pipelines: Pipeline[];
  leadStatuses: LeadStatus[];
  sources: Source[];
  customFields: CustomField[];
  timeZone: string;
}

export function stageOf(refs: RefData, stageId: unknown) {
  for (const p of refs.pipelines) {
    const s = p.stages.find((x) => x.id === stageId);
    if (s) return s;
  }
  return undefined;
}

const MONO = { fontFamily: 'var(--mantine-font-family-monospace)' } as const;
const DIMMED = { color: 'var(--mantine-color-dimmed)' } as const;

/**
 * One field of one record, shown the way its kind reads best. Lists render hundreds of these while
 * scrolling, so it reads translations straight from i18n instead of subscribing each cell to language
 * changes: its parent re-renders it when the language changes.
 */
export function FieldValue({ col, record, refs }: { col: ColumnDef; record: CrmRecord; refs: RefData }) {
  const t = (key: string) => i18n.t(key);
  const v = record[col.field];
  // a deal's or lead's next step: "Call tomorrow 10:00", red when late, or the idle flag
  if (col.field === 'nextActivityAt' && (col.ref === 'deal' || col.ref === 'lead'))
    return <NextActivityCell entity={col.ref} record={record} />;
  const empty = <span style={DIMMED}>{t('common:common.none')}</span>;
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return empty;
  switch (col.kind) {
    case 'money':
      return <span style={MONO}>{formatMoney(v, record[col.currencyField ?? 'currency'])}</span>;
    case 'date':
      return <>{formatDate(v)}</>;
    case 'datetime':
      return <>{formatDateTime(v, refs.timeZone)}</>;
    case 'number':
      return <>{formatNumber(v)}</>;
    case 'boolean':
      return <>{v ? t('common:common.yes') : t('common:common.no')}</>;
    case 'user': {
      const u = refs.users.find((x) => x.id === v);
      return <>{u ? `${u.name} ${u.lastName}`.trim() : t('common:common.unknownUser')}</>;
    }
    case 'source':
      return <>{refs.sources.find((s) => s.id === v)?.name ?? `#${v}`}</>;
    case 'pipeline':
      return <>{refs.pipelines.find((p) => p.id === v)?.name ?? `#${v}`}</>;
    case 'stage': {
      const s = stageOf(refs, v);
      return s ? (
        <Badge
          color={s.color}
          variant="light"
          size="sm"
          radius="sm"
          styles={{ label: { textTransform: 'none' } }}
        >
          {s.name}
        </Badge>
      ) : (
        <>#{String(v)}</>
      );
    }
    case 'leadStatus': {
      const s = refs.leadStatuses.find((x) => x.id === v);
      return s ? (
        <Badge
          color={s.color}
          variant="light"
          size="sm"
          radius="sm"
          styles={{ label: { textTransform: 'none' } }}
        >
          {s.name}
        </Badge>
      ) : (
        <>#{String(v)}</>
      );
    }
    case 'semantics':
      return <>{t(`fields:semantics.${String(v)}`)}</>;
    case 'comm': {
      const list = v as Comm[];
      return (
        <Group gap={4} wrap="nowrap">
          <Text size="sm" truncate>
            {list[0]?.value}
          </Text>
          {list.length > 1 && (
            <Badge size="xs" variant="default">
              +{list.length - 1}
            </Badge>
          )}
        </Group>
      );
    }
    case 'ref':
      return col.ref ? (
        <Link to={`/${ENTITY_PATH[col.ref]}/${String(v)}`} onClick={(e) => e.stopPropagation()}>
          {col.ref === 'company' && typeof record.companyTitle === 'string'
            ? record.companyTitle
            : `#${String(v)}`}
        </Link>
      ) : (
        <>#{String(v)}</>
      );
    case 'custom':
      return (
        <>
          {customText(
            refs.customFields.find((c) => c.apiName === col.field),
            v,
            refs,
          )}
        </>
      );
    default:
      return <>{String(v)}</>;
  }
}

function customText(def: CustomField | undefined, v: unknown, refs: RefData): string {
  if (!def) return String(v);
  switch (def.type) {
    case 'enum': {
      const ids = Array.isArray(v) ? v : [v];
      return ids.map((id) => def.options.find((o) => o.id === id)?.label ?? `#${String(id)}`).join(', ');
    }
    case 'money':
      return formatMoney(v, undefined);
    case 'date':
      return formatDate(v);
    case 'datetime':
      return formatDateTime(v, refs.timeZone);
    case 'boolean':
      return v ? '✓' : '✗';
    case 'user': {
      const u = refs.users.find((x) => x.id === v);
      return u ? `${u.name} ${u.lastName}`.trim() : `#${String(v)}`;
    }
    default:
      return String(v);
  }
}
