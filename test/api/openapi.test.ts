import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Operation = {
  summary?: string;
  description?: string;
  parameters?: {
    example?: unknown;
    examples?: unknown;
    schema?: { example?: unknown; examples?: unknown };
  }[];
  requestBody?: {
    content?: Record<string, { schema?: { example?: unknown; examples?: unknown }; example?: unknown }>;
  };
};

const hasExample = (op: Operation): boolean => {
  const body = Object.values(op.requestBody?.content ?? {});
  // A route that takes a body must show an example body, not just an example URL.
  if (body.length)
    return body.some(
      (c) => c.example !== undefined || c.schema?.example !== undefined || c.schema?.examples !== undefined,
    );
  if (/example/i.test(op.description ?? '')) return true;
  return (op.parameters ?? []).some(
    (p) => p.example !== undefined || p.schema?.example !== undefined || p.schema?.examples !== undefined,
  );
};

describe('OpenAPI description', () => {
  it('describes every route with a summary and an example', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, Operation>> };
    const missing: string[] = [];
    let count = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        count += 1;
        if (!op.summary) missing.push(`${method.toUpperCase()} ${path}: no summary`);
        else if (!hasExample(op)) missing.push(`${method.toUpperCase()} ${path}: no example`);
      }
    }
    expect(count).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });
});
