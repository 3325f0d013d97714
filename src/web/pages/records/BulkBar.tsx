import { Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBulkChange } from '../../api/list-tools';
import type { EntityKind } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorMessage } from '../../components/ErrorState';
import type { RefData } from '../../components/FieldValue';

/** What to do with the selected rows: assign, move stage/status, delete. Rights are checked per record. */
export function BulkBar({
  entity,
  ids,
  refs,
  onDone,
}: {
  entity: EntityKind;
  ids: number[];
  refs: RefData;
  onDone: () => void;
}) {
  const { t } = useTranslation(['filters', 'common']);
  const bulk = useBulkChange(entity);
  const run = (action: 'assign' | 'stage' | 'status' | 'delete', value?: number) =>
    bulk.mutate(value === undefined ? { ids, action } : { ids, action, value }, {
      onSuccess: (r) => {
        if (r.done.length)
          notifications.show({ color: 'green', message: t('bulk.done', { count: r.done.length }) });
        if (r.failed.length) {
          notifications.show({
            color: 'red',
            autoClose: 8000,
            message: t('bulk.failed', { count: r.failed.length, reason: r.failed[0]?.message ?? '' }),
          });
        }
        onDone();
      },
      onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }),
    });
  const [confirming, setConfirming] = useState(false);
  const stageItems = refs.pipelines.flatMap((p) =>
    p.stages.map((s) => ({ id: s.id, label: refs.pipelines.length > 1 ? `${p.name}: ${s.name}` : s.name })),
  );

  return (
    <Group gap="xs" px="sm" py={6} bg="var(--mantine-color-blue-light)" data-testid="bulk-bar">
      <Text size="sm" fw={600}>
        {t('common:list.selected', { count: ids.length })}
      </Text>
      <Menu>
        <Menu.Target>
          <Button size="xs" variant="default" loading={bulk.isPending}>
            {t('bulk.assign')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
          {refs.users
            .filter((u) => u.active)
            .map((u) => (
              <Menu.Item key={u.id} onClick={() => run('assign', u.id)}>
                {`${u.name} ${u.lastName}`.trim()}
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
      {(entity === 'deal' || entity === 'lead') && (
        <Menu>
          <Menu.Target>
            <Button size="xs" variant="default">
              {entity === 'deal' ? t('bulk.stage') : t('bulk.status')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
            {entity === 'deal'
              ? stageItems.map((s) => (
                  <Menu.Item key={s.id} onClick={() => run('stage', s.id)}>
                    {s.label}
                  </Menu.Item>
                ))
              : refs.leadStatuses
                  .filter((s) => s.semantics !== 'converted')
                  .map((s) => (
                    <Menu.Item key={s.id} onClick={() => run('status', s.id)}>
                      {s.name}
                    </Menu.Item>
                  ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('bulk.delete')}
        message={t('bulk.confirmDelete', { count: ids.length })}
        confirmLabel={t('common:actions.delete')}
        loading={bulk.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          run('delete');
        }}
      />
      <Button size="xs" variant="default" color="red" onClick={() => setConfirming(true)}>
        {t('bulk.delete')}
      </Button>
      <Button size="xs" variant="subtle" ml="auto" onClick={onDone}>
        {t('bulk.clear')}
      </Button>
    </Group>
  );
}
