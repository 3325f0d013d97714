import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const KanbanPage = lazy(() => import('./KanbanPage'));

/** Deal and lead kanban boards. */
export const kanbanRoutes: RouteObject[] = [
  { path: '/deals/kanban', element: <KanbanPage entity="deal" /> },
  { path: '/leads/kanban', element: <KanbanPage entity="lead" /> },
];
