import { AppError } from '../../../errors.js';
import { B24Error } from '../errors.js';
import { bindEvent, EVENT_NAMES, listBindings, unbindEvent } from '../events/event-bindings.service.js';
import { answer, type MethodDef } from '../registry.js';
import { param } from '../values.js';

/**
 * event.bind / event.unbind / event.get / events over the event bindings (delivered by the outbox).
 * Errors as Bitrix24 names them: ERROR_EVENT_NOT_FOUND, ERROR_HANDLER_ALREADY_EXIST, ACCESS_DENIED.
 */
function eventErrors(err: unknown): never {
  if (err instanceof AppError) {
    const issues = Array.isArray(err.details) ? (err.details as { field: string; message: string }[]) : [];
    if (err.code === 'VALIDATION_FAILED' && issues.some((i) => i.field === 'event'))
      throw new B24Error(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
    if (err.code === 'CONFLICT')
      throw new B24Error(400, 'ERROR_HANDLER_ALREADY_EXIST', 'Handler already exists!');
    if (err.code === 'FORBIDDEN') throw new B24Error(403, 'ACCESS_DENIED', err.message);
  }
  throw err;
}

function bindingInput(params: Record<string, unknown>) {
  const authType = param(params, 'auth_type');
  const eventType = param(params, 'event_type');
  return {
    event: String(param(params, 'event') ?? ''),
    handler: String(param(params, 'handler') ?? ''),
    ...(authType === undefined || authType === '' ? {} : { authType: authType as string | number }),
    ...(eventType === undefined || eventType === '' ? {} : { eventType: String(eventType) }),
  };
}

export const eventMethods: MethodDef[] = [
  {
    name: 'event.bind',
    scope: null,
    errors: 'coded',
    namer: (api) => ({ authType: 'auth_type', eventType: 'event_type' })[api],
    handler: async ({ ctx, params }) => {
      await bindEvent(ctx.db, ctx.actor, bindingInput(params)).catch(eventErrors);
      return answer(true);
    },
  },
  {
    name: 'event.unbind',
    scope: null,
    errors: 'coded',
    namer: (api) => ({ authType: 'auth_type', eventType: 'event_type' })[api],
    handler: async ({ ctx, params }) =>
      answer(await unbindEvent(ctx.db, ctx.actor, bindingInput(params)).catch(eventErrors)),
  },
  {
    name: 'event.get',
    scope: null,
    errors: 'coded',
    handler: async ({ ctx }) =>
      answer(
        (await listBindings(ctx.db, ctx.actor)).map((b) => ({
          event: b.event,
          handler: b.handler,
          auth_type: String(b.authType ?? 0),
          offline: 0,
        })),
      ),
  },
  {
    name: 'events',
    scope: null,
    errors: 'coded',
    handler: async () => answer([...EVENT_NAMES]),
  },
];
