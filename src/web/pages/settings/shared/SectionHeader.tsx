import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from '../settings.module.css';

/** The title of a settings screen, one line saying what it is for, and its main actions. */
export function SectionHeader({
  title,
  hint,
  children,
}: {
  title: string;
  hint: string;
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
      <div className={classes.headerText}>
        <Title order={2} size="h5">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children && (
        <Group gap="xs" wrap="wrap">
          {children}
        </Group>
      )}
    </Group>
  );
}
