import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Department,
  type DepartmentInput,
  useAdminUsers,
  useCreateDepartment,
  useDepartments,
  useUpdateDepartment,
} from '../../../api/settings';
import { FormError } from '../shared/FormError';
import { fieldError } from '../shared/problem';
import { departmentOptions } from './tree';

/** What the dialog edits: an existing department, or a new one under a given parent. */
export type DepartmentTarget = { department: Department } | { parentId: number | null } | null;

const FIELDS = ['name', 'parentId', 'headId'];

/** A department's name, where it sits in the tree, and its head (who sees the whole department). */
export function DepartmentModal({ target, onClose }: { target: DepartmentTarget; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const departments = useDepartments();
  const users = useAdminUsers();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const existing = target && 'department' in target ? target.department : null;
  const mutation = existing ? update : create;
  const [form, setForm] = useState<DepartmentInput>({ name: '', parentId: null, headId: null });
  const newParent = target && 'parentId' in target ? target.parentId : null;
  const openKey = target === null ? null : existing ? existing.id : `new-${String(newParent)}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill the form only when another department opens
  useEffect(() => {
    if (target === null) return;
    create.reset();
    update.reset();
    setForm(
      existing
        ? { name: existing.name, parentId: existing.parentId, headId: existing.headId }
        : { name: '', parentId: newParent, headId: null },
    );
  }, [openKey]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form, name: form.name.trim() };
    if (existing)
      update.mutate({ id: existing.id, version: existing.version, ...body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };
  const people = (users.data ?? [])
    .filter((u) => u.active || u.id === form.headId)
    .map((u) => ({ value: String(u.id), label: `${u.name} ${u.lastName}`.trim() }));

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={existing ? t('departments.editTitle') : t('departments.create')}
    >
      <form onSubmit={submit} data-testid="department-form">
        <Stack gap="sm">
          <TextInput
            label={t('departments.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={fieldError(mutation.error, 'name')}
            required
            maxLength={255}
            data-autofocus
            data-testid="department-name"
          />
          <Select
            label={t('departments.parent')}
            placeholder={t('departments.topLevel')}
            data={departmentOptions(departments.data ?? [], existing?.id)}
            value={form.parentId === null ? null : String(form.parentId)}
            onChange={(v) => setForm({ ...form, parentId: v ? Number(v) : null })}
            error={fieldError(mutation.error, 'parentId')}
            clearable
            searchable
            data-testid="department-parent"
          />
          <Select
            label={t('departments.head')}
            description={t('departments.headHint')}
            placeholder={t('departments.noHead')}
            data={people}
            value={form.headId === null ? null : String(form.headId)}
            onChange={(v) => setForm({ ...form, headId: v ? Number(v) : null })}
            error={fieldError(mutation.error, 'headId')}
            clearable
            searchable
            data-testid="department-head"
          />
          <FormError error={mutation.error} fields={FIELDS} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel', { ns: 'common' })}
            </Button>
            <Button
              type="submit"
              loading={mutation.isPending}
              disabled={!form.name.trim()}
              data-testid="department-submit"
            >
              {existing ? t('actions.save', { ns: 'common' }) : t('actions.create', { ns: 'common' })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
