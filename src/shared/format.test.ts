import { describe, expect, it } from 'vitest';
import { effectiveLocale, formatDateIn, formatDateTimeIn, formatMoneyIn } from './format.js';

describe('display formatting', () => {
  it('formats money exactly from its decimal string, in the user’s language', () => {
    expect(formatMoneyIn('en-US', '24000.50', 'USD')).toBe('$24,000.50');
    expect(formatMoneyIn('en-US', '9007199254740993.01', 'USD')).toBe('$9,007,199,254,740,993.01');
    expect(formatMoneyIn('ru-RU', '1234.5', 'RUB').replace(/\s/g, ' ')).toBe('1 234,50 ₽');
    expect(formatMoneyIn('en-US', '-5.00', 'EUR')).toBe('-€5.00');
    expect(formatMoneyIn('en-US', null, 'USD')).toBe('');
  });

  it('shows a UTC time in the user’s zone and a calendar date without shifting it', () => {
    expect(formatDateTimeIn('en-US', '2026-01-01T23:30:00.000Z', 'Asia/Yerevan')).toBe(
      'Jan 2, 2026, 3:30 AM',
    );
    expect(formatDateTimeIn('en-US', '2026-01-01T23:30:00.000Z', 'America/New_York')).toBe(
      'Jan 1, 2026, 6:30 PM',
    );
    expect(formatDateIn('en-US', '2026-03-01')).toBe('Mar 1, 2026');
    expect(formatDateIn('en-US', 'garbage')).toBe('');
  });
});

describe('a language the engine has no locale data for', () => {
  it('borrows the number conventions of a locale that writes numbers alike and writes dates in digits', () => {
    expect(effectiveLocale('hy-AM', () => false)).toEqual({ tag: 'ru-RU', numericDates: true });
    expect(effectiveLocale('hy-AM', () => true)).toEqual({ tag: 'hy-AM', numericDates: false });
    expect(effectiveLocale('ru-RU', () => true)).toEqual({ tag: 'ru-RU', numericDates: false });
    // no borrowing for languages without a known twin: the engine's own fallback applies
    expect(effectiveLocale('xx-XX', () => false)).toEqual({ tag: 'xx-XX', numericDates: false });
  });
});
