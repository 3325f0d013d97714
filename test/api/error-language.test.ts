import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hy } from '../../src/server/http/messages/hy.js';
import { ru } from '../../src/server/http/messages/ru.js';
import { MessageCatalog, placeholdersOf } from '../../src/server/http/messages/templates.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { call, createHook } from '../support/bitrix24.js';

let t: TestApp;
let owner: Client;
let colleague: Client;
let dealId: number;

const inLanguage = (language: string) => ({ 'accept-language': language });

beforeAll(async () => {
  t = await startTestApp();
  const root = await t.db.kysely
    .selectFrom('departments')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const dept = await t.admin.post('/api/v1/departments', { name: 'Sales Gyumri', parentId: root.id });
  expect(dept.status, JSON.stringify(dept.body)).toBe(201);
  // Sales managers read their department's records and change only their own.
  owner = await t.user({ departmentId: dept.body.id });
  colleague = await t.user({ departmentId: dept.body.id });
  const deal = await owner.post('/api/v1/deals', { title: 'Laptops for the school' });
  expect(deal.status, JSON.stringify(deal.body)).toBe(201);
  dealId = deal.body.id;
});
afterAll(async () => t.close());

describe('API error messages in the language the request asks for', () => {
  const badDeal = { title: '  ', probability: 200, amount: '12.345' };

  it('answers the same invalid create in English, Russian and Armenian, field by field', async () => {
    const en = await t.admin.post('/api/v1/deals', badDeal, inLanguage('en'));
    expect(en.status).toBe(400);
    expect(en.body.error.details).toEqual([
      { field: 'title', message: 'is required' },
      { field: 'probability', message: 'Too big: expected number to be <=100' },
      { field: 'amount', message: 'must be an amount with at most 2 decimals, such as "1234.50"' },
    ]);
    expect(en.body.error.message).toBe(
      'title: is required; probability: Too big: expected number to be <=100; ' +
        'amount: must be an amount with at most 2 decimals, such as "1234.50"',
    );

    const ruRes = await t.admin.post('/api/v1/deals', badDeal, inLanguage('ru-RU,ru;q=0.9,en;q=0.8'));
    expect(ruRes.status).toBe(400);
    expect(ruRes.body.error.code).toBe('VALIDATION_FAILED');
    expect(ruRes.body.error.details).toEqual([
      { field: 'title', message: 'Обязательное поле' },
      { field: 'probability', message: 'Не больше 100' },
      {
        field: 'amount',
        message: 'Введите сумму не более чем с 2 знаками после запятой, например "1234.50"',
      },
    ]);
    expect(ruRes.body.error.message).toBe(
      'title: Обязательное поле; probability: Не больше 100; ' +
        'amount: Введите сумму не более чем с 2 знаками после запятой, например "1234.50"',
    );

    const hyRes = await t.admin.post('/api/v1/deals', badDeal, inLanguage('hy'));
    expect(hyRes.status).toBe(400);
    expect(hyRes.body.error.details).toEqual([
      { field: 'title', message: 'Պարտադիր դաշտ' },
      { field: 'probability', message: 'Առավելագույնը 100' },
      { field: 'amount', message: 'Մուտքագրեք գումար՝ առավելագույնը 2 տասնորդական նիշով, օրինակ՝ "1234.50"' },
    ]);
    expect(hyRes.body.error.message).toBe(
      'title: Պարտադիր դաշտ; probability: Առավելագույնը 100; ' +
        'amount: Մուտքագրեք գումար՝ առավելագույնը 2 տասնորդական նիշով, օրինակ՝ "1234.50"',
    );
  });

  it('translates messages with values: a length limit, an unknown user, a route schema', async () => {
    const long = await t.admin.post('/api/v1/contacts', { name: 'x'.repeat(256) }, inLanguage('ru'));
    expect(long.body.error.details).toEqual([{ field: 'name', message: 'Не более 255 символов' }]);
    const nobody = await t.admin.post(
      '/api/v1/deals',
      { title: 'T', responsibleId: 987654 },
      inLanguage('ru'),
    );
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.details).toEqual([
      { field: 'responsibleId', message: 'Активный пользователь №987654 не найден' },
    ]);
    expect(nobody.body.error.message).toBe('responsibleId: Активный пользователь №987654 не найден');
    const hyNobody = await t.admin.post(
      '/api/v1/deals',
      { title: 'T', responsibleId: 987654 },
      inLanguage('hy'),
    );
    expect(hyNobody.body.error.message).toBe('responsibleId: №987654 ակտիվ օգտատերը չի գտնվել');
    const user = await t.admin.post(
      '/api/v1/users',
      { email: 'new.user@example.com', name: 'New', password: 'long-enough-1', locale: 'de' },
      inLanguage('hy'),
    );
    expect(user.status).toBe(400);
    expect(user.body.error.details).toEqual([
      { field: 'locale', message: 'Անթույլատրելի արժեք․ թույլատրելի են՝ "en"|"ru"|"hy"' },
    ]);
  });

  it('translates a 404 with the label of the record in its grammatical gender', async () => {
    const deal = await t.admin.get('/api/v1/deals/999999', inLanguage('ru'));
    expect(deal.status).toBe(404);
    expect(deal.body.error).toEqual({ code: 'NOT_FOUND', message: 'Сделка №999999 не найдена' });
    expect((await t.admin.get('/api/v1/contacts/999999', inLanguage('ru'))).body.error.message).toBe(
      'Контакт №999999 не найден',
    );
    expect((await t.admin.get('/api/v1/activities/999999', inLanguage('ru'))).body.error.message).toBe(
      'Дело №999999 не найдено',
    );
    expect((await t.admin.get('/api/v1/deals/999999', inLanguage('hy'))).body.error.message).toBe(
      '№999999 գործարքը չի գտնվել',
    );
    expect((await t.admin.get('/api/v1/companies/999999', inLanguage('hy'))).body.error.message).toBe(
      '№999999 ընկերությունը չի գտնվել',
    );
    const route = await t.admin.get('/api/v1/no-such-thing', inLanguage('ru'));
    expect(route.status).toBe(404);
    expect(route.body.error.message).toBe('Нет маршрута GET /api/v1/no-such-thing');
  });

  it('translates a 409: a stale version keeps the current record, a taken email keeps its field', async () => {
    const stale = await owner.patch(
      `/api/v1/deals/${dealId}`,
      { title: 'New title', version: 99 },
      inLanguage('ru'),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.message).toBe(
      `Сделка №${dealId} изменена другим пользователем (текущая версия — 1); обновите данные и повторите попытку`,
    );
    expect(stale.body.error.details.current).toMatchObject({
      id: dealId,
      version: 1,
      title: 'Laptops for the school',
    });
    const hyStale = await owner.patch(
      `/api/v1/deals/${dealId}`,
      { title: 'New title', version: 99 },
      inLanguage('hy'),
    );
    expect(hyStale.body.error.message).toBe(
      `№${dealId} գործարքը փոխվել է մեկ այլ օգտատիրոջ կողմից (ընթացիկ տարբերակը՝ 1)․ թարմացրեք տվյալները և նորից փորձեք`,
    );

    const taken = { email: 'admin@test.local', name: 'Twin', password: 'long-enough-1' };
    const ruTaken = await t.admin.post('/api/v1/users', taken, inLanguage('ru'));
    expect(ruTaken.status).toBe(409);
    expect(ruTaken.body.error).toEqual({
      code: 'CONFLICT',
      message: 'Пользователь с адресом admin@test.local уже существует',
      details: [{ field: 'email', message: 'Уже используется другим пользователем' }],
    });
    const hyTaken = await t.admin.post('/api/v1/users', taken, inLanguage('hy'));
    expect(hyTaken.body.error).toEqual({
      code: 'CONFLICT',
      message: 'admin@test.local էլ. փոստով օգտատեր արդեն գոյություն ունի',
      details: [{ field: 'email', message: 'Արդեն օգտագործվում է այլ օգտատիրոջ կողմից' }],
    });
  });

  it('translates a 403 naming the record the user may read but not change', async () => {
    const ruRes = await colleague.patch(`/api/v1/deals/${dealId}`, { title: 'Mine now' }, inLanguage('ru'));
    expect(ruRes.status).toBe(403);
    expect(ruRes.body.error).toEqual({ code: 'FORBIDDEN', message: 'Вам нельзя изменять эту сделку' });
    const hyRes = await colleague.delete(`/api/v1/deals/${dealId}`, inLanguage('hy'));
    expect(hyRes.status).toBe(403);
    expect(hyRes.body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'Դուք իրավունք չունեք ջնջելու այս գործարքը',
    });
    const admin = await colleague.post('/api/v1/departments', { name: 'Mine' }, inLanguage('ru'));
    expect(admin.status).toBe(403);
    expect(admin.body.error.message).toBe('Это могут делать только администраторы');
  });

  it('answers in English without a header, for a language it does not speak, and picks by preference', async () => {
    const english = 'title: is required';
    expect((await t.admin.post('/api/v1/deals', { title: '' })).body.error.message).toBe(english);
    expect((await t.admin.post('/api/v1/deals', { title: '' }, inLanguage('de-DE'))).body.error.message).toBe(
      english,
    );
    expect((await t.admin.post('/api/v1/deals', { title: '' }, inLanguage('*'))).body.error.message).toBe(
      english,
    );
    expect(
      (await t.admin.post('/api/v1/deals', { title: '' }, inLanguage('en-GB, ru'))).body.error.message,
    ).toBe(english);
    const preferred = await t.admin.post(
      '/api/v1/deals',
      { title: '' },
      inLanguage('de, hy;q=0.5, ru;q=0.8'),
    );
    expect(preferred.body.error.message).toBe('title: Обязательное поле');
    const refused = await t.admin.post('/api/v1/deals', { title: '' }, inLanguage('ru;q=0, hy'));
    expect(refused.body.error.message).toBe('title: Պարտադիր դաշտ');
  });

  it('keeps a message no template matches in English', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: {
        authorization: `Bearer ${t.admin.token}`,
        'content-type': 'application/json',
        'content-length': '5',
        'accept-language': 'ru',
      },
      payload: '{"title":"Truncated"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Request body size did not match Content-Length');
  });

  it('leaves the Bitrix24-compatible API in English whatever the language asked', async () => {
    const hook = await createHook(t, { scopes: ['crm'] });
    const ruHeaders = { 'accept-language': 'ru', 'content-type': 'application/json' };
    const missing = await t.app.inject({
      method: 'POST',
      url: `${hook.base}crm.company.get`,
      headers: ruHeaders,
      payload: { id: 999999 },
    });
    expect(missing.json()).toEqual({ error: '', error_description: 'Not found' });
    const invalid = await t.app.inject({
      method: 'POST',
      url: `${hook.base}crm.company.add`,
      headers: ruHeaders,
      payload: { fields: { TITLE: '' } },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error_description).toMatch(/^TITLE: .*required/);
    const nul = await t.app.inject({
      method: 'POST',
      url: `${hook.base}crm.company.add`,
      headers: ruHeaders,
      payload: { fields: { TITLE: 'a\u0000b' } },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error_description).toMatch(/must not contain NUL characters/);
    // the same call without a language header answers the same way
    expect((await call(t, hook, 'crm.company.get', { id: 999999 })).body).toEqual(missing.json());
  });
});

