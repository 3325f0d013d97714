import type { RouteObject } from 'react-router';

/** Record pages: one lead, contact, company, deal or product. */
export const recordPageRoutes: RouteObject[] = [];
