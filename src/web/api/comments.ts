import { useMutation, useQueryClient } from '@tanstack/react-query';
import { del, patch, post } from './client';
import { type CrmEntity, timelineKeys } from './timeline';
import { ENTITY_PATH } from './types';

export interface PersonRef {
  id: number;
  name: string;
}

export interface CommentView {
  id: number;
  entity: CrmEntity;
  recordId: number;
  body: string;
  author: PersonRef | null;
  mentions: PersonRef[];
  edited: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Query keys of comments; a record's comments also show in its timeline, refreshed with them. */
export const commentKeys = {
  all: ['comments'] as const,
  record: (entity: CrmEntity, id: number) => ['comments', entity, id] as const,
};

/** The longest comment the API accepts. */
export const COMMENT_MAX = 10_000;

/**
 * Mentions as the API writes them in a body: `@[Anna Petrosyan](user:12)`. The label cannot hold "]" or a
 * line break and is at most 200 characters; the id is what counts.
 */
const MENTION = /@\[([^\]\n]{1,200})\]\(user:(\d{1,10})\)/g;

/** The label a mention of this name can carry ("]" and line breaks would end it early). */
export const mentionLabel = (name: string) =>
  name
    .replace(/[\]\n\r]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200) || '?';

export const mentionToken = (user: PersonRef) => `@[${mentionLabel(user.name)}](user:${user.id})`;

export type BodyPart = { text: string } | { mention: PersonRef };

/** A body cut into plain text and mentions, in order. */
export function splitMentions(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let at = 0;
  for (const m of body.matchAll(MENTION)) {
    const start = m.index ?? 0;
    if (start > at) parts.push({ text: body.slice(at, start) });
    parts.push({ mention: { id: Number(m[2]), name: m[1] as string } });
    at = start + m[0].length;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return parts;
}

/** A body as a person reads it: every mention written "@Name". */
export const readableBody = (body: string) => body.replace(MENTION, (_all, label: string) => `@${label}`);

/**
 * What the comment field holds while a person writes: mentions shown as "@Anna Petrosyan", with the users
 * they stand for remembered by label. Two different users picked under the same label keep the second as
 * the API's token, so no mention ever points at the wrong person.
 */
export interface MentionDraft {
  text: string;
  known: Record<string, number>;
}

export const EMPTY_DRAFT: MentionDraft = { text: '', known: {} };

/** A stored body opened for editing: its mentions readable again where the label is unambiguous. */
export function draftFromBody(body: string): MentionDraft {
  const idsByLabel = new Map<string, Set<number>>();
  for (const m of body.matchAll(MENTION)) {
    const label = m[1] as string;
    idsByLabel.set(label, (idsByLabel.get(label) ?? new Set()).add(Number(m[2])));
  }
  const known: Record<string, number> = {};
  for (const [label, ids] of idsByLabel) if (ids.size === 1) known[label] = [...ids][0] as number;
  const text = body.replace(MENTION, (token, label: string) => (label in known ? `@${label}` : token));
  return { text, known };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body to send: every "@Label" of a picked user becomes `@[Label](user:id)`; the rest stays as typed. */
export function bodyFromDraft(draft: MentionDraft): string {
  const labels = Object.keys(draft.known).sort((a, b) => b.length - a.length);
  if (!labels.length) return draft.text;
  const pattern = new RegExp(`@(${labels.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  return draft.text.replace(pattern, (_all, label: string) => `@[${label}](user:${draft.known[label]})`);
}

/** The "@que" being typed just before the caret, if any: where it starts and what follows the "@". */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - 41), caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const start = caret - before.length + at;
  const query = before.slice(at + 1);
  const prev = start > 0 ? text.charAt(start - 1) : ' ';
  if (!/[\s([{"'«“]/.test(prev)) return null; // an email address, not a mention
  if (/^\s|[\n@[\]]|\s{2}/.test(query)) return null;
  return { start, query };
}

/** Replaces the "@que" at `range` by the picked user; answers the new draft and where the caret goes. */
export function insertMention(
  draft: MentionDraft,
  range: { start: number; end: number },
  user: PersonRef,
): { draft: MentionDraft; caret: number } {
  const label = mentionLabel(user.name);
  const taken = draft.known[label];
  const readable = taken === undefined || taken === user.id;
  const inserted = `${readable ? `@${label}` : mentionToken(user)} `;
  const after = draft.text.slice(range.end).replace(/^ /, '');
  return {
    draft: {
      text: draft.text.slice(0, range.start) + inserted + after,
      known: readable ? { ...draft.known, [label]: user.id } : draft.known,
    },
    caret: range.start + inserted.length,
  };
}

function useInvalidateRecord() {
  const qc = useQueryClient();
  return (entity: CrmEntity, id: number) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: timelineKeys.record(entity, id) }),
      qc.invalidateQueries({ queryKey: commentKeys.record(entity, id) }),
    ]);
}

export function useCreateComment(entity: CrmEntity, recordId: number) {
  const invalidate = useInvalidateRecord();
  return useMutation({
    mutationFn: (body: string) =>
      post<CommentView>(`/api/v1/${ENTITY_PATH[entity]}/${recordId}/comments`, { body }),
    onSuccess: () => invalidate(entity, recordId),
  });
}

export function useUpdateComment() {
  const invalidate = useInvalidateRecord();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) =>
      patch<CommentView>(`/api/v1/comments/${id}`, { body }),
    onSuccess: (c) => invalidate(c.entity, c.recordId),
  });
}

export function useDeleteComment() {
  const invalidate = useInvalidateRecord();
  return useMutation({
    mutationFn: (c: CommentView) => del(`/api/v1/comments/${c.id}`),
    onSuccess: (_void, c) => invalidate(c.entity, c.recordId),
  });
}
