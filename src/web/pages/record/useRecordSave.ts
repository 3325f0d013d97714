import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/errors';
import { ApiError } from '../../api/client';
import { recordKeys, useUpdateRecord } from '../../api/records';
import type { CrmRecord, EntityKind } from '../../api/types';
import { errorMessage } from '../../components/ErrorState';

/** What became of a change: saved, refused field by field, overtaken by someone else's change, or failed. */
export type SaveOutcome =
  | { status: 'saved'; record: CrmRecord }
  | { status: 'invalid'; issues: FieldIssue[] }
  | { status: 'conflict' }
  | { status: 'failed'; message: string };

/** A 409 carries the record as it is now: show it at once and say why the change did not go through. */
export function useConflictHandler(entity: EntityKind, id: number) {
  const qc = useQueryClient();
  const { t } = useTranslation('record');
  return (err: unknown): boolean => {
    if (!(err instanceof ApiError) || err.status !== 409) return false;
    const current = (err.details as { current?: CrmRecord } | undefined)?.current;
    if (current) qc.setQueryData(recordKeys.one(entity, id), current);
    void qc.invalidateQueries({ queryKey: recordKeys.all(entity) });
    notifications.show({
      color: 'yellow',
      title: t('conflict.title'),
      message: t('conflict.text'),
      autoClose: 8000,
    });
    return true;
  };
}

/**
 * Saves any subset of a record's fields with the version it was read at. Validation problems come back to
 * the caller to show on the fields; other failures are announced here so none goes unnoticed.
 */
export function useRecordSave(entity: EntityKind, record: CrmRecord) {
  const update = useUpdateRecord(entity);
  const qc = useQueryClient();
  const onConflict = useConflictHandler(entity, record.id);
  const { t } = useTranslation('common');
  // One change at a time, each with the version the previous one produced: the user's own quick edits
  // (blur one field, click the next) must not collide with each other as a 409.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latestVersion = () =>
    qc.getQueryData<CrmRecord>(recordKeys.one(entity, record.id))?.version ?? record.version;

  const send = async (patch: Record<string, unknown>): Promise<SaveOutcome> => {
    try {
      const saved = await update.mutateAsync({ id: record.id, version: latestVersion(), ...patch });
      return { status: 'saved', record: saved };
    } catch (err) {
      if (onConflict(err)) return { status: 'conflict' };
      if (err instanceof ApiError && err.status === 400 && err.fieldIssues.length)
        return { status: 'invalid', issues: err.fieldIssues };
      const message = errorMessage(t, err);
      notifications.show({ color: 'red', message });
      return { status: 'failed', message };
    }
  };
  const save = (patch: Record<string, unknown>): Promise<SaveOutcome> => {
    const run = queue.current.then(() => send(patch));
    queue.current = run.catch(() => undefined);
    return run;
  };
  return { save, saving: update.isPending };
}
