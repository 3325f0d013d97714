import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLOR: Record<string, string> = {
  process: 'blue',
  won: 'teal',
  converted: 'teal',
  lost: 'red',
  junk: 'red',
};

/** What a stage or status means for reports: in progress, or a closed outcome. */
export function SemanticsBadge({ semantics }: { semantics: string }) {
  const { t } = useTranslation('settings');
  return (
    <Badge variant="light" color={COLOR[semantics] ?? 'gray'} size="sm" radius="sm" tt="none">
      {t(`semantics.${semantics}`)}
    </Badge>
  );
}
