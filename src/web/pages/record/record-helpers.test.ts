import { describe, expect, it } from 'vitest';
import type { ProductRow } from '../../api/product-rows';
import { apiMessageKey, issuesFor } from './api-messages';
import { isoToLocalInput, localInputToIso } from './datetime-tz';
import { normalizeDecimal, parseInteger, parseNumber } from './decimal';
import {
  draftFromProduct,
  draftOf,
  draftsDiffer,
  emptyDraft,
  inputOf,
  liveFigures,
} from './product-row-draft';
import { commHref, crmLinkTarget, readableOn, recordTitle, searchFilter } from './record-text';

describe('date-times in the user time zone', () => {
  it('shows a UTC instant on the wall clock of the zone', () => {
    expect(isoToLocalInput('2025-03-01T10:30:00.000Z', 'Asia/Yerevan')).toBe('2025-03-01T14:30');
    expect(isoToLocalInput('2025-03-01T00:15:00Z', 'America/New_York')).toBe('2025-02-28T19:15');
    expect(isoToLocalInput('nonsense', 'UTC')).toBe('');
    expect(isoToLocalInput(null, 'UTC')).toBe('');
  });
  it('reads a wall-clock time back into the same instant, across DST changes', () => {
    expect(localInputToIso('2025-03-01T14:30', 'Asia/Yerevan')).toBe('2025-03-01T10:30:00.000Z');
    expect(localInputToIso('2025-07-01T09:00', 'Europe/Berlin')).toBe('2025-07-01T07:00:00.000Z');
    expect(localInputToIso('2025-01-15T09:00', 'Europe/Berlin')).toBe('2025-01-15T08:00:00.000Z');
    expect(localInputToIso('2025-03-30T04:00', 'Europe/Berlin')).toBe('2025-03-30T02:00:00.000Z');
    expect(localInputToIso('bad', 'UTC')).toBeNull();
    for (const iso of ['2025-10-26T00:30:00.000Z', '2024-12-31T23:59:00.000Z']) {
      expect(localInputToIso(isoToLocalInput(iso, 'Europe/Moscow'), 'Europe/Moscow')).toBe(iso);
    }
  });
});

