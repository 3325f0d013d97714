import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  bodyFromDraft,
  COMMENT_MAX,
  EMPTY_DRAFT,
  type MentionDraft,
  useCreateComment,
} from '../../api/comments';
import { userName } from '../../api/reference';
import { useMe } from '../../api/session';
import type { CrmEntity } from '../../api/timeline';
import type { UserRef } from '../../api/types';
import { errorMessage } from '../../components/ErrorState';
import { apiMessageKey } from './api-messages';
import { MentionInput } from './MentionInput';
import { useRecordPage } from './record-context';
import classes from './Timeline.module.css';

type T = (key: string, values?: Record<string, unknown>) => string;

/** Why the API refused a comment, in the user's language (a mentioned colleague by name). */
export function commentError(t: T, error: unknown, users: UserRef[]): string {
  if (!(error instanceof ApiError) || error.status !== 400)
    return errorMessage((k) => t(`common:${k}`), error);
  const messages = error.fieldIssues.map((issue) => {
    const inactive = /^mentions user (\d+), who is not an active user$/.exec(issue.message);
    if (inactive) {
      const id = Number(inactive[1]);
      return t('timeline:errors.inactiveMention', { name: userName(users, id) ?? `#${id}` });
    }
    const tooMany = /^mentions at most (\d+) users$/.exec(issue.message);
    if (tooMany) return t('timeline:errors.tooManyMentions', { count: Number(tooMany[1]) });
    const known = apiMessageKey(issue.message);
    return known ? t(`record:${known.key}`, known.values) : issue.message;
  });
  return messages.length ? [...new Set(messages)].join(' ') : error.message;
}

/** Colleagues one can mention: active users other than oneself. */
export function useMentionable(): UserRef[] {
  const { refs } = useRecordPage();
  const me = useMe();
  return refs.users.filter((u) => u.active && u.id !== me.data?.id);
}

/** The field at the top of a record's timeline: write, @mention, Ctrl+Enter to send. */
export function CommentComposer({ entity, recordId }: { entity: CrmEntity; recordId: number }) {
  const { t } = useTranslation(['timeline', 'common', 'record']);
  const { refs } = useRecordPage();
  const users = useMentionable();
  const create = useCreateComment(entity, recordId);
  const [draft, setDraft] = useState<MentionDraft>(EMPTY_DRAFT);
  const body = bodyFromDraft(draft).trim();
  const tooLong = body.length > COMMENT_MAX;

  const send = () => {
    if (!body || tooLong || create.isPending) return;
    create.mutate(body, { onSuccess: () => setDraft(EMPTY_DRAFT) });
  };
  const error = tooLong
    ? t('record:api.tooLong', { max: COMMENT_MAX })
    : create.isError
      ? commentError(t, create.error, refs.users)
      : null;

  return (
    <form
      className={classes.composer}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      data-testid="comment-composer"
    >
      <MentionInput
        draft={draft}
        onDraftChange={(d) => {
          setDraft(d);
          if (create.isError) create.reset();
        }}
        users={users}
        label={t('composer.label')}
        placeholder={t('composer.placeholder')}
        error={error}
        onSubmit={send}
        testId="comment-input"
      />
      <Group justify="space-between" gap="xs" mt={6} wrap="nowrap">
        <Text size="xs" c="dimmed" className={classes.hint}>
          {t('composer.hint')}
        </Text>
        <Button
          type="submit"
          size="compact-sm"
          loading={create.isPending}
          disabled={!body || tooLong}
          data-testid="comment-send"
        >
          {t('composer.send')}
        </Button>
      </Group>
    </form>
  );
}
