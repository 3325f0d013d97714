import qs from 'qs';
import type { TestApp } from './app.js';

/** An inbound webhook made through the native admin API, and calls to the Bitrix24 REST transport. */
export interface Hook {
  id: number;
  userId: number;
  secret: string;
  /** Path prefix /rest/<userId>/<secret>/ */
  base: string;
  url: string;
}

export async function createHook(
  t: TestApp,
  opts: { userId?: number; scopes?: string[]; title?: string } = {},
): Promise<Hook> {
  const res = await t.admin.post('/api/v1/webhooks/inbound', {
    title: opts.title ?? 'Test hook',
    ...(opts.userId ? { userId: opts.userId } : {}),
    ...(opts.scopes ? { scopes: opts.scopes } : {}),
  });
  if (res.status !== 201) throw new Error(`webhook not created: ${JSON.stringify(res.body)}`);
  const { id, userId, secret, url } = res.body as { id: number; userId: number; secret: string; url: string };
  return { id, userId, secret, url, base: `/rest/${userId}/${secret}/` };
}

export type Encoding = 'json' | 'form' | 'query' | 'multipart';

// biome-ignore lint/suspicious/noExplicitAny: replies are inspected field by field
export type Reply = { status: number; body: any };

/** Calls a method the way the named kind of client does (JSON body, form body, GET query, multipart). */
export async function call(
  t: TestApp,
  hook: Hook,
  method: string,
  params: Record<string, unknown> = {},
  encoding: Encoding = 'json',
): Promise<Reply> {
  const url = `${hook.base}${method}`;
  const encoded = qs.stringify(params, { encodeValuesOnly: false });
  let res: Awaited<ReturnType<TestApp['app']['inject']>>;
  if (encoding === 'json') {
    res = await t.app.inject({ method: 'POST', url, payload: params });
  } else if (encoding === 'form') {
    res = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: encoded,
    });
  } else if (encoding === 'query') {
    res = await t.app.inject({ method: 'GET', url: encoded ? `${url}?${encoded}` : url });
  } else {
    const boundary = '----sevanTestBoundary';
    const parts = encoded
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const [k = '', v = ''] = pair.split('=');
        return `--${boundary}\r\nContent-Disposition: form-data; name="${decodeURIComponent(k)}"\r\n\r\n${decodeURIComponent(v)}\r\n`;
      });
    res = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `${parts.join('')}--${boundary}--\r\n`,
    });
  }
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}
