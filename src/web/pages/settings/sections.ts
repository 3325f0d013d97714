/** The settings screens in the order of the sub-navigation; only API tokens are for every user. */
export const SECTIONS = [
  { path: 'pipelines', adminOnly: true },
  { path: 'lead-statuses', adminOnly: true },
  { path: 'custom-fields', adminOnly: true },
  { path: 'users', adminOnly: true },
  { path: 'departments', adminOnly: true },
  { path: 'roles', adminOnly: true },
  { path: 'integrations', adminOnly: true },
  { path: 'api-tokens', adminOnly: false },
] as const;

export type SectionPath = (typeof SECTIONS)[number]['path'];
