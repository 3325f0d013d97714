import { Alert, Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/activities';
import { DetailFields, DurationField, TypeField } from './ActivityFields';
import { isTimed } from './activity-meta';
import { useCommOptions } from './comm-options';
import { OwnerChooser } from './OwnerChooser';
import { type FormTarget, useActivityForm } from './use-activity-form';
import { WhenInput } from './WhenInput';

export type { FormTarget } from './use-activity-form';

/**
 * Plan or change an activity: kind, subject (filled from the kind and the record until the user types
 * one), when (start of a call or meeting, deadline of an email or task), how long a meeting lasts, who,
 * priority, which phone or email, reminder, description. Problems are shown on their fields.
 */
export function ActivityForm({
  target,
  onDone,
  onCancel,
}: {
  target: FormTarget;
  onDone: (activity: Activity) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['activities', 'common']);
  const form = useActivityForm(target, onDone);
  const { state, errors, set } = form;
  const commOptions = useCommOptions(
    target.kind === 'edit'
      ? { entity: target.activity.ownerEntity, id: target.activity.ownerId }
      : form.owner,
  );
  const timed = isTimed(state.type);
  return (
    <form onSubmit={form.submit} noValidate data-testid="activity-form">
      <Stack gap="sm">
        {form.failure && (
          <Alert color="red" variant="light" role="alert">
            {form.failure}
          </Alert>
        )}
        {target.kind === 'new' && (
          <OwnerChooser
            value={form.owner}
            onChange={form.pickOwner}
            fixed={target.ownerFixed && target.owner !== null}
            error={errors.record}
          />
        )}
        <TypeField value={state.type} onChange={form.setType} error={errors.type} />
        <TextInput
          label={t('form.subject')}
          required
          value={state.subject}
          onChange={(e) => form.setSubject(e.currentTarget.value)}
          error={errors.subject}
          data-testid="activity-subject"
        />
        <WhenInput
          label={timed ? t('form.startAt') : t('form.deadline')}
          value={state.when}
          onChange={(v) => set('when', v)}
          timeZone={form.timeZone}
          error={errors.when || errors.duration}
          testId="activity-when"
          beside={
            state.type === 'meeting' && (
              <DurationField value={state.duration} onChange={(m) => set('duration', m)} />
            )
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <DetailFields state={state} set={set} errors={errors} commOptions={commOptions} />
        </SimpleGrid>
        <Textarea
          label={t('form.description')}
          autosize
          minRows={2}
          maxRows={8}
          value={state.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={form.busy} data-testid="activity-submit">
            {target.kind === 'new' ? t('form.submitNew') : t('form.submitEdit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
