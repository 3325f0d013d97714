import type { EntityKind } from '../../api/types';
import type { Condition } from './filter-model';

export interface Preset {
  key: string;
  labelKey: string;
  conditions: Condition[];
}

const monthStart = () => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), 1).toISOString().slice(0, 10);
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
/** Open records with no planned activity: nobody has a next step for them. */
const idle = (semantics: 'stageSemantics' | 'statusSemantics'): Preset => ({
  key: 'idle',
  labelKey: 'saved.noActivity',
  conditions: [
    { field: semantics, op: 'eq', value: 'process' },
    { field: 'nextActivityAt', op: 'isNull', value: null },
  ],
});

/** Built-in views every user has, computed for "now" and "me" when chosen. */
export function presetsFor(entity: EntityKind, me: number): Preset[] {
  const mine = (labelKey: string): Preset => ({
    key: 'mine',
    labelKey,
    conditions: [{ field: entity === 'product' ? 'createdBy' : 'responsibleId', op: 'eq', value: me }],
  });
  switch (entity) {
    case 'deal':
      return [
        mine('saved.myDeals'),
        {
          key: 'open',
          labelKey: 'saved.openDeals',
          conditions: [{ field: 'stageSemantics', op: 'eq', value: 'process' }],
        },
        {
          key: 'won-month',
          labelKey: 'saved.wonThisMonth',
          conditions: [
            { field: 'stageSemantics', op: 'eq', value: 'won' },
            { field: 'closeDate', op: 'gte', value: monthStart() },
          ],
        },
        idle('stageSemantics'),
      ];
    case 'lead':
      return [
        mine('saved.myLeads'),
        {
          key: 'new',
          labelKey: 'saved.newLeads',
          conditions: [{ field: 'createdAt', op: 'gte', value: daysAgo(7) }],
        },
        idle('statusSemantics'),
      ];
    default:
      return [mine('saved.myRecords')];
  }
}
