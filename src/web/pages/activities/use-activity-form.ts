import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Activity, type ActivityType, useCreateActivity, useUpdateActivity } from '../../api/activities';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { errorMessage } from '../../components/ErrorState';
import { inOneHour } from './activity-dates';
import { changeBody, createBody, DEFAULT_DURATION, type FormState, stateFromActivity } from './activity-form';
import { type FormErrors, formErrors } from './activity-messages';
import type { OwnerPick } from './OwnerChooser';

export type FormTarget =
  | { kind: 'new'; owner: OwnerPick | null; ownerFixed: boolean }
  | { kind: 'edit'; activity: Activity };

/**
 * The plan/edit form's state and its submission: the subject follows the kind and the record until the
 * user types one; the shared schema checks the body first, then the API; each problem lands on its field,
 * anything else is said above the form.
 */
export function useActivityForm(target: FormTarget, onDone: (activity: Activity) => void) {
  const { t } = useTranslation(['activities', 'common']);
  const me = useMe().data;
  const timeZone = me?.timeZone ?? 'UTC';
  const [owner, setOwner] = useState<OwnerPick | null>(target.kind === 'new' ? target.owner : null);
  const subjectFor = (type: ActivityType, title: string | undefined) =>
    title ? t('form.subjectDefault', { type: t(`type.${type}`), title }) : t(`type.${type}`);
  const [state, setState] = useState<FormState>(() =>
    target.kind === 'edit'
      ? stateFromActivity(target.activity, timeZone)
      : {
          type: 'call',
          subject: subjectFor('call', target.owner?.title),
          subjectEdited: false,
          when: inOneHour(new Date(), timeZone),
          duration: DEFAULT_DURATION,
          responsibleId: me?.id ?? null,
          priority: 'normal',
          description: '',
          comm: '',
          remind: 15,
        },
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateActivity();
  const update = useUpdateActivity();

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const setSubject = (subject: string) => {
    setState((s) => ({ ...s, subject, subjectEdited: true }));
    setErrors((e) => ({ ...e, subject: '' }));
  };
  const setType = (type: ActivityType) =>
    setState((s) => ({ ...s, type, subject: s.subjectEdited ? s.subject : subjectFor(type, owner?.title) }));
  const pickOwner = (pick: OwnerPick | null) => {
    setOwner(pick);
    setErrors((e) => ({ ...e, record: '' }));
    setState((s) => ({
      ...s,
      comm: '',
      subject: s.subjectEdited ? s.subject : subjectFor(s.type, pick?.title),
    }));
  };

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.fieldIssues.length) setErrors(formErrors(t, err.fieldIssues));
    else setFailure(errorMessage((k) => t(`common:${k}`), err));
  };
  const finish = (message: string) => (a: Activity) => {
    notifications.show({ color: 'teal', message });
    onDone(a);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (target.kind === 'new') {
      if (!owner) return setErrors({ record: t('form.chooseRecord') });
      const { body, issues } = createBody(state, owner, timeZone);
      if (issues.length) return setErrors(formErrors(t, issues));
      create.mutate(body, {
        onSuccess: (a) => finish(t('done.planned', { subject: a.subject }))(a),
        onError: fail,
      });
      return;
    }
    const { body, issues } = changeBody(state, target.activity, timeZone);
    if (issues.length) return setErrors(formErrors(t, issues));
    if (!Object.keys(body).length) return onDone(target.activity);
    update.mutate({ activity: target.activity, body }, { onSuccess: finish(t('done.saved')), onError: fail });
  };

  return {
    state,
    errors,
    failure,
    owner,
    timeZone,
    busy: create.isPending || update.isPending,
    set,
    setSubject,
    setType,
    pickOwner,
    submit,
  };
}
