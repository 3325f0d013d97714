import { describe, expect, it } from 'vitest';
import {
  bodyFromDraft,
  draftFromBody,
  EMPTY_DRAFT,
  insertMention,
  mentionQueryAt,
  readableBody,
  splitMentions,
} from './comments';

const anna = { id: 12, name: 'Anna Petrosyan' };
const otherAnna = { id: 31, name: 'Anna Petrosyan' };

describe('mentions in the comment field', () => {
  it('finds the name being typed after an @, but not inside an email address', () => {
    expect(mentionQueryAt('Call @An', 8)).toEqual({ start: 5, query: 'An' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Call @Anna Pe', 13)).toEqual({ start: 5, query: 'Anna Pe' });
    expect(mentionQueryAt('write to anna@example', 21)).toBeNull();
    expect(mentionQueryAt('@Anna\nsee', 9)).toBeNull();
    expect(mentionQueryAt('@ Anna', 6)).toBeNull();
  });

  it('shows a picked user readably and sends the API token', () => {
    const typed = { ...EMPTY_DRAFT, text: 'Please call @An today' };
    const { draft, caret } = insertMention(typed, { start: 12, end: 15 }, anna);
    expect(draft.text).toBe('Please call @Anna Petrosyan today');
    expect(caret).toBe('Please call @Anna Petrosyan '.length);
    expect(bodyFromDraft(draft)).toBe('Please call @[Anna Petrosyan](user:12) today');
  });

  it('keeps a longer word that only starts with a picked name as plain text', () => {
    const draft = { text: '@Ann and @Anna', known: { Ann: 4 } };
    expect(bodyFromDraft(draft)).toBe('@[Ann](user:4) and @Anna');
  });

  it('never lets two people with the same name share one readable mention', () => {
    const first = insertMention({ text: '@', known: {} }, { start: 0, end: 1 }, anna).draft;
    const both = insertMention(
      { ...first, text: `${first.text}@` },
      { start: first.text.length, end: first.text.length + 1 },
      otherAnna,
    ).draft;
    expect(bodyFromDraft(both)).toBe('@[Anna Petrosyan](user:12) @[Anna Petrosyan](user:31) ');
  });

  it('opens a stored body for editing and sends it back unchanged', () => {
    const body = 'Hi @[Anna Petrosyan](user:12), see @[Aram](user:3)!';
    const draft = draftFromBody(body);
    expect(draft.text).toBe('Hi @Anna Petrosyan, see @Aram!');
    expect(bodyFromDraft(draft)).toBe(body);
  });

  it('cuts a body into text and mentions for display', () => {
    expect(splitMentions('Hi @[Anna](user:12) and @[Aram](user:3).')).toEqual([
      { text: 'Hi ' },
      { mention: { id: 12, name: 'Anna' } },
      { text: ' and ' },
      { mention: { id: 3, name: 'Aram' } },
      { text: '.' },
    ]);
    expect(readableBody('ask @[Anna](user:12)')).toBe('ask @Anna');
  });
});
