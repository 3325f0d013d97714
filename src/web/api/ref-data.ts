import type { RefData } from '../components/FieldValue';
import { useCustomFields, useLeadStatuses, usePipelines, useSources, useUsers } from './reference';
import { useMe } from './session';
import type { EntityKind } from './types';

/** All reference lists a screen of `entity` needs, as one object (empty lists while loading). */
export function useRefData(entity: EntityKind): RefData {
  const users = useUsers();
  const pipelines = usePipelines();
  const statuses = useLeadStatuses();
  const sources = useSources();
  const custom = useCustomFields(entity);
  const me = useMe();
  return {
    users: users.data ?? [],
    pipelines: pipelines.data ?? [],
    leadStatuses: statuses.data ?? [],
    sources: sources.data ?? [],
    customFields: custom.data ?? [],
    timeZone: me.data?.timeZone ?? 'UTC',
  };
}
