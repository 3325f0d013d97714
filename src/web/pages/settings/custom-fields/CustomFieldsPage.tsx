import { Badge, Button, NativeSelect, SegmentedControl, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCustomFields } from '../../../api/reference';
import { useDeleteCustomField } from '../../../api/settings';
import type { CustomField, EntityKind } from '../../../api/types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../settings.module.css';
import { DeleteRowAction } from '../shared/DeleteRowAction';
import { ListSkeleton } from '../shared/ListSkeleton';
import { RowAction } from '../shared/RowAction';
import { SectionHeader } from '../shared/SectionHeader';
import { CustomFieldModal } from './CustomFieldModal';

const ENTITIES: EntityKind[] = ['deal', 'lead', 'contact', 'company', 'product'];

/** The extra fields of each kind of record: name, type, required. The chosen kind is in the URL. */
export default function CustomFieldsPage() {
  const { t } = useTranslation('settings');
  const narrow = useMediaQuery('(max-width: 48em)');
  const [params, setParams] = useSearchParams();
  const entity = ENTITIES.find((e) => e === params.get('entity')) ?? 'deal';
  const fields = useCustomFields(entity);
  const remove = useDeleteCustomField();
  const [editingId, setEditingId] = useState<number | 'new' | null>(null);
  const editing = editingId === 'new' ? 'new' : (fields.data?.find((f) => f.id === editingId) ?? null);
  const setEditing = (f: CustomField | 'new' | null) => setEditingId(f === null || f === 'new' ? f : f.id);
  const entityData = ENTITIES.map((e) => ({ value: e, label: t(`entities.${e}`) }));
  const choose = (e: string) => setParams({ entity: e }, { replace: true });

  const row = (f: CustomField) => (
    <div key={f.id} className={classes.row} data-testid={`custom-field-row-${f.id}`}>
      <div className={classes.main}>
        <Text size="sm" fw={500} truncate>
          {f.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {f.apiName}
        </Text>
      </div>
      <div className={classes.meta}>
        <Badge variant="light" color="gray" size="sm" radius="sm" tt="none">
          {t(`fieldTypes.${f.type}`)}
        </Badge>
        {f.type === 'enum' && (
          <Text size="xs" c="dimmed">
            {t('fields.optionCount', { count: f.options.length })}
          </Text>
        )}
        {f.required && (
          <Badge variant="light" color="orange" size="sm" radius="sm" tt="none">
            {t('fields.requiredBadge')}
          </Badge>
        )}
      </div>
      <div className={classes.actions}>
        <RowAction label={t('fields.edit', { name: f.name })} onClick={() => setEditing(f)}>
          <IconPencil size={16} />
        </RowAction>
        <DeleteRowAction
          title={t('fields.deleteTitle')}
          message={t('fields.deleteMessage', { name: f.name })}
          confirmLabel={t('actions.delete', { ns: 'common' })}
          label={t('fields.delete', { name: f.name })}
          testId={`custom-field-delete-${f.id}`}
          onConfirm={() => remove.mutateAsync({ id: f.id, entityType: entity })}
        />
      </div>
    </div>
  );

  return (
    <>
      <SectionHeader title={t('fields.title')} hint={t('fields.hint')}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing('new')}
          data-testid="custom-field-create"
        >
          {t('fields.create')}
        </Button>
      </SectionHeader>
      {narrow ? (
        <NativeSelect
          label={t('fields.entity')}
          data={entityData}
          value={entity}
          onChange={(e) => choose(e.currentTarget.value)}
          mb="sm"
          data-testid="custom-field-entity"
        />
      ) : (
        <SegmentedControl
          aria-label={t('fields.entity')}
          data={entityData}
          value={entity}
          onChange={choose}
          mb="sm"
          data-testid="custom-field-entity"
        />
      )}
      {fields.isPending ? (
        <ListSkeleton rows={3} />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : fields.data.length === 0 ? (
        <EmptyState
          title={t('fields.emptyTitle', { entity: t(`entities.${entity}`) })}
          hint={t('fields.emptyHint')}
          action={{ label: t('fields.create'), onClick: () => setEditing('new') }}
        />
      ) : (
        <div className={classes.list} data-testid="custom-field-list">
          {fields.data.map(row)}
        </div>
      )}
      <CustomFieldModal entity={entity} field={editing} onClose={() => setEditing(null)} />
    </>
  );
}
