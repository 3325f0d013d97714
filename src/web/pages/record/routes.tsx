import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const RecordPage = lazy(() => import('./RecordPage'));

/**
 * Record pages: one lead, contact, company, deal or product. Non-numeric ids (e.g. a mistyped
 * /deals/kanbn) get the not-found state; /deals/kanban and /leads/kanban are static routes and win.
 */
export const recordPageRoutes: RouteObject[] = [
  { path: '/leads/:id', element: <RecordPage entity="lead" /> },
  { path: '/contacts/:id', element: <RecordPage entity="contact" /> },
  { path: '/companies/:id', element: <RecordPage entity="company" /> },
  { path: '/deals/:id', element: <RecordPage entity="deal" /> },
  { path: '/products/:id', element: <RecordPage entity="product" /> },
];
