import { describe, expect, it } from 'vitest';
import { localizeError, messageLanguage } from './localize.js';
import { MessageCatalog, placeholdersOf } from './templates.js';

const catalog = new MessageCatalog({
  'is required': 'обязательно',
  'must be at most {n} characters': 'не более {n} символов',
  'must be at most {n} (a week)': 'не больше {n} (неделя)',
  'Too big: expected number to be <={n}': 'не больше {n}',
  'must be one of {list}': 'допустимо: {list}',
  '{what} {id} not found': ({ what, id }) => (what === 'Deal' ? `Сделка №${id} не найдена` : null),
  '{what} not found': ({ what }) => (what === 'Calendar feed' ? 'Ссылка не найдена' : `Не найдено: ${what}`),
  'Deal {id} not found': 'Сделку №{id} не нашли',
  'Stage "{name}" cannot be deleted: {message}': 'Стадию «{name}» нельзя удалить: {message}',
  'a pipeline needs exactly one "won" stage': 'нужна ровно одна стадия «Успех»',
  'stage {stage} is not in pipeline {pipeline}': 'стадия {stage} не из воронки {pipeline}',
});

describe('message templates', () => {
  it('lists the placeholders of a template', () => {
    expect(placeholdersOf('stage {stage} is not in pipeline {pipeline}')).toEqual(['stage', 'pipeline']);
    expect(placeholdersOf('is required')).toEqual([]);
  });

  it('translates exact messages and fills placeholders with the values of the message', () => {
    expect(catalog.translate('is required')).toBe('обязательно');
    expect(catalog.translate('must be at most 255 characters')).toBe('не более 255 символов');
    expect(catalog.translate('must be one of call, meeting, email')).toBe('допустимо: call, meeting, email');
    expect(catalog.translate('stage 7 is not in pipeline 3')).toBe('стадия 7 не из воронки 3');
  });

  it('matches the literal text of a template exactly, regular-expression characters included', () => {
    expect(catalog.translate('must be at most 10080 (a week)')).toBe('не больше 10080 (неделя)');
    expect(catalog.translate('Too big: expected number to be <=100')).toBe('не больше 100');
    expect(catalog.translate('Too big: expected number to be <100')).toBeNull();
    expect(catalog.translate('is required.')).toBeNull();
    expect(catalog.translate('it is required')).toBeNull();
  });

  it('lets {n} match only a number', () => {
    expect(catalog.translate('must be at most many characters')).toBeNull();
  });

  it('prefers the most specific template, and moves on when a translation has no words for the values', () => {
    expect(catalog.translate('Deal 5 not found')).toBe('Сделку №5 не нашли');
    expect(catalog.translate('Deal EUR not found')).toBe('Сделку №EUR не нашли');
    // "{what} {id} not found" has no words for a lead; "{what} not found" answers
    expect(catalog.translate('Lead 5 not found')).toBe('Не найдено: Lead 5');
  });

  it('lets {id} match a number or a code, never a word', () => {
    expect(catalog.translate('Calendar feed not found')).toBe('Ссылка не найдена');
  });

  it('translates a nested message', () => {
    expect(catalog.translate('Stage "Won" cannot be deleted: a pipeline needs exactly one "won" stage')).toBe(
      'Стадию «Won» нельзя удалить: нужна ровно одна стадия «Успех»',
    );
    expect(catalog.translate('Stage "Won" cannot be deleted: something new')).toBe(
      'Стадию «Won» нельзя удалить: something new',
    );
  });

  it('translates the message parts of a top-level message and keeps field names and unknown parts', () => {
    expect(catalog.translateMessage('title: is required')).toBe('title: обязательно');
    expect(
      catalog.translateMessage('title: is required; phones.0.value: must be at most 64 characters'),
    ).toBe('title: обязательно; phones.0.value: не более 64 символов');
    expect(catalog.translateMessage('title: is required; (body): something new')).toBe(
      'title: обязательно; (body): something new',
    );
    expect(catalog.translateMessage('title: something new')).toBeNull();
    expect(catalog.translateMessage('Something new')).toBeNull();
  });
});

describe('the language of error messages', () => {
  it('takes the most preferred supported language of Accept-Language, else English', () => {
    expect(messageLanguage(undefined)).toBe('en');
    expect(messageLanguage('')).toBe('en');
    expect(messageLanguage('ru')).toBe('ru');
    expect(messageLanguage('hy-AM,hy;q=0.9')).toBe('hy');
    expect(messageLanguage('de-DE,de;q=0.9')).toBe('en');
    expect(messageLanguage('de, ru;q=0.5, hy;q=0.7')).toBe('hy');
    expect(messageLanguage('RU-ru')).toBe('ru');
    expect(messageLanguage('ru;q=0, hy')).toBe('hy');
    expect(messageLanguage('en-US, ru')).toBe('en');
    expect(messageLanguage('*')).toBe('en');
  });

  it('localizes an error body: field messages, the message made of them, nothing else', () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED' as const,
        message: 'title: is required; name: must be at most 100 characters',
        details: [
          { field: 'title', message: 'is required' },
          { field: 'name', message: 'must be at most 100 characters' },
        ],
      },
    };
    expect(localizeError(body, 'en')).toBe(body);
    expect(localizeError(body, 'ru')).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'title: Обязательное поле; name: Не более 100 символов',
        details: [
          { field: 'title', message: 'Обязательное поле' },
          { field: 'name', message: 'Не более 100 символов' },
        ],
      },
    });
    const conflict = {
      error: {
        code: 'VERSION_CONFLICT' as const,
        message: 'Role 3 not found',
        details: { current: { id: 3 } },
      },
    };
    expect(localizeError(conflict, 'hy')).toEqual({
      error: { code: 'VERSION_CONFLICT', message: '№3 դերը չի գտնվել', details: { current: { id: 3 } } },
    });
  });
});
