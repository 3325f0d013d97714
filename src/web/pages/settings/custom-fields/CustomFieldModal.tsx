import { Button, Checkbox, Group, Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldType } from '../../../../shared/schemas/custom-fields';
import { useCreateCustomField, useUpdateCustomField } from '../../../api/settings';
import type { CustomField, EntityKind } from '../../../api/types';
import { FormError } from '../shared/FormError';
import { fieldError } from '../shared/problem';

const FIELDS = ['name', 'type', 'required', 'options'];
/** The types in the order people look for them; a local copy keeps the schema library (zod) out of the bundle. */
const TYPES: readonly CustomFieldType[] = [
  'string',
  'text',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'enum',
  'url',
  'user',
  'crm',
];

/**
 * A custom field is a name and a type (and whether it must be filled). A list also needs its choices:
 * they are the type's content, not a technical question.
 */
export function CustomFieldModal({
  entity,
  field,
  onClose,
}: {
  entity: EntityKind;
  field: CustomField | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('settings');
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const mutation = field === 'new' ? create : update;
  const [name, setName] = useState('');
  const [type, setType] = useState<CustomFieldType>('string');
  const [required, setRequired] = useState(false);
  const [options, setOptions] = useState<string[]>([]);
  const openKey = field === null || field === 'new' ? field : field.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill the form only when another field opens
  useEffect(() => {
    if (field === null) return;
    create.reset();
    update.reset();
    setName(field === 'new' ? '' : field.name);
    setType(field === 'new' ? 'string' : (field.type as CustomFieldType));
    setRequired(field === 'new' ? false : field.required);
    setOptions(field === 'new' ? [] : field.options.map((o) => o.label));
  }, [openKey]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const base = { entityType: entity, name: name.trim(), required };
    if (field === 'new') {
      const opts = type === 'enum' ? { options: options.map((label) => ({ label })) } : {};
      create.mutate({ ...base, type, ...opts }, { onSuccess: onClose });
    } else if (field) {
      // keep the ids of the choices that stay, so records holding them keep their value
      const opts =
        field.type === 'enum'
          ? {
              options: options.map((label) => ({
                label,
                id: field.options.find((o) => o.label === label)?.id,
              })),
            }
          : {};
      update.mutate({ ...base, id: field.id, version: field.version, ...opts }, { onSuccess: onClose });
    }
  };

  return (
    <Modal
      opened={field !== null}
      onClose={onClose}
      title={field === 'new' ? t('fields.create') : t('fields.editTitle')}
    >
      <form onSubmit={submit} data-testid="custom-field-form">
        <Stack gap="sm">
          <TextInput
            label={t('fields.name')}
            placeholder={t('fields.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(mutation.error, 'name')}
            required
            maxLength={100}
            data-autofocus
            data-testid="custom-field-name"
          />
          <Select
            label={t('fields.type')}
            description={field === 'new' ? undefined : t('fields.typeFixed')}
            data={TYPES.map((v) => ({ value: v, label: t(`fieldTypes.${v}`) }))}
            value={type}
            onChange={(v) => v && setType(v as CustomFieldType)}
            allowDeselect={false}
            disabled={field !== 'new'}
            error={fieldError(mutation.error, 'type')}
            data-testid="custom-field-type"
          />
          {type === 'enum' && (
            <TagsInput
              label={t('fields.options')}
              description={t('fields.optionsHint')}
              value={options}
              onChange={setOptions}
              error={fieldError(mutation.error, 'options')}
              required
              data-testid="custom-field-options"
            />
          )}
          <Checkbox
            label={t('fields.required')}
            description={t('fields.requiredHint')}
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
            data-testid="custom-field-required"
          />
          <FormError error={mutation.error} fields={FIELDS} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel', { ns: 'common' })}
            </Button>
            <Button
              type="submit"
              loading={mutation.isPending}
              disabled={!name.trim() || (type === 'enum' && options.length === 0)}
              data-testid="custom-field-submit"
            >
              {field === 'new' ? t('actions.create', { ns: 'common' }) : t('actions.save', { ns: 'common' })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
