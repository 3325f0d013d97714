import { useQuery } from '@tanstack/react-query';
import type { ActivityOwner } from '../../api/activities';
import { get } from '../../api/client';
import { recordKeys } from '../../api/records';
import { type Comm, type CrmRecord, ENTITY_PATH } from '../../api/types';
import { useRecordsByIds } from '../record/record-queries';
import { recordTitle } from '../record/record-text';

export interface CommOption {
  value: string;
  label: string;
}

const commsOf = (r: CrmRecord | undefined, field: 'phones' | 'emails') =>
  Array.isArray(r?.[field]) ? (r?.[field] as Comm[]) : [];

function optionsOf(r: CrmRecord, who: string | null): CommOption[] {
  const suffix = who ? ` · ${who}` : '';
  return [
    ...commsOf(r, 'phones').map((c) => ({ value: `phone:${c.value}`, label: `${c.value}${suffix}` })),
    ...commsOf(r, 'emails').map((c) => ({ value: `email:${c.value}`, label: `${c.value}${suffix}` })),
  ];
}

/**
 * The phones and emails an activity on a record can use: the record's own, and for a deal those of its
 * contacts and company (a deal has none itself).
 */
export function useCommOptions(owner: { entity: ActivityOwner; id: number } | null): CommOption[] {
  const entity = owner?.entity ?? 'deal';
  const id = owner?.id ?? 0;
  // the record page has it cached already under the same key
  const record = useQuery({
    queryKey: recordKeys.one(entity, id),
    queryFn: () => get<CrmRecord>(`/api/v1/${ENTITY_PATH[entity]}/${id}`),
    enabled: id > 0,
  });
  const rec = id > 0 ? record.data : undefined;
  const isDeal = owner?.entity === 'deal';
  const contactIds = isDeal && Array.isArray(rec?.contactIds) ? (rec?.contactIds as number[]) : [];
  const companyId = isDeal && typeof rec?.companyId === 'number' ? [rec.companyId] : [];
  const contacts = useRecordsByIds('contact', contactIds);
  const companies = useRecordsByIds('company', companyId);
  if (!rec) return [];
  if (!isDeal) return optionsOf(rec, null);
  return [
    ...(contacts.data ?? []).flatMap((c) => optionsOf(c, recordTitle('contact', c))),
    ...(companies.data ?? []).flatMap((c) => optionsOf(c, recordTitle('company', c))),
  ];
}
