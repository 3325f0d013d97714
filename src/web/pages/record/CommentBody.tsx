import { Text } from '@mantine/core';
import { splitMentions } from '../../api/comments';
import classes from './Timeline.module.css';

/** A comment as people read it: its text with each @mention shown as a chip naming the colleague. */
export function CommentBody({ body, meId }: { body: string; meId: number | undefined }) {
  return (
    <Text size="sm" className={classes.body} data-testid="comment-body">
      {splitMentions(body).map((part, i) =>
        'mention' in part ? (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one body keep their order
            key={i}
            className={classes.mention}
            data-me={part.mention.id === meId || undefined}
            data-user-id={part.mention.id}
          >
            @{part.mention.name}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one body keep their order
          <span key={i}>{part.text}</span>
        ),
      )}
    </Text>
  );
}
