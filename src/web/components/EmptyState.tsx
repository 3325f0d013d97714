import { Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a new user sees instead of an empty table: what this is and the first step. */
export function EmptyState({
  title,
  hint,
  action,
}: {
  title: string;
  hint: string;
  action?: { label: string; onClick: () => void; icon?: ReactNode };
}) {
  return (
    <Stack align="center" justify="center" gap="xs" p="xl" mih={240} ta="center">
      <Title order={2} size="h5">
        {title}
      </Title>
      <Text size="sm" c="dimmed" maw={420}>
        {hint}
      </Text>
      {action && (
        <Button size="xs" variant="light" leftSection={action.icon} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </Stack>
  );
}
