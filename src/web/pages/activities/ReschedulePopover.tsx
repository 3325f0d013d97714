import { ActionIcon, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Activity, useUpdateActivity } from '../../api/activities';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { errorMessage } from '../../components/ErrorState';
import { isoToLocalInput, localInputToIso } from '../record/datetime-tz';
import { activityMessage } from './activity-messages';
import { isTimed } from './activity-meta';
import { useWhen } from './use-when';
import { WhenInput } from './WhenInput';

/**
 * Reschedule by picking a new time (or a quick pick) in the user's time zone: a call or meeting moves its
 * start (keeping its length), an email or task its deadline.
 */
export function ReschedulePopover({ activity }: { activity: Activity }) {
  const { t } = useTranslation(['activities', 'common']);
  const timeZone = useMe().data?.timeZone ?? 'UTC';
  const { when } = useWhen();
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState('');
  const update = useUpdateActivity();
  const timed = isTimed(activity.type);
  const open = () => {
    setValue(isoToLocalInput(timed ? (activity.startAt ?? activity.dueAt) : activity.dueAt, timeZone));
    update.reset();
    setOpened(true);
  };
  const save = () => {
    const at = localInputToIso(value, timeZone);
    if (!at) return;
    update.mutate(
      { activity, body: timed ? { startAt: at } : { deadline: at } },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'teal', message: t('done.rescheduled', { when: when(a.dueAt) }) });
          setOpened(false);
        },
      },
    );
  };
  const issue = update.error instanceof ApiError ? update.error.fieldIssues[0] : undefined;
  const label = t('actions.rescheduleNamed', { subject: activity.subject });
  return (
    <Popover opened={opened} onChange={setOpened} width={300} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="md"
          aria-label={label}
          title={t('actions.reschedule')}
          onClick={() => (opened ? setOpened(false) : open())}
          data-testid="activity-reschedule"
        >
          <IconCalendarTime size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Stack gap={8}>
            <WhenInput
              label={timed ? t('form.startAt') : t('form.deadline')}
              value={value}
              onChange={setValue}
              timeZone={timeZone}
              error={issue ? activityMessage(t, issue.message) : undefined}
              autoFocus
              testId="activity-reschedule-when"
            />
            {update.isError && !issue && (
              <Text size="xs" c="red" role="alert">
                {errorMessage((k) => t(`common:${k}`), update.error)}
              </Text>
            )}
            <Group justify="flex-end" gap={6}>
              <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                size="xs"
                type="submit"
                loading={update.isPending}
                disabled={!localInputToIso(value, timeZone)}
              >
                {t('actions.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
