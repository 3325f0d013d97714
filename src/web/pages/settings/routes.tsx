import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SettingsLayout = lazy(() => import('./SettingsLayout'));
const PipelinesPage = lazy(() => import('./pipelines/PipelinesPage'));
const LeadStatusesPage = lazy(() => import('./lead-statuses/LeadStatusesPage'));
const CustomFieldsPage = lazy(() => import('./custom-fields/CustomFieldsPage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const DepartmentsPage = lazy(() => import('./departments/DepartmentsPage'));
const RolesPage = lazy(() => import('./roles/RolesPage'));
const IntegrationsPage = lazy(() => import('./webhooks/IntegrationsPage'));
const DeliveryLogPage = lazy(() => import('./webhooks/DeliveryLogPage'));
const ApiTokensPage = lazy(() => import('./api-tokens/ApiTokensPage'));

/**
 * Settings: administrators configure the CRM here; every user manages their own API tokens. The layout
 * sends /settings (and screens a user may not open) to the first screen they may.
 */
export const settingsRoutes: RouteObject[] = [
  {
    path: '/settings',
    element: <SettingsLayout />,
    children: [
      { index: true, element: null },
      { path: 'pipelines', element: <PipelinesPage /> },
      { path: 'lead-statuses', element: <LeadStatusesPage /> },
      { path: 'custom-fields', element: <CustomFieldsPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'departments', element: <DepartmentsPage /> },
      { path: 'roles', element: <RolesPage /> },
      { path: 'integrations', element: <IntegrationsPage /> },
      { path: 'integrations/outbound/:id', element: <DeliveryLogPage /> },
      { path: 'api-tokens', element: <ApiTokensPage /> },
      { path: '*', element: null },
    ],
  },
];
