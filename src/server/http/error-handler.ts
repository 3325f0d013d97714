import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ApiErrorBody, type ErrorCode, ErrorCodes, type FieldIssue } from '../../shared/errors.js';
import { AppError, statusByCode } from '../errors.js';

const body = (code: ErrorCode, message: string, details?: unknown): ApiErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** The one error handler: every failure leaves as { error: { code, message, details } }, never a stack. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(statusByCode[err.code]).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues: FieldIssue[] = err.validation.flatMap((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const keys = (v.params as { keys?: string[] } | undefined)?.keys;
        if (v.keyword === 'unrecognized_keys' && keys) {
          return keys.map((k) => ({ field: path ? `${path}.${k}` : k, message: 'unknown field' }));
        }
        const missing = v.keyword === 'invalid_type' && /received undefined/.test(v.message ?? '');
        return [
          { field: path || `(${where})`, message: missing ? 'is required' : (v.message ?? 'is invalid') },
        ];
      });
      const message = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return reply.status(400).send(body(ErrorCodes.VALIDATION_FAILED, message, issues));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(body(ErrorCodes.PAYLOAD_TOO_LARGE, 'The request body is too large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply
          .status(415)
          .send(body(ErrorCodes.UNSUPPORTED_MEDIA_TYPE, 'Send the body as application/json'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(body(ErrorCodes.MALFORMED_JSON, 'The JSON body is empty'));
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(body(ErrorCodes.MALFORMED_JSON, 'The body is not valid JSON'));
    }
    if (err.statusCode === 429) {
      return reply
        .status(429)
        .send(body(ErrorCodes.RATE_LIMITED, 'Too many requests; wait a moment and retry'));
    }
    if (
      err instanceof SyntaxError ||
      (/JSON|prototype|constructor/i.test(err.message) && err.statusCode === 400)
    ) {
      return reply
        .status(400)
        .send(body(ErrorCodes.MALFORMED_JSON, `The body is not acceptable JSON: ${err.message}`));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code = err.statusCode === 404 ? ErrorCodes.NOT_FOUND : ErrorCodes.VALIDATION_FAILED;
      return reply.status(err.statusCode).send(body(code, err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(body(ErrorCodes.INTERNAL, 'Something went wrong on our side; it has been logged'));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(body(ErrorCodes.NOT_FOUND, `No route ${req.method} ${req.url.split('?')[0]}`)),
  );
}
