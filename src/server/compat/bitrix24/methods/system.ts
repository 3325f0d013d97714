import { answer, type MethodDef } from '../registry.js';
import { boolIn, nowOut, param } from '../values.js';

/** methods, method.get, scope, server.time: what the webhook may call, and the server's clock. */
export const systemMethods: MethodDef[] = [
  {
    name: 'methods',
    scope: null,
    errors: 'coded',
    handler: async ({ registry, webhook, params }) => {
      const scope = param(params, 'scope');
      const full = boolIn(param(params, 'full')) === true;
      const names = registry.names((def) => {
        if (typeof scope === 'string' && scope) return def.scope === scope;
        return full || registry.allowed(def, webhook.scopes);
      });
      return answer(names);
    },
  },
  {
    name: 'method.get',
    scope: null,
    errors: 'coded',
    handler: async ({ registry, webhook, params }) => {
      const def = registry.get(String(param(params, 'name') ?? ''));
      return answer({
        isExisting: Boolean(def),
        isAvailable: Boolean(def && registry.allowed(def, webhook.scopes)),
      });
    },
  },
  {
    name: 'scope',
    scope: null,
    errors: 'coded',
    handler: async ({ registry, webhook, params }) =>
      answer(
        boolIn(param(params, 'full')) === true
          ? ['basic', ...registry.scopes()]
          : ['basic', ...[...webhook.scopes].filter((s) => s !== 'basic')],
      ),
  },
  {
    name: 'server.time',
    scope: null,
    errors: 'coded',
    handler: async () => answer(nowOut()),
  },
];
