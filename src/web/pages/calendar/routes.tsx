import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const CalendarPage = lazy(() => import('./CalendarPage'));

/** The calendar of activities: /calendar?view=week&date=2026-11-26 (and &user= or &department=). */
export const calendarRoutes: RouteObject[] = [{ path: '/calendar', element: <CalendarPage /> }];
