import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/activities';
import { ActivityForm, type FormTarget } from './ActivityForm';
import type { OwnerPick } from './OwnerChooser';

/**
 * The plan-activity dialog (and the same form to edit one): from a record page or a kanban card the
 * record is given; from the activities page the user picks it. Full screen on a phone.
 */
export function PlanActivityDialog({
  opened,
  onClose,
  owner = null,
  ownerFixed = true,
  activity,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  owner?: OwnerPick | null;
  /** The given record cannot be changed (planned from that record's page or card). */
  ownerFixed?: boolean;
  /** Edit this activity instead of planning a new one. */
  activity?: Activity | null;
  onDone?: (activity: Activity) => void;
}) {
  const { t } = useTranslation('activities');
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const target: FormTarget = activity ? { kind: 'edit', activity } : { kind: 'new', owner, ownerFixed };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={activity ? t('form.titleEdit') : t('form.titleNew')}
      size="lg"
      fullScreen={phone}
    >
      {opened && (
        <ActivityForm
          target={target}
          onCancel={onClose}
          onDone={(a) => {
            onDone?.(a);
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
