import { notifications } from '@mantine/notifications';
import { useMutationState } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarActivity, type RescheduleVars, useReschedule } from '../../api/calendar';
import { useUsers } from '../../api/reference';
import type { Me } from '../../api/types';
import { movedTo, moveFailure } from './calendar-messages';
import { mayReschedule } from './calendar-scope';

/**
 * Rescheduling from the calendar: by drag (optimistic; a refusal puts the activity back and says why) or
 * from the details' date field (which also confirms the new time), and which activities may be dragged.
 */
export function useCalendarMoves(me: Me, timeZone: string) {
  const { t } = useTranslation('calendar');
  const users = useUsers().data;
  const failed = useCallback(
    (error: unknown, subject: string) =>
      notifications.show({
        color: 'red',
        title: t('move.failedTitle'),
        message: moveFailure(t, error, subject),
        autoClose: 8000,
      }),
    [t],
  );
  const reschedule = useReschedule(
    useCallback(
      (error: unknown, vars: RescheduleVars) => {
        if (!vars.silent) failed(error, vars.activity.subject);
      },
      [failed],
    ),
  );
  const pendingIds = useMutationState({
    filters: { mutationKey: ['calendar-move'], status: 'pending' },
    select: (m) => (m.state.variables as RescheduleVars).activity.id,
  });
  const pending = useMemo(() => new Set(pendingIds), [pendingIds]);

  const departmentOf = useCallback((id: number) => users?.find((u) => u.id === id)?.departmentId, [users]);
  const mayMove = useCallback(
    (a: CalendarActivity) => mayReschedule(me, a, departmentOf),
    [me, departmentOf],
  );
  const personOf = useCallback(
    (id: number) => {
      const u = users?.find((x) => x.id === id);
      return u ? `${u.name} ${u.lastName}`.trim() : undefined;
    },
    [users],
  );

  const { mutate, mutateAsync } = reschedule;
  const move = useCallback(
    (activity: CalendarActivity, dueAt: string) => mutate({ activity, dueAt }),
    [mutate],
  );
  const moveFromForm = useCallback(
    async (activity: CalendarActivity, dueAt: string) => {
      try {
        const saved = await mutateAsync({ activity, dueAt, silent: true });
        notifications.show({ color: 'teal', message: movedTo(t, saved, timeZone) });
      } catch (err) {
        failed(err, activity.subject);
        throw err;
      }
    },
    [mutateAsync, failed, t, timeZone],
  );
  return { move, moveFromForm, pending, mayMove, personOf };
}
