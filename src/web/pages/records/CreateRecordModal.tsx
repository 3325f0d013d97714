import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCreateRecord } from '../../api/records';
import { useCurrencies, usePipelines } from '../../api/reference';
import type { EntityKind } from '../../api/types';
import { errorMessage } from '../../components/ErrorState';
import { ENTITY_UI } from './entities';

/**
 * Quick create: the few fields that matter first. Everything else is edited on the record page.
 * Server validation messages appear on their fields.
 */
export function CreateRecordModal({
  entity,
  opened,
  onClose,
  onCreated,
}: {
  entity: EntityKind;
  opened: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation(['common', 'fields']);
  const create = useCreateRecord(entity);
  const currencies = useCurrencies();
  const pipelines = usePipelines();
  const [values, setValues] = useState<Record<string, string>>({});
  const fields = ENTITY_UI[entity].createFields;
  const issues = create.error instanceof ApiError ? create.error.fieldIssues : [];
  const errorOf = (f: string) => issues.find((i) => i.field === f || i.field.startsWith(`${f}.`))?.message;
  const set = (f: string, v: string) => setValues((s) => ({ ...s, [f]: v }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === '') continue;
      if (k === 'phone') body.phones = [{ value: v, type: 'work' }];
      else if (k === 'email') body.emails = [{ value: v, type: 'work' }];
      else if (k === 'pipelineId') body.pipelineId = Number(v);
      else body[k] = v;
    }
    create.mutate(body, {
      onSuccess: (rec) => {
        setValues({});
        create.reset();
        onClose();
        onCreated(rec.id);
      },
      onError: (err) => {
        if (!(err instanceof ApiError && err.fieldIssues.length))
          notifications.show({ color: 'red', message: errorMessage(t, err) });
      },
    });
  };

  const input = (f: string) => {
    const label =
      f === 'phone' ? t('fields:f.phones') : f === 'email' ? t('fields:f.emails') : t(`fields:f.${f}`);
    const err = errorOf(f === 'phone' ? 'phones' : f === 'email' ? 'emails' : f);
    if (f === 'currency') {
      return (
        <Select
          key={f}
          label={label}
          data={(currencies.data ?? []).map((c) => c.code)}
          value={values[f] ?? null}
          onChange={(v) => set(f, v ?? '')}
          error={err}
          clearable
        />
      );
    }
    if (f === 'pipelineId') {
      return (
        <Select
          key={f}
          label={label}
          data={(pipelines.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={values[f] ?? null}
          onChange={(v) => set(f, v ?? '')}
          error={err}
          clearable
        />
      );
    }
    if (f === 'amount' || f === 'price') {
      return (
        <NumberInput
          key={f}
          label={label}
          decimalScale={2}
          min={0}
          hideControls
          value={values[f] ?? ''}
          onChange={(v) => set(f, String(v))}
          error={err}
        />
      );
    }
    return (
      <TextInput
        key={f}
        label={label}
        type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
        data-autofocus={f === fields[0] ? true : undefined}
        value={values[f] ?? ''}
        onChange={(e) => set(f, e.currentTarget.value)}
        error={err}
        required={f === fields[0]}
      />
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(`fields:newRecord.${entity}`)} size="md">
      <form onSubmit={submit}>
        <Stack gap="xs">
          {fields.map(input)}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
