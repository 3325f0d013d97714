import { Modal } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LeadStatusInput, useCreateLeadStatus, useUpdateLeadStatus } from '../../../api/settings';
import type { LeadStatus } from '../../../api/types';
import { StepForm } from '../shared/StepForm';

const NEW_STATUS: LeadStatusInput = { name: '', semantics: 'process', color: '#339af0' };
const SEMANTICS = ['process', 'converted', 'junk'] as const;

/** Adds or edits a lead status: name, what it means (in progress, converted, junk), colour. */
export function LeadStatusModal({
  status,
  onClose,
}: {
  status: LeadStatus | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('settings');
  const create = useCreateLeadStatus();
  const update = useUpdateLeadStatus();
  const [form, setForm] = useState<LeadStatusInput>(NEW_STATUS);
  const mutation = status === 'new' ? create : update;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill the form only when another status opens
  useEffect(() => {
    if (status === null) return;
    create.reset();
    update.reset();
    const { name, semantics, color } = status === 'new' ? NEW_STATUS : status;
    setForm({ name, semantics, color });
  }, [status]);

  const submit = () => {
    const body = { ...form, name: form.name.trim() };
    if (status === 'new') create.mutate(body, { onSuccess: onClose });
    else if (status) update.mutate({ id: status.id, ...body }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened={status !== null}
      onClose={onClose}
      title={status === 'new' ? t('statuses.create') : t('statuses.editTitle')}
    >
      <StepForm
        value={form}
        onChange={({ name, semantics, color }) => setForm({ name, semantics, color })}
        semanticsOptions={SEMANTICS}
        error={mutation.error}
        pending={mutation.isPending}
        isNew={status === 'new'}
        onSubmit={submit}
        onCancel={onClose}
        testId="lead-status-form"
      />
    </Modal>
  );
}
