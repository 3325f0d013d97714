import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemText, problemTitle, shownOnFields } from './problem';

/** The reason a form was refused, unless every issue already sits next to its field. */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const { t } = useTranslation();
  if (!error || shownOnFields(error, fields)) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={problemTitle(t, error)} data-testid="form-error">
      {problemText(t, error)}
    </Alert>
  );
}
