import { Button, ColorSwatch, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoardLayout } from './board';

export interface MoveTarget {
  id: number;
  name: string;
  color: string;
}

/** Every place a card can go, as a list of buttons: the phone's and the keyboard's way to move a card. */
export function MoveModal({
  layout,
  title,
  from,
  onPick,
  onClose,
}: {
  layout: BoardLayout;
  /** Title of the card being moved; null keeps the modal closed. */
  title: string | null;
  from: number | null;
  onPick: (to: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('kanban');
  const targets: MoveTarget[] = [...layout.columns.filter((c) => c.droppable), ...layout.zones];
  return (
    <Modal
      opened={title !== null}
      onClose={onClose}
      title={t('move.title', { title: title ?? '' })}
      size="sm"
    >
      <Stack gap={4}>
        {targets.map((s) => (
          <Button
            key={s.id}
            variant={s.id === from ? 'light' : 'subtle'}
            color="gray"
            justify="flex-start"
            disabled={s.id === from}
            leftSection={<ColorSwatch color={s.color} size={12} />}
            rightSection={
              s.id === from ? (
                <Text size="xs" c="dimmed">
                  {t('move.current')}
                </Text>
              ) : null
            }
            onClick={() => onPick(s.id)}
            data-testid={`kanban-move-to-${s.id}`}
          >
            {s.name}
          </Button>
        ))}
      </Stack>
    </Modal>
  );
}
