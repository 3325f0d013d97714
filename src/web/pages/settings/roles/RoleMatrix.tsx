import { NativeSelect, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import {
  ACTIONS,
  type Action,
  type Permissions,
  RECORD_ENTITIES,
  type RecordEntity,
  SCOPES,
  type Scope,
} from '../../../../shared/access';
import classes from '../settings.module.css';

/** Wider scopes in deeper blue, so a glance over the table shows how much a role may touch. */
const SCOPE_COLOR: Record<Scope, string> = {
  none: 'var(--mantine-color-gray-4)',
  own: 'var(--mantine-color-blue-2)',
  department: 'var(--mantine-color-blue-4)',
  subdepartments: 'var(--mantine-color-blue-6)',
  all: 'var(--mantine-color-blue-8)',
};

/** The scope of one entity × action; a missing entry means "none". */
export const scopeOf = (p: Permissions, e: RecordEntity, a: Action): Scope => p[e]?.[a] ?? 'none';

/**
 * Rights of a role: for each kind of record and each action, whose records (none, own, department,
 * department with sub-departments, all). A table on wide screens, one card per kind of record on narrow.
 */
export function RoleMatrix({
  permissions,
  onChange,
}: {
  permissions: Permissions;
  onChange: (p: Permissions) => void;
}) {
  const { t } = useTranslation('settings');
  const narrow = useMediaQuery('(max-width: 62em)');
  const scopes = SCOPES.map((s) => ({ value: s, label: t(`scopes.${s}`) }));
  const set = (e: RecordEntity, a: Action, s: Scope) =>
    onChange({ ...permissions, [e]: { ...permissions[e], [a]: s } });
  const cell = (e: RecordEntity, a: Action, withLabel: boolean) => (
    <NativeSelect
      size="xs"
      label={withLabel ? t(`actionsList.${a}`) : undefined}
      aria-label={
        withLabel
          ? undefined
          : t('roles.cellLabel', { entity: t(`entities.${e}`), action: t(`actionsList.${a}`) })
      }
      data={scopes}
      value={scopeOf(permissions, e, a)}
      onChange={(ev) => set(e, a, ev.currentTarget.value as Scope)}
      data-scope={scopeOf(permissions, e, a)}
      leftSection={
        <span className={classes.scopeDot} style={{ background: SCOPE_COLOR[scopeOf(permissions, e, a)] }} />
      }
      leftSectionWidth={24}
      data-testid={`role-cell-${e}-${a}`}
    />
  );

  if (narrow) {
    return (
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" data-testid="role-matrix">
        {RECORD_ENTITIES.map((e) => (
          <Paper key={e} withBorder p="sm" radius="sm">
            <Text fw={600} size="sm" mb={6}>
              {t(`entities.${e}`)}
            </Text>
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
              {ACTIONS.map((a) => (
                <div key={a}>{cell(e, a, true)}</div>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </SimpleGrid>
    );
  }
  return (
    <div className={`${classes.list} ${classes.tableWrap}`}>
      <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="role-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {ACTIONS.map((a) => (
              <Table.Th key={a}>{t(`actionsList.${a}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {RECORD_ENTITIES.map((e) => (
            <Table.Tr key={e}>
              <Table.Th scope="row">{t(`entities.${e}`)}</Table.Th>
              {ACTIONS.map((a) => (
                <Table.Td key={a} className={classes.matrixCell}>
                  {cell(e, a, false)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
