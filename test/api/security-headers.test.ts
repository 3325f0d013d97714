import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { createHook } from '../support/bitrix24.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** What a browser relies on: no MIME sniffing, no framing by other sites, no referrer leak, HTTPS kept. */
const EXPECTED = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
};

describe('security headers', () => {
  it('come with every kind of answer: API, errors, unknown routes and the Bitrix24 transport', async () => {
    const hook = await createHook(t);
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${t.admin.token}` },
      }),
      await t.app.inject({ method: 'GET', url: '/api/v1/deals' }),
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/no-such-route',
        headers: { authorization: `Bearer ${t.admin.token}` },
      }),
      await t.app.inject({ method: 'POST', url: `${hook.base}server.time`, payload: {} }),
      await t.app.inject({ method: 'POST', url: `${hook.base}no.such.method`, payload: {} }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 401, 404, 200, 404]);
    // a value set twice would come back as an array and fail the match
    for (const a of answers) expect(a.headers).toMatchObject(EXPECTED);
  });
});
