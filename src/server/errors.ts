import { type ErrorCode, ErrorCodes, type FieldIssue } from '../shared/errors.js';

/** The one error type services throw. The HTTP layer maps `code` to a status; services know nothing of HTTP. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const invalid = (issues: FieldIssue[], message?: string) =>
  new AppError(
    ErrorCodes.VALIDATION_FAILED,
    message ?? issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    issues,
  );

export const notFound = (what: string, id?: number | string) =>
  new AppError(ErrorCodes.NOT_FOUND, id === undefined ? `${what} not found` : `${what} ${id} not found`);

export const forbidden = (message = 'You do not have the right to do this') =>
  new AppError(ErrorCodes.FORBIDDEN, message);
