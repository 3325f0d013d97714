import type { TFunction } from 'i18next';
import type { CalendarActivity } from '../../api/calendar';
import { ApiError } from '../../api/client';
import { whenText } from './calendar-format';

/** Why a reschedule was refused, in words the user can act on. */
export function moveFailure(t: TFunction<'calendar'>, error: unknown, subject: string): string {
  if (!(error instanceof ApiError)) return t('move.generic', { subject });
  if (error.status === 0) return t('move.network', { subject });
  if (error.status === 409) return t('move.conflict', { subject });
  if (error.status === 403) return t('move.forbidden', { subject });
  if (error.status === 404) return t('move.notFound', { subject });
  if (error.status === 400) return t('move.invalid', { subject, message: error.message });
  return t('move.generic', { subject });
}

export const movedTo = (t: TFunction<'calendar'>, a: CalendarActivity, timeZone: string) =>
  t('move.done', { subject: a.subject, when: whenText(t, a, timeZone) });
