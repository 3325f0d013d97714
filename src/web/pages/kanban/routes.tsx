import type { RouteObject } from 'react-router';

/** Deal and lead kanban boards. */
export const kanbanRoutes: RouteObject[] = [];
