import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const RecordListPage = lazy(() => import('./RecordListPage'));

/** The list screen of every entity. */
export const listRoutes: RouteObject[] = [
  { path: '/leads', element: <RecordListPage entity="lead" /> },
  { path: '/deals', element: <RecordListPage entity="deal" /> },
  { path: '/contacts', element: <RecordListPage entity="contact" /> },
  { path: '/companies', element: <RecordListPage entity="company" /> },
  { path: '/products', element: <RecordListPage entity="product" /> },
];
