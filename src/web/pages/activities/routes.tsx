import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ActivitiesPage = lazy(() => import('./ActivitiesPage'));

/** "My activities": the day's calls, meetings, emails and tasks. */
export const activityRoutes: RouteObject[] = [{ path: '/activities', element: <ActivitiesPage /> }];
