import { Modal } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StageInput, useCreateStage, useUpdateStage } from '../../../api/settings';
import type { Stage } from '../../../api/types';
import { StepForm } from '../shared/StepForm';

const NEW_STAGE: StageInput = { name: '', semantics: 'process', probability: 50, color: '#339af0' };
const SEMANTICS = ['process', 'won', 'lost'] as const;

/** Adds or edits a stage: its name, what it means (in progress, won, lost), probability and colour. */
export function StageModal({
  pipelineId,
  stage,
  onClose,
}: {
  pipelineId: number;
  stage: Stage | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('settings');
  const create = useCreateStage();
  const update = useUpdateStage();
  const [form, setForm] = useState<StageInput>(NEW_STAGE);
  const mutation = stage === 'new' ? create : update;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill the form only when another stage opens
  useEffect(() => {
    if (stage === null) return;
    create.reset();
    update.reset();
    const { name, semantics, probability, color } = stage === 'new' ? NEW_STAGE : stage;
    setForm({ name, semantics, probability, color });
  }, [stage]);

  const submit = () => {
    const body = { ...form, name: form.name.trim() };
    if (stage === 'new') create.mutate({ pipelineId, ...body }, { onSuccess: onClose });
    else if (stage) update.mutate({ pipelineId, id: stage.id, ...body }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened={stage !== null}
      onClose={onClose}
      title={stage === 'new' ? t('stages.create') : t('stages.editTitle')}
    >
      <StepForm
        value={form}
        onChange={(v) => setForm({ ...v, probability: v.probability ?? 0 })}
        semanticsOptions={SEMANTICS}
        error={mutation.error}
        pending={mutation.isPending}
        isNew={stage === 'new'}
        onSubmit={submit}
        onCancel={onClose}
        testId="stage-form"
      />
    </Modal>
  );
}
