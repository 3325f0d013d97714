import type { RouteObject } from 'react-router';

/** Settings screens for administrators. */
export const settingsRoutes: RouteObject[] = [];