/** Values a message built from a template may carry, by placeholder name. */
const SAMPLE: Record<string, string> = {
  n: '5',
  n2: '7',
  id: '5',
  version: '3',
  code: 'EUR',
  what: 'Deal',
  entity: 'deal',
  label: 'deal',
  action: 'update',
  path: 'deals',
  table: 'deals',
  type: 'call',
  expected: 'string',
  received: 'number',
  reason: 'a private address',
  message: 'is required',
  currency: 'EUR',
  currency2: 'USD',
};
const sampleOf = (template: string) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? 'x1');

describe('the Russian and Armenian catalogs', () => {
  it('translate a message built from each of their templates, with no placeholder left', () => {
    for (const [language, catalog] of [
      ['ru', new MessageCatalog(ru)],
      ['hy', new MessageCatalog(hy)],
    ] as const) {
      for (const template of Object.keys(ru)) {
        const translated = catalog.translate(sampleOf(template));
        expect(translated, `${language}: ${template}`).toEqual(expect.any(String));
        expect(translated, `${language}: ${template}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('translate the same templates, each with words of its own', () => {
    expect(Object.keys(hy).sort()).toEqual(Object.keys(ru).sort());
    for (const [template, translation] of [...Object.entries(ru), ...Object.entries(hy)]) {
      if (typeof translation !== 'string') continue;
      expect(translation, template).not.toBe(template);
      for (const name of placeholdersOf(translation)) {
        expect(placeholdersOf(template), `${template} → ${translation}`).toContain(name);
      }
    }
    for (const template of Object.keys(ru)) {
      const ruText = ru[template];
      const hyText = hy[template];
      if (typeof ruText === 'string' && typeof hyText === 'string') expect(hyText, template).not.toBe(ruText);
    }
  });
});
