import { Group, SegmentedControl, Select, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BoardEntity } from '../../api/kanban';
import type { Pipeline } from '../../api/types';
import { formatNumber } from '../../lib/format';
import classes from './Kanban.module.css';

/** Title, the list/kanban switch, the pipeline switcher (deals) and the quick search. */
export function KanbanToolbar({
  entity,
  total,
  pipelines,
  pipelineId,
  onPipeline,
  q,
  onQ,
}: {
  entity: BoardEntity;
  total: number | null;
  pipelines: Pipeline[];
  pipelineId: number | null;
  onPipeline: (id: number) => void;
  q: string;
  onQ: (q: string) => void;
}) {
  const { t } = useTranslation(['common', 'kanban']);
  const navigate = useNavigate();
  const path = entity === 'deal' ? '/deals' : '/leads';
  return (
    <Group className={classes.toolbar} gap="xs" wrap="wrap">
      <Title order={1} size="h4">
        {t(entity === 'deal' ? 'nav.deals' : 'nav.leads')}
      </Title>
      {total !== null && (
        <Text size="sm" c="dimmed" data-testid="kanban-total">
          {t('kanban:board.total', { count: total, n: formatNumber(total) })}
        </Text>
      )}
      <SegmentedControl
        size="xs"
        value="kanban"
        aria-label={t('kanban:board.view')}
        onChange={(v) => v === 'list' && navigate(path)}
        data={[
          { value: 'list', label: t('list.list') },
          { value: 'kanban', label: t('list.kanban') },
        ]}
      />
      {entity === 'deal' && pipelines.length > 1 && (
        <Select
          size="xs"
          w={{ base: 140, sm: 200 }}
          aria-label={t('kanban:board.pipeline')}
          data={pipelines.map((p) => ({ value: String(p.id), label: p.name }))}
          value={pipelineId === null ? null : String(pipelineId)}
          onChange={(v) => v && onPipeline(Number(v))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="kanban-pipeline"
        />
      )}
      <TextInput
        className={classes.search}
        size="xs"
        leftSection={<IconSearch size={14} />}
        placeholder={t('list.quickSearch')}
        aria-label={t('list.quickSearch')}
        value={q}
        onChange={(e) => onQ(e.currentTarget.value)}
        data-testid="kanban-search"
      />
    </Group>
  );
}
