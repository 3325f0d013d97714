import { Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminUsers, useDepartments } from '../../../api/settings';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../settings.module.css';
import { ListSkeleton } from '../shared/ListSkeleton';
import { SectionHeader } from '../shared/SectionHeader';
import { DepartmentBranch } from './DepartmentBranch';
import { DepartmentModal } from './DepartmentModal';
import { buildTree } from './tree';

type Target = { id: number } | { parentId: number | null } | null;

/** The company structure: departments in a tree, each with a head. Access rights follow it. */
export default function DepartmentsPage() {
  const { t } = useTranslation('settings');
  const departments = useDepartments();
  const users = useAdminUsers();
  const [target, setTarget] = useState<Target>(null);
  const tree = useMemo(() => buildTree(departments.data ?? []), [departments.data]);
  const headName = (id: number | null) => {
    const u = users.data?.find((x) => x.id === id);
    return u ? `${u.name} ${u.lastName}`.trim() : null;
  };
  // the dialog gets the fresh department, so a save after a 409 sends the current version
  const editing = target && 'id' in target ? departments.data?.find((d) => d.id === target.id) : undefined;
  const modalTarget =
    target === null ? null : 'id' in target ? (editing ? { department: editing } : null) : target;
  const addTop = () => setTarget({ parentId: tree[0]?.id ?? null });

  return (
    <>
      <SectionHeader title={t('departments.title')} hint={t('departments.hint')}>
        <Button leftSection={<IconPlus size={16} />} onClick={addTop} data-testid="department-create">
          {t('departments.create')}
        </Button>
      </SectionHeader>
      {departments.isPending ? (
        <ListSkeleton rows={4} />
      ) : departments.isError ? (
        <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />
      ) : tree.length === 0 ? (
        <EmptyState
          title={t('departments.emptyTitle')}
          hint={t('departments.emptyHint')}
          action={{ label: t('departments.create'), onClick: addTop }}
        />
      ) : (
        <>
          <ul className={`${classes.tree} ${classes.list}`} data-testid="department-tree">
            {tree.map((node) => (
              <DepartmentBranch
                key={node.id}
                node={node}
                headName={headName}
                onEdit={(n) => setTarget({ id: n.id })}
                onAddChild={(parentId) => setTarget({ parentId })}
              />
            ))}
          </ul>
          {tree.length === 1 && tree[0]?.children.length === 0 && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('departments.onlyRootHint')}
            </Text>
          )}
        </>
      )}
      <DepartmentModal target={modalTarget} onClose={() => setTarget(null)} />
    </>
  );
}