describe('numbers as typed', () => {
  it('normalises spaces and decimal commas without turning money into floats', () => {
    expect(normalizeDecimal(' 1 234,50 ')).toBe('1234.50');
    expect(normalizeDecimal('12\u00a0000')).toBe('12000');
    expect(parseInteger('42')).toBe(42);
    expect(parseInteger('4.2')).toBeNull();
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('API messages', () => {
  it('maps known messages to keys, keeps unknown ones', () => {
    expect(apiMessageKey('is required')).toEqual({ key: 'api.required' });
    expect(apiMessageKey('must be at most 255 characters')).toEqual({
      key: 'api.tooLong',
      values: { max: '255' },
    });
    expect(apiMessageKey('Too big: expected number to be <=100')).toEqual({
      key: 'api.max',
      values: { n: '100' },
    });
    expect(apiMessageKey('Too small: expected number to be >=0')).toEqual({
      key: 'api.min',
      values: { n: '0' },
    });
    expect(apiMessageKey('something new')).toBeNull();
  });
  it('finds the issues of a field and its parts', () => {
    const issues = [
      { field: 'phones.0.value', message: 'a' },
      { field: 'phonesX', message: 'b' },
      { field: 'phones', message: 'c' },
    ];
    expect(issuesFor(issues, 'phones').map((i) => i.message)).toEqual(['a', 'c']);
  });
});

const stored: ProductRow = {
  id: 7,
  productId: 1,
  name: 'Laptop',
  price: '1200.00',
  quantity: '2',
  measure: 'pcs',
  discountType: 'percent',
  discountRate: '10',
  discountSum: '120.00',
  taxRate: '20',
  taxIncluded: true,
  priceAfterDiscount: '1080.00',
  sum: '2160.00',
  taxSum: '360.00',
  total: '2160.00',
};

describe('product rows while editing', () => {
  it('computes the same exact figures as the server', () => {
    const live = liveFigures([draftOf(stored)]);
    expect(live.rows[0]).toEqual({ problems: [], sum: '2160.00', total: '2160.00', taxSum: '360.00' });
    expect(live.totals).toEqual({
      subtotal: '2400.00',
      discountTotal: '240.00',
      taxTotal: '360.00',
      total: '2160.00',
    });
    expect(live.complete).toBe(true);
  });
  it('adds tax on top and keeps cents exact', () => {
    const d = {
      ...emptyDraft(),
      name: 'Setup',
      price: '0,10',
      quantity: '3',
      taxRate: '20',
      taxIncluded: false,
    };
    const live = liveFigures([d, d]);
    expect(live.rows[0]?.total).toBe('0.36');
    expect(live.totals.total).toBe('0.72');
  });
  it('names the fields it cannot read and leaves them out of the totals', () => {
    const bad = { ...emptyDraft(), name: '', price: '12.345', quantity: '0' };
    const live = liveFigures([bad, draftOf(stored)]);
    expect(live.rows[0]?.problems).toEqual(['name', 'price', 'quantity']);
    expect(live.totals.total).toBe('2160.00');
    expect(live.complete).toBe(false);
  });
  it('sends amounts as normalised strings and only the discount form in use', () => {
    const d = {
      ...emptyDraft(),
      name: ' Cable ',
      price: '1 000,5',
      discountType: 'amount' as const,
      discount: '5',
    };
    expect(inputOf(d)).toEqual({
      productId: null,
      name: 'Cable',
      price: '1000.5',
      quantity: '1',
      measure: 'pcs',
      discountType: 'amount',
      discountSum: '5',
      taxRate: null,
      taxIncluded: true,
    });
    expect(inputOf({ ...d, discount: '0' })).not.toHaveProperty('discountSum');
  });
  it('knows when drafts differ from what is stored', () => {
    expect(draftsDiffer([draftOf(stored)], [stored])).toBe(false);
    expect(draftsDiffer([{ ...draftOf(stored), quantity: '3' }], [stored])).toBe(true);
    expect(draftsDiffer([], [stored])).toBe(true);
  });
  it('takes a product price only in the record currency', () => {
    const p = {
      id: 3,
      name: 'Mouse',
      price: '25.00',
      currency: 'EUR',
      vatRate: '20',
      vatIncluded: false,
      measure: 'pcs',
    };
    expect(draftFromProduct(emptyDraft(), p, 'EUR').price).toBe('25.00');
    expect(draftFromProduct(emptyDraft(), p, 'USD').price).toBe('');
  });
});

describe('record text', () => {
  it('titles and search filters', () => {
    expect(recordTitle('contact', { id: 1, version: 1, name: 'Anna', lastName: 'Petrova' })).toBe(
      'Anna Petrova',
    );
    expect(recordTitle('deal', { id: 5, version: 1, title: '' })).toBe('#5');
    expect(searchFilter('contact', ' ann ')).toEqual({
      or: [{ name: { contains: 'ann' } }, { lastName: { contains: 'ann' } }],
    });
    expect(searchFilter('company', 'ara')).toEqual({ title: { contains: 'ara' } });
  });
  it('links', () => {
    expect(crmLinkTarget('deal:12')).toEqual({ entity: 'deal', id: 12 });
    expect(crmLinkTarget('deal:0')).toBeNull();
    expect(commHref('phones', '+7 (916) 123-45-67')).toBe('tel:+79161234567');
    expect(commHref('websites', 'example.com')).toBe('https://example.com');
    expect(commHref('messengers', '@anna')).toBeNull();
  });
  it('picks readable text on stage colours', () => {
    expect(readableOn('#74c0fc')).toBe('dark');
    expect(readableOn('#1864ab')).toBe('light');
    expect(readableOn('#fa5252')).toBe('dark');
    expect(readableOn('nonsense')).toBe('dark');
  });
});

describe('a product row just added', () => {
  it('neither counts nor marks the totals incomplete until something is typed', () => {
    const live = liveFigures([emptyDraft()]);
    expect(live.complete).toBe(true);
    expect(live.rows[0]?.problems).toEqual([]);
    const typed = liveFigures([{ ...emptyDraft(), name: 'Cable' }]);
    expect(typed.complete).toBe(false);
    expect(typed.rows[0]?.problems).toContain('price');
  });
});
