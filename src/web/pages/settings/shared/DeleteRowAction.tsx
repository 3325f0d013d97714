import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ConfirmAction } from './ConfirmAction';
import { RowAction } from './RowAction';

/** The red bin button of a settings row, asking for confirmation before it deletes (or revokes). */
export function DeleteRowAction(props: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  label: string;
  testId?: string;
  onConfirm: () => Promise<unknown>;
}) {
  const { label, testId, ...confirm } = props;
  return (
    <ConfirmAction {...confirm}>
      {(open) => (
        <RowAction label={label} color="red" onClick={open} {...(testId ? { testId } : {})}>
          <IconTrash size={16} />
        </RowAction>
      )}
    </ConfirmAction>
  );
}
