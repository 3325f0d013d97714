import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { type ApiErrorBody, type ErrorCode, ErrorCodes, type FieldIssue } from '../../shared/errors.js';
import { AppError, statusByCode } from '../errors.js';
import { localizeError, messageLanguage } from './messages/localize.js';

const body = (code: ErrorCode, message: string, details?: unknown): ApiErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Sends an error in the language the request asks for (Accept-Language: en, ru or hy). Messages are
 * written in English in the code; the catalogs under messages/ translate them here, and only here.
 */
const sendError = (
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  details?: unknown,
) =>
  reply
    .status(status)
    .send(localizeError(body(code, message, details), messageLanguage(req.headers['accept-language'])));

/** The zod issues fastify-type-provider-zod reports for a route schema, as the API's field issues. */
function schemaIssues(validation: ZodFastifySchemaValidationError[], where = 'body'): FieldIssue[] {
  return validation.flatMap((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = (v.params as { keys?: string[] } | undefined)?.keys;
    if (v.keyword === 'unrecognized_keys' && keys) {
      return keys.map((k) => ({ field: path ? `${path}.${k}` : k, message: 'unknown field' }));
    }
    const missing = v.keyword === 'invalid_type' && /received undefined/.test(v.message ?? '');
    return [{ field: path || `(${where})`, message: missing ? 'is required' : (v.message ?? 'is invalid') }];
  });
}

/** The one error handler: every failure leaves as { error: { code, message, details } }, never a stack. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, code: ErrorCode, message: string, details?: unknown) =>
      sendError(req, reply, status, code, message, details);
    if (err instanceof AppError) return send(statusByCode[err.code], err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = schemaIssues(err.validation, err.validationContext);
      const message = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return send(400, ErrorCodes.VALIDATION_FAILED, message, issues);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, ErrorCodes.PAYLOAD_TOO_LARGE, 'The request body is too large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, 'Send the body as application/json');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, ErrorCodes.MALFORMED_JSON, 'The JSON body is empty');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(400, ErrorCodes.MALFORMED_JSON, 'The body is not valid JSON');
    }
    if (err.statusCode === 429) {
      return send(429, ErrorCodes.RATE_LIMITED, 'Too many requests; wait a moment and retry');
    }
    if (
      err instanceof SyntaxError ||
      (/JSON|prototype|constructor/i.test(err.message) && err.statusCode === 400)
    ) {
      return send(400, ErrorCodes.MALFORMED_JSON, `The body is not acceptable JSON: ${err.message}`);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code = err.statusCode === 404 ? ErrorCodes.NOT_FOUND : ErrorCodes.VALIDATION_FAILED;
      return send(err.statusCode, code, err.message);
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, ErrorCodes.INTERNAL, 'Something went wrong on our side; it has been logged');
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(req, reply, 404, ErrorCodes.NOT_FOUND, `No route ${req.method} ${req.url.split('?')[0]}`),
  );
}
