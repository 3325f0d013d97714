import type { FastifyInstance } from 'fastify';

/**
 * Gives every documented route an example request line in its description ("Example: GET
 * /api/v1/deals/42"), with path parameters filled in, unless the route already shows an example.
 * Body examples come from each route's schema; this covers routes whose whole input is the URL.
 */
export function registerRouteExamples(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; description?: string; summary?: string } | undefined;
    if (!schema?.summary || schema.hide || !route.url.startsWith('/api/')) return;
    if (/example/i.test(schema.description ?? '')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const method = methods.find((m) => m !== 'HEAD') ?? methods[0];
    const url = route.url.replace(/:(\w+)/g, (_m, name: string) =>
      name === 'code' ? 'USD' : name.toLowerCase().endsWith('id') ? '42' : '1',
    );
    const line = `Example: ${method} ${url}`;
    schema.description = schema.description ? `${schema.description}\n\n${line}` : line;
  });
}
