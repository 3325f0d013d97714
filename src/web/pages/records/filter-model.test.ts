import { describe, expect, it } from 'vitest';
import {
  type Condition,
  decodeConditions,
  encodeConditions,
  fromApiFilter,
  toApiFilter,
} from './filter-model';

describe('filter builder model', () => {
  it('turns conditions and the quick search into the API filter', () => {
    const conditions: Condition[] = [
      { field: 'amount', op: 'gte', value: '1000' },
      { field: 'stageId', op: 'in', value: [1, 2] },
      { field: 'closeDate', op: 'isNull', value: null },
      { field: 'title', op: 'contains', value: '' },
    ];
    expect(toApiFilter(conditions, { field: 'title', text: ' acme ' })).toEqual({
      and: [
        { amount: { gte: '1000' } },
        { stageId: { in: [1, 2] } },
        { closeDate: { isNull: true } },
        { title: { contains: 'acme' } },
      ],
    });
    expect(toApiFilter([{ field: 'responsibleId', op: 'eq', value: 3 }])).toEqual({
      responsibleId: { eq: 3 },
    });
    expect(toApiFilter([], { field: 'title', text: '  ' })).toBeUndefined();
  });

  it('reads the API filter back into conditions, and refuses shapes it cannot show', () => {
    const api = {
      and: [
        { amount: { gte: '1000', lt: '5000' } },
        { companyId: null },
        { stageSemantics: 'won' },
        { closed: { isNull: false } },
      ],
    };
    expect(fromApiFilter(api)).toEqual([
      { field: 'amount', op: 'gte', value: '1000' },
      { field: 'amount', op: 'lt', value: '5000' },
      { field: 'companyId', op: 'isNull', value: null },
      { field: 'stageSemantics', op: 'eq', value: 'won' },
      { field: 'closed', op: 'notNull', value: null },
    ]);
    expect(toApiFilter(fromApiFilter({ amount: { gte: '1' } }) ?? [])).toEqual({ amount: { gte: '1' } });
    expect(fromApiFilter({ or: [{ a: 1 }] })).toBeNull();
    expect(fromApiFilter({ a: { like: 1 } })).toBeNull();
  });

  it('round-trips through the URL and ignores garbage', () => {
    const c: Condition[] = [{ field: 'amount', op: 'lt', value: '10.5' }];
    expect(decodeConditions(encodeConditions(c))).toEqual(c);
    expect(decodeConditions('not json')).toEqual([]);
    expect(decodeConditions('{"a":1}')).toEqual([]);
    expect(encodeConditions([])).toBeNull();
  });
});
