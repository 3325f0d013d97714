import { ActionIcon, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small icon button in a list row, named for screen readers and explained on hover. */
export function RowAction({
  label,
  onClick,
  children,
  color = 'gray',
  testId,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  color?: string;
  testId?: string;
}) {
  return (
    <Tooltip label={label} openDelay={400}>
      <ActionIcon
        variant="subtle"
        color={color}
        // a coloured action (the red bin) keeps its colour in the dark scheme too, where the subtle
        // variant would draw it almost white
        {...(color === 'gray' ? {} : { c: `${color}.6` })}
        onClick={onClick}
        aria-label={label}
        data-testid={testId}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
