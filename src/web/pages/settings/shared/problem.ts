import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../components/ErrorState';

type T = (key: string) => string;

/**
 * The sentence to show for a failed settings change. A 409 carries the server's own reason ("Stage "New"
 * has deals; move them to another stage first"), and a 400 names the fields: both are shown as they are.
 */
export function problemText(t: T, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'VERSION_CONFLICT') return t('settings:errors.stale');
    if ((error.status === 409 || error.status === 400) && error.message) return error.message;
  }
  return errorMessage((key) => t(`common:${key}`), error);
}

/** The title above that sentence: why the change did not happen. */
export function problemTitle(t: T, error: unknown): string {
  if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') return t('settings:errors.staleTitle');
  if (error instanceof ApiError && error.status === 409) return t('settings:errors.conflictTitle');
  if (error instanceof ApiError && error.status === 400) return t('settings:errors.invalidTitle');
  return t('settings:errors.failedTitle');
}

/** The server's message about one field of the form, if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fieldIssues.find((i) => i.field === field || i.field.startsWith(`${field}.`))?.message;
}

/** True when every issue of the error is shown next to one of the given fields. */
export function shownOnFields(error: unknown, fields: string[]): boolean {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.fieldIssues.length) return false;
  return error.fieldIssues.every((i) => fields.some((f) => i.field === f || i.field.startsWith(`${f}.`)));
}
