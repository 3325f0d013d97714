import type { FieldIssue } from '../../../shared/errors.js';
import { AppError } from '../../errors.js';

/**
 * An error as Bitrix24 answers it: an HTTP status and `{ "error": code, "error_description": text }`.
 * Legacy CRM methods answer business errors with HTTP 400 and an EMPTY code, which integrations match on.
 */
export class B24Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
    cause?: unknown,
  ) {
    super(description, cause === undefined ? undefined : { cause });
    this.name = 'B24Error';
  }

  body() {
    return { error: this.code, error_description: this.message };
  }
}

export const b24 = {
  noAuth: () => new B24Error(401, 'NO_AUTH_FOUND', 'Wrong authorization data'),
  badCredentials: () => new B24Error(401, 'INVALID_CREDENTIALS', 'Invalid request credentials'),
  methodNotFound: () => new B24Error(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'),
  insufficientScope: () =>
    new B24Error(
      403,
      'insufficient_scope',
      'The request requires higher privileges than provided by the webhook token',
    ),
  tooManyRequests: () => new B24Error(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests'),
  batchTooLong: () => new B24Error(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded'),
  batchNotAllowed: () =>
    new B24Error(405, 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage'),
  internal: (cause?: unknown) => new B24Error(500, 'INTERNAL_SERVER_ERROR', 'Internal server error', cause),
  /** A legacy CRM business error: 400 with an empty code. */
  legacy: (description: string) => new B24Error(400, '', description),
  invalidArg: (description: string) => new B24Error(400, 'INVALID_ARG_VALUE', description),
};

/** How a method reports business errors: legacy CRM style ("" code) or with codes (newer methods). */
export type ErrorStyle = 'legacy' | 'coded';

/** Renames our API field names in validation messages to the Bitrix24 names the caller sent. */
export type FieldNamer = (apiField: string) => string | undefined;

function issuesText(issues: FieldIssue[], namer?: FieldNamer): string {
  return issues
    .map((i) => {
      const [head = '', ...rest] = i.field.split('.');
      const name = namer?.(head);
      return `${name ? [name, ...rest].join('.') : i.field}: ${i.message}`;
    })
    .join('; ');
}

/** Any failure of a method → the Bitrix24 error the caller expects. */
export function toB24Error(err: unknown, style: ErrorStyle, namer?: FieldNamer): B24Error {
  if (err instanceof B24Error) return err;
  if (!(err instanceof AppError)) return b24.internal(err);
  const legacy = style === 'legacy';
  switch (err.code) {
    case 'NOT_FOUND':
      return legacy ? b24.legacy('Not found') : new B24Error(400, 'NOT_FOUND', err.message);
    case 'FORBIDDEN':
      return legacy ? b24.legacy('Access denied.') : new B24Error(403, 'ACCESS_DENIED', err.message);
    case 'VALIDATION_FAILED': {
      const issues = Array.isArray(err.details) ? (err.details as FieldIssue[]) : null;
      const text = issues?.length ? issuesText(issues, namer) : err.message;
      return legacy ? b24.legacy(text) : b24.invalidArg(text);
    }
    case 'UNAUTHENTICATED':
      return b24.badCredentials();
    case 'RATE_LIMITED':
      return b24.tooManyRequests();
    case 'VERSION_CONFLICT':
    case 'CONFLICT':
    case 'IDEMPOTENCY_MISMATCH':
      return legacy ? b24.legacy(err.message) : new B24Error(400, 'ERROR_CORE', err.message);
    default:
      return b24.internal(err);
  }
}
