import { Badge, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDeleteDepartment } from '../../../api/settings';
import classes from '../settings.module.css';
import { ConfirmAction } from '../shared/ConfirmAction';
import { RowAction } from '../shared/RowAction';
import type { DepartmentNode } from './tree';

/** One department with its head and people, and everything under it. */
export function DepartmentBranch({
  node,
  headName,
  onEdit,
  onAddChild,
}: {
  node: DepartmentNode;
  headName: (id: number | null) => string | null;
  onEdit: (node: DepartmentNode) => void;
  onAddChild: (parentId: number) => void;
}) {
  const { t } = useTranslation('settings');
  const remove = useDeleteDepartment();
  const head = headName(node.headId);
  return (
    <li>
      <div className={classes.row} data-testid={`department-row-${node.id}`}>
        <div className={classes.main}>
          <Text size="sm" fw={500} truncate>
            {node.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {head ? t('departments.headIs', { name: head }) : t('departments.noHead')}
          </Text>
        </div>
        <div className={classes.meta}>
          <Badge variant="light" color="gray" size="sm" radius="sm" tt="none">
            {t('departments.people', { count: node.userCount })}
          </Badge>
        </div>
        <div className={classes.actions}>
          <RowAction
            label={t('departments.addChild', { name: node.name })}
            onClick={() => onAddChild(node.id)}
            testId={`department-add-child-${node.id}`}
          >
            <IconPlus size={16} />
          </RowAction>
          <RowAction label={t('departments.edit', { name: node.name })} onClick={() => onEdit(node)}>
            <IconPencil size={16} />
          </RowAction>
          <ConfirmAction
            title={t('departments.deleteTitle')}
            message={t('departments.deleteMessage', { name: node.name })}
            confirmLabel={t('actions.delete', { ns: 'common' })}
            onConfirm={() => remove.mutateAsync(node.id)}
          >
            {(open) => (
              <RowAction
                label={t('departments.delete', { name: node.name })}
                color="red"
                onClick={open}
                testId={`department-delete-${node.id}`}
              >
                <IconTrash size={16} />
              </RowAction>
            )}
          </ConfirmAction>
        </div>
      </div>
      {node.children.length > 0 && (
        <ul className={`${classes.tree} ${classes.children}`}>
          {node.children.map((child) => (
            <DepartmentBranch
              key={child.id}
              node={child}
              headName={headName}
              onEdit={onEdit}
              onAddChild={onAddChild}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
