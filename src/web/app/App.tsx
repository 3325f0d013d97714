import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from 'react-router';
import { onUnauthorized } from '../api/client';
import { meKey, useMe } from '../api/session';
import { activityRoutes } from '../pages/activities/routes';
import { calendarRoutes } from '../pages/calendar/routes';
import { kanbanRoutes } from '../pages/kanban/routes';
import { recordPageRoutes } from '../pages/record/routes';
import { listRoutes } from '../pages/records/routes';
import { settingsRoutes } from '../pages/settings/routes';
import { AppLayout } from './AppLayout';

const SignInPage = lazy(() => import('../pages/auth/SignInPage'));

const Loading = () => (
  <Center h="60vh">
    <Loader size="sm" />
  </Center>
);

/** Screens behind sign-in: with no session, the user goes to /sign-in and comes back afterwards. */
function RequireSession() {
  const me = useMe();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(
    () =>
      onUnauthorized(() => {
        // A request answered 401 while signed in: the session ended. Say so on the sign-in screen.
        sessionStorage.setItem('sevan.expired', '1');
        qc.setQueryData(meKey, null);
      }),
    [qc],
  );
  if (me.isPending) return <Loading />;
  if (!me.data) {
    const back = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${back}`} replace />;
  }
  return (
    <AppLayout me={me.data}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}

const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<Loading />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <Navigate to="/deals" replace /> },
      ...listRoutes,
      ...kanbanRoutes,
      ...calendarRoutes,
      ...recordPageRoutes,
      ...activityRoutes,
      ...settingsRoutes,
      { path: '*', element: <Navigate to="/deals" replace /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
