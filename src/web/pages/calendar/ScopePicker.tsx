import { Select } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarScope, useDepartmentsFor } from '../../api/calendar';
import { useUsers } from '../../api/reference';
import type { Me } from '../../api/types';
import classes from './Calendar.module.css';
import { scopeChoices, scopeOfValue, scopeValue, widestRead } from './calendar-scope';

/**
 * Whose calendar: mine, a colleague's or a department's, among those the user's role lets them see.
 * Hidden for a role that only sees its own records (unless a link opened someone else's calendar).
 */
export function ScopePicker({
  me,
  scope,
  onChange,
}: {
  me: Me;
  scope: CalendarScope;
  onChange: (scope: CalendarScope) => void;
}) {
  const { t } = useTranslation('calendar');
  const wide = widestRead(me) !== 'own' && widestRead(me) !== 'none';
  const users = useUsers();
  const departments = useDepartmentsFor(wide || scope.kind !== 'me');
  const data = useMemo(() => {
    const choices = scopeChoices(me, users.data ?? [], departments.data ?? []);
    const groups = [{ group: t('scope.mine'), items: [{ value: 'me', label: t('scope.me') }] }];
    // a calendar opened by a link stays listed even when it is not among the choices
    const extraUser = scope.kind === 'user' && !choices.users.some((u) => u.id === scope.id);
    const extraDept = scope.kind === 'department' && !choices.departments.some((d) => d.id === scope.id);
    const people = extraUser
      ? [...choices.users, ...(users.data ?? []).filter((u) => u.id === scope.id)]
      : choices.users;
    const depts = extraDept
      ? [...choices.departments, ...(departments.data ?? []).filter((d) => d.id === scope.id)]
      : choices.departments;
    if (people.length)
      groups.push({
        group: t('scope.colleagues'),
        items: people.map((u) => ({ value: `user:${u.id}`, label: `${u.name} ${u.lastName}`.trim() })),
      });
    if (depts.length)
      groups.push({
        group: t('scope.departments'),
        items: depts.map((d) => ({ value: `department:${d.id}`, label: d.name })),
      });
    return groups;
  }, [me, users.data, departments.data, scope, t]);

  if (!wide && scope.kind === 'me') return null;
  return (
    <Select
      size="xs"
      w={{ base: 'auto', sm: 200 }}
      className={classes.scope}
      leftSection={<IconUsers size={14} />}
      aria-label={t('scope.label')}
      data={data}
      value={scopeValue(scope)}
      onChange={(v) => onChange(scopeOfValue(v))}
      allowDeselect={false}
      searchable
      nothingFoundMessage={t('scope.nothing')}
      comboboxProps={{ withinPortal: true, width: 260, position: 'bottom-end' }}
      data-testid="calendar-scope"
    />
  );
}
