import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SavedFilter, useDeleteSavedFilter, useSavedFilters, useSaveFilter } from '../../api/list-tools';
import type { EntityKind } from '../../api/types';
import { errorMessage } from '../../components/ErrorState';
import { type Condition, fromApiFilter, toApiFilter } from './filter-model';
import { presetsFor } from './presets';

export interface View {
  conditions: Condition[];
  sort: string | null;
  columns: string[] | null;
}

/** Presets ("My deals", "Won this month", …) and the user's own saved views. */
export function SavedFiltersMenu({
  entity,
  me,
  current,
  onApply,
}: {
  entity: EntityKind;
  me: number;
  current: View;
  onApply: (v: View) => void;
}) {
  const { t } = useTranslation(['filters', 'common']);
  const saved = useSavedFilters(entity);
  const save = useSaveFilter(entity);
  const remove = useDeleteSavedFilter(entity);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const applySaved = (f: SavedFilter) =>
    onApply({ conditions: fromApiFilter(f.filter) ?? [], sort: f.sort, columns: f.columns });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: { name: string; filter: Record<string, unknown>; sort?: string; columns?: string[] } = {
      name,
      filter: toApiFilter(current.conditions) ?? {},
    };
    if (current.sort) body.sort = current.sort;
    if (current.columns) body.columns = current.columns;
    save.mutate(body, {
      onSuccess: () => {
        setNaming(false);
        setName('');
        notifications.show({ message: t('saved.saved') });
      },
    });
  };

  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconBookmark size={14} />}
            data-testid="saved-filters"
          >
            {t('saved.title')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('saved.presets')}</Menu.Label>
          {presetsFor(entity, me).map((p) => (
            <Menu.Item
              key={p.key}
              onClick={() => onApply({ conditions: p.conditions, sort: null, columns: null })}
            >
              {t(p.labelKey)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Label>{t('saved.mine')}</Menu.Label>
          {saved.data?.length === 0 && (
            <Text size="xs" c="dimmed" px="sm" py={4}>
              {t('saved.none')}
            </Text>
          )}
          {saved.data?.map((f) => (
            <Menu.Item
              key={f.id}
              onClick={() => applySaved(f)}
              rightSection={
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={t('saved.delete')}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove.mutate(f.id);
                  }}
                >
                  <IconTrash size={13} />
                </ActionIcon>
              }
            >
              {f.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={() => setNaming(true)}>
            {t('saved.saveCurrent')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('saved.saveCurrent')} size="sm">
        <form onSubmit={submit}>
          <Stack gap="xs">
            <TextInput
              label={t('saved.name')}
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={save.error ? errorMessage(t, save.error) : undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common:actions.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
