import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { CalendarScope } from '../../api/calendar';
import { CALENDAR_VIEWS, type CalendarView, isYmd, type Ymd } from './calendar-dates';
import { scopeFromParams } from './calendar-scope';

export interface CalendarUrlState {
  view: CalendarView;
  date: Ymd;
  scope: CalendarScope;
}

/**
 * The view, the date and whose calendar live in the URL (/calendar?view=week&date=2026-11-26&user=5), so a
 * link reproduces the screen and back / forward step through what was looked at.
 */
export function useCalendarUrl(defaultView: CalendarView, today: Ymd) {
  const [params, setParams] = useSearchParams();
  const rawView = params.get('view');
  const rawDate = params.get('date');
  const view = CALENDAR_VIEWS.includes(rawView as CalendarView) ? (rawView as CalendarView) : defaultView;
  const date = isYmd(rawDate) ? rawDate : today;
  const scope = scopeFromParams(params);

  const go = useCallback(
    (next: Partial<CalendarUrlState>, options: { replace?: boolean } = {}) => {
      const state = { view, date, scope, ...next };
      const out = new URLSearchParams();
      out.set('view', state.view);
      out.set('date', state.date);
      if (state.scope.kind === 'user') out.set('user', String(state.scope.id));
      if (state.scope.kind === 'department') out.set('department', String(state.scope.id));
      if (out.toString() !== params.toString()) setParams(out, { replace: options.replace ?? false });
    },
    [view, date, scope, params, setParams],
  );
  return { view, date, scope, go };
}
