import { b24, toB24Error } from '../errors.js';
import type { Answer, B24Call } from '../registry.js';

/**
 * Runs one method by name for a call (a request or a batch sub-call): unknown → ERROR_METHOD_NOT_FOUND,
 * outside the webhook's scopes → insufficient_scope, any failure → the method's Bitrix24 error.
 */
export async function runMethod(call: B24Call, method: string): Promise<Answer> {
  const def = call.registry.get(method);
  if (!def) throw b24.methodNotFound();
  if (!call.registry.allowed(def, call.webhook.scopes)) throw b24.insufficientScope();
  if (call.inBatch && def.batchable === false) throw b24.batchNotAllowed();
  try {
    return await def.handler(call);
  } catch (err) {
    throw toB24Error(err, def.errors, def.namer);
  }
}
