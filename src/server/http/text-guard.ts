import type { FastifyInstance } from 'fastify';
import type { FieldIssue } from '../../shared/errors.js';
import { invalid } from '../errors.js';
import { scanForNul as scan } from '../validation.js';

/**
 * Refuses NUL characters anywhere in a JSON body: PostgreSQL text cannot hold them and no CRM field needs
 * them, so both engines answer the same 400 instead of one storing and the other failing.
 */
export function registerTextGuard(app: FastifyInstance): void {
  // a callback hook, not an async one: it runs on every request, and a promise each is not free
  app.addHook('preValidation', (req, _reply, done) => {
    const issues: FieldIssue[] = [];
    scan(req.query, '', issues);
    if (req.body !== null && typeof req.body === 'object') scan(req.body, '', issues);
    done(issues.length ? invalid(issues) : undefined);
  });
}
