import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { intlLocale } from '../../i18n';
import { dayWord, formatDay, formatTime } from './activity-dates';
import { useNow } from './use-now';

/**
 * "tomorrow 10:00", "today 15:30", "Dec 12 09:00": when something happens, in the user's time zone and
 * language, relative to the current minute.
 */
export function useWhen() {
  const { t, i18n } = useTranslation('activities');
  const timeZone = useMe().data?.timeZone ?? 'UTC';
  const now = useNow();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language changes what intlLocale() answers
  const when = useCallback(
    (iso: string) => {
      const locale = intlLocale();
      const time = formatTime(iso, timeZone, locale);
      const word = dayWord(iso, now, timeZone);
      return word === 'date'
        ? t('when.date', { date: formatDay(iso, now, timeZone, locale), time })
        : t(`when.${word}`, { time });
    },
    [t, now, timeZone, language],
  );
  return { when, now, timeZone };
}
