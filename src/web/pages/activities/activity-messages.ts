import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../shared/errors';
import { apiMessageKey } from '../record/api-messages';

/**
 * The API explains a bad activity field in English; the form shows it in the user's language. Messages the
 * record pages already know come from their `record:api` keys, those only activities have from ours, and
 * anything else is shown as the server wrote it.
 */
const OWN: [RegExp, string][] = [
  [/^is required for an? \w+$/, 'required'],
  [/set startAt instead$/, 'timedHasStart'],
  [/^needs startAt$/, 'endNeedsStart'],
  [/^must not be before startAt$/, 'endBeforeStart'],
  [/^no active user with id \d+$/, 'noUser'],
  [/^user \d+ may not see this \w+$/, 'userCannotSee'],
  [/^must be a phone number$/, 'phone'],
  [/^is required with comm(Type|Value)$/, 'commPair'],
  [/^must be one of /, 'choose'],
];

export function activityMessage(t: TFunction, message: string): string {
  const known = apiMessageKey(message);
  if (known) return t(`record:${known.key}`, known.values ?? {});
  for (const [re, key] of OWN) if (re.test(message)) return t(`activities:api.${key}`);
  return message;
}

/** Which form field shows an API field's problem. */
const FORM_FIELD: Record<string, string> = {
  startAt: 'when',
  deadline: 'when',
  endAt: 'duration',
  commType: 'comm',
  commValue: 'comm',
  ownerEntity: 'record',
  ownerId: 'record',
  remindBeforeMinutes: 'remind',
};

export type FormErrors = Record<string, string>;

/** The API's (or the shared schema's) field issues as messages per form field; the first one wins. */
export function formErrors(t: TFunction, issues: FieldIssue[]): FormErrors {
  const out: FormErrors = {};
  for (const issue of issues) {
    const top = issue.field.split('.')[0] ?? issue.field;
    const field = FORM_FIELD[top] ?? top;
    out[field] ??= activityMessage(t, issue.message);
  }
  return out;
}
