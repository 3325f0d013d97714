import { Button, Group, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePipelines } from '../../../api/reference';
import { useCreatePipeline } from '../../../api/settings';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../settings.module.css';
import { ListSkeleton } from '../shared/ListSkeleton';
import { NameModal } from '../shared/NameModal';
import { SectionHeader } from '../shared/SectionHeader';
import { PipelineActions } from './PipelineActions';
import { StageList } from './StageList';

/** Deal pipelines: pick one, then arrange its stages. The chosen pipeline is in the URL. */
export default function PipelinesPage() {
  const { t } = useTranslation('settings');
  const pipelines = usePipelines();
  const create = useCreatePipeline();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const list = pipelines.data ?? [];
  const chosen =
    list.find((p) => String(p.id) === params.get('pipeline')) ?? list.find((p) => p.isDefault) ?? list[0];
  const choose = (id: number) => setParams({ pipeline: String(id) }, { replace: true });

  return (
    <>
      <SectionHeader title={t('pipelines.title')} hint={t('pipelines.hint')}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setCreating(true)}
          data-testid="pipeline-create"
        >
          {t('pipelines.create')}
        </Button>
      </SectionHeader>
      {pipelines.isPending ? (
        <ListSkeleton rows={7} />
      ) : pipelines.isError ? (
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : !chosen ? (
        <EmptyState
          title={t('pipelines.emptyTitle')}
          hint={t('pipelines.emptyHint')}
          action={{ label: t('pipelines.create'), onClick: () => setCreating(true) }}
        />
      ) : (
        <>
          <Group gap="xs" mb="sm" align="flex-end" wrap="nowrap">
            <Select
              label={t('pipelines.pipeline')}
              data={list.map((p) => ({
                value: String(p.id),
                label: p.isDefault ? `${p.name} · ${t('pipelines.default')}` : p.name,
              }))}
              value={String(chosen.id)}
              onChange={(v) => v && choose(Number(v))}
              allowDeselect={false}
              className={classes.picker}
              data-testid="pipeline-select"
            />
            <PipelineActions pipeline={chosen} />
          </Group>
          <StageList pipeline={chosen} />
        </>
      )}
      <NameModal
        opened={creating}
        title={t('pipelines.create')}
        label={t('pipelines.name')}
        submitLabel={t('actions.create', { ns: 'common' })}
        onClose={() => setCreating(false)}
        onSubmit={async (name) => choose((await create.mutateAsync({ name })).id)}
        testId="pipeline-form"
      />
    </>
  );
}
