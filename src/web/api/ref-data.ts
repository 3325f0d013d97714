import { useMemo } from 'react';
import type { RefData } from '../components/FieldValue';
import { useCustomFields, useLeadStatuses, usePipelines, useSources, useUsers } from './reference';
import { useMe } from './session';
import type { EntityKind } from './types';

/** All reference lists a screen of `entity` needs, as one object (empty lists while loading). */
const NONE: never[] = [];

export function useRefData(entity: EntityKind): RefData {
  const users = useUsers();
  const pipelines = usePipelines();
  const statuses = useLeadStatuses();
  const sources = useSources();
  const custom = useCustomFields(entity);
  const me = useMe();
  // one object while the data stays the same: list rows are memoized on it
  return useMemo(
    () => ({
      users: users.data ?? NONE,
      pipelines: pipelines.data ?? NONE,
      leadStatuses: statuses.data ?? NONE,
      sources: sources.data ?? NONE,
      customFields: custom.data ?? NONE,
      timeZone: me.data?.timeZone ?? 'UTC',
    }),
    [users.data, pipelines.data, statuses.data, sources.data, custom.data, me.data?.timeZone],
  );
}
