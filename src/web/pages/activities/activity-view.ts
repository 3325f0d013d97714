import type { ActivityListSpec, ActivityOwner, ActivityType } from '../../api/activities';
import { type Condition, toApiFilter } from '../records/filter-model';
import { todayRange, weekRange } from './activity-dates';
import { TYPES } from './activity-meta';

/**
 * What the activities page shows, kept in the URL (?preset=overdue&types=call&record=deal:42&user=7) so a
 * link reproduces it. It becomes an API filter through the list screens' own filter model.
 */
export const PRESETS = ['today', 'overdue', 'week', 'planned', 'done'] as const;
export type PresetKey = (typeof PRESETS)[number];

export const OWNERS: readonly ActivityOwner[] = ['deal', 'lead', 'contact', 'company'];

export interface RecordRef {
  entity: ActivityOwner;
  id: number;
}

export interface ActivityView {
  preset: PresetKey;
  types: ActivityType[];
  record: RecordRef | null;
  /** Whose activities: a user's id, or everyone's that the user may see. */
  user: number | 'all';
}

export function parseRecordRef(text: string | null): RecordRef | null {
  const m = /^(deal|lead|contact|company):([1-9]\d{0,15})$/.exec(text ?? '');
  return m ? { entity: m[1] as ActivityOwner, id: Number(m[2]) } : null;
}

export function viewFromParams(params: URLSearchParams, me: number): ActivityView {
  const preset = params.get('preset');
  const user = params.get('user');
  return {
    preset: PRESETS.includes(preset as PresetKey) ? (preset as PresetKey) : 'today',
    types: (params.get('types') ?? '')
      .split(',')
      .filter((x): x is ActivityType => TYPES.includes(x as ActivityType)),
    record: parseRecordRef(params.get('record')),
    user: user === 'all' ? 'all' : /^\d+$/.test(user ?? '') ? Number(user) : me,
  };
}

/** The view's URL parameters; the defaults (today, me) are left out so the plain address stays plain. */
export function viewToParams(view: ActivityView, me: number): URLSearchParams {
  const p = new URLSearchParams();
  if (view.preset !== 'today') p.set('preset', view.preset);
  if (view.types.length) p.set('types', view.types.join(','));
  if (view.record) p.set('record', `${view.record.entity}:${view.record.id}`);
  if (view.user !== me) p.set('user', String(view.user));
  return p;
}

/** The preset's conditions at `now` (minute precision, so the query key changes once a minute at most). */
function presetConditions(preset: PresetKey, now: Date, timeZone: string): Condition[] {
  const planned: Condition = { field: 'status', op: 'eq', value: 'planned' };
  const range = (r: { from: string; to: string }): Condition[] => [
    planned,
    { field: 'dueAt', op: 'gte', value: r.from },
    { field: 'dueAt', op: 'lt', value: r.to },
  ];
  switch (preset) {
    case 'today':
      return range(todayRange(now, timeZone));
    case 'week':
      return range(weekRange(now, timeZone));
    case 'overdue':
      return [planned, { field: 'dueAt', op: 'lt', value: now.toISOString() }];
    case 'planned':
      return [planned];
    case 'done':
      return [{ field: 'status', op: 'eq', value: 'done' }];
  }
}

export function specFor(view: ActivityView, now: Date, timeZone: string): ActivityListSpec {
  const conditions = presetConditions(view.preset, now, timeZone);
  if (view.user !== 'all') conditions.push({ field: 'responsibleId', op: 'eq', value: view.user });
  if (view.types.length) conditions.push({ field: 'type', op: 'in', value: [...view.types] });
  if (view.record) {
    conditions.push({ field: 'ownerEntity', op: 'eq', value: view.record.entity });
    conditions.push({ field: 'ownerId', op: 'eq', value: view.record.id });
  }
  return {
    filter: toApiFilter(conditions),
    sort: view.preset === 'done' ? '-completedAt' : 'dueAt',
  };
}
