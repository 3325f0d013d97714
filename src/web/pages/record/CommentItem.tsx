import { ActionIcon, Badge, Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconMessage, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bodyFromDraft,
  COMMENT_MAX,
  type CommentView,
  draftFromBody,
  type MentionDraft,
  useDeleteComment,
  useUpdateComment,
} from '../../api/comments';
import { useMe } from '../../api/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../lib/format';
import { CommentBody } from './CommentBody';
import { commentError, useMentionable } from './CommentComposer';
import historyClasses from './HistoryTimeline.module.css';
import { MentionInput } from './MentionInput';
import { useRecordPage } from './record-context';
import classes from './Timeline.module.css';

/** Changing a comment in place: the same field as writing one, Ctrl+Enter saves, Escape gives up. */
function CommentEditor({ comment, onDone }: { comment: CommentView; onDone: () => void }) {
  const { t } = useTranslation(['timeline', 'common', 'record']);
  const { refs } = useRecordPage();
  const users = useMentionable();
  const update = useUpdateComment();
  const [draft, setDraft] = useState<MentionDraft>(() => draftFromBody(comment.body));
  const body = bodyFromDraft(draft).trim();
  const tooLong = body.length > COMMENT_MAX;
  const save = () => {
    if (!body || tooLong || update.isPending) return;
    if (body === comment.body) return onDone();
    update.mutate({ id: comment.id, body }, { onSuccess: onDone });
  };
  const error = tooLong
    ? t('record:api.tooLong', { max: COMMENT_MAX })
    : update.isError
      ? commentError(t, update.error, refs.users)
      : null;
  return (
    <div className={classes.editor}>
      <MentionInput
        draft={draft}
        onDraftChange={(d) => {
          setDraft(d);
          if (update.isError) update.reset();
        }}
        users={users}
        label={t('comment.editLabel')}
        error={error}
        onSubmit={save}
        onCancel={onDone}
        autoFocus
        testId="comment-edit-input"
      />
      <Group justify="flex-end" gap={6} mt={6}>
        <Button size="compact-sm" variant="default" onClick={onDone}>
          {t('common:actions.cancel')}
        </Button>
        <Button
          size="compact-sm"
          onClick={save}
          loading={update.isPending}
          disabled={!body || tooLong}
          data-testid="comment-save"
        >
          {t('common:actions.save')}
        </Button>
      </Group>
    </div>
  );
}

/** One comment in the timeline; its author may edit or delete it, an administrator may delete it. */
export function CommentItem({ comment }: { comment: CommentView }) {
  const { t } = useTranslation(['timeline', 'common']);
  const { refs } = useRecordPage();
  const me = useMe().data;
  const remove = useDeleteComment();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const mine = me !== undefined && me !== null && comment.author?.id === me.id;
  const canDelete = mine || Boolean(me?.isAdmin);
  const author = comment.author?.name || t('common:common.unknownUser');

  const confirmDelete = () =>
    remove.mutate(comment, {
      onSuccess: () => setConfirming(false),
      onError: (err) => {
        setConfirming(false);
        notifications.show({ color: 'red', message: commentError(t, err, refs.users) });
      },
    });

  return (
    <li className={historyClasses.entry} data-testid="timeline-comment" data-comment-id={comment.id}>
      <div className={historyClasses.head}>
        <Badge
          size="xs"
          radius="sm"
          variant="light"
          color="grape"
          className={`${historyClasses.action} ${classes.iconBadge}`}
          title={t('comment.badge')}
        >
          <IconMessage size={11} aria-hidden />
          <span className={historyClasses.srOnly}>{t('comment.badge')}</span>
        </Badge>
        <Text size="xs" fw={600} className={historyClasses.who} title={author}>
          {author}
        </Text>
        {comment.edited && (
          <Text size="xs" c="dimmed" title={formatDateTime(comment.updatedAt, refs.timeZone)}>
            {t('comment.edited')}
          </Text>
        )}
        <Text
          size="xs"
          c="dimmed"
          component="time"
          dateTime={comment.createdAt}
          className={historyClasses.when}
        >
          {formatDateTime(comment.createdAt, refs.timeZone)}
        </Text>
        {canDelete && !editing && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                size="xs"
                variant="subtle"
                color="gray"
                aria-label={t('comment.actions')}
                className={classes.menuButton}
                data-testid="comment-menu"
              >
                <IconDots size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {mine && (
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                  {t('common:actions.edit')}
                </Menu.Item>
              )}
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => setConfirming(true)}
              >
                {t('common:actions.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </div>
      {editing ? (
        <CommentEditor comment={comment} onDone={() => setEditing(false)} />
      ) : (
        <CommentBody body={comment.body} meId={me?.id} />
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('comment.deleteTitle')}
        message={t('comment.deleteText')}
        confirmLabel={t('common:actions.delete')}
        onConfirm={confirmDelete}
        onClose={() => setConfirming(false)}
        loading={remove.isPending}
      />
    </li>
  );
}
