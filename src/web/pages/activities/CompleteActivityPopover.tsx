import { ActionIcon, Button, Group, Popover, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Activity, useCompleteActivity } from '../../api/activities';
import { errorMessage } from '../../components/ErrorState';

/**
 * Complete in one step: the check opens a small box for an optional result ("agreed on 20 laptops");
 * Enter completes. A failure stays in the box, said in words.
 */
export function CompleteActivityPopover({ activity }: { activity: Activity }) {
  const { t } = useTranslation(['activities', 'common']);
  const [opened, setOpened] = useState(false);
  const [result, setResult] = useState('');
  const complete = useCompleteActivity();
  const close = () => {
    setOpened(false);
    complete.reset();
  };
  const submit = () =>
    complete.mutate(
      { activity, result },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'teal', message: t('done.completed', { subject: a.subject }) });
          setResult('');
          close();
        },
      },
    );
  const label = t('actions.completeNamed', { subject: activity.subject });
  return (
    <Popover opened={opened} onChange={setOpened} width={280} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="default"
          radius="xl"
          size="md"
          aria-label={label}
          title={t('actions.complete')}
          onClick={() => setOpened((o) => !o)}
          data-testid="activity-complete"
        >
          <IconCheck size={15} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap={6}>
            <Textarea
              label={t('actions.result')}
              placeholder={t('actions.resultPlaceholder')}
              description={t('actions.resultHint')}
              autosize
              minRows={2}
              maxRows={6}
              data-autofocus
              value={result}
              onChange={(e) => setResult(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  submit();
                }
                if (e.key === 'Escape') close();
              }}
              data-testid="activity-result"
            />
            {complete.isError && (
              <Text size="xs" c="red" role="alert">
                {errorMessage((k) => t(`common:${k}`), complete.error)}
              </Text>
            )}
            <Group justify="flex-end" gap={6}>
              <Button size="xs" variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                size="xs"
                type="submit"
                color="teal"
                leftSection={<IconCheck size={14} />}
                loading={complete.isPending}
                data-testid="activity-complete-submit"
              >
                {t('actions.complete')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
