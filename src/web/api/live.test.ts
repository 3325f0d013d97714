import { describe, expect, it } from 'vitest';
import { staleKeys } from './live';

describe('staleKeys', () => {
  it('refreshes the idle counters when a deal or lead changes', () => {
    const keys = staleKeys({ kind: 'deal', id: 7, action: 'updated' });
    expect(keys).toContainEqual(['records', 'deal']);
    expect(keys).toContainEqual(['counters']);
    expect(staleKeys({ kind: 'lead', id: 3, action: 'deleted' })).toContainEqual(['counters']);
  });

  it('leaves the counters alone for records that are never idle', () => {
    expect(staleKeys({ kind: 'contact', id: 1, action: 'updated' })).toEqual([
      ['records', 'contact'],
      ['timeline'],
    ]);
  });

  it('refreshes the personal screens on an activity change', () => {
    const keys = staleKeys({ kind: 'activity', id: 1, action: 'created' });
    for (const prefix of ['activities', 'counters', 'notifications', 'timeline', 'calendar'])
      expect(keys).toContainEqual([prefix]);
  });

  it('refreshes reference lists, settings screens and records when shared settings change', () => {
    const keys = staleKeys({ kind: 'settings', id: 0, action: 'updated' });
    for (const prefix of ['ref', 'settings', 'records']) expect(keys).toContainEqual([prefix]);
  });
});
