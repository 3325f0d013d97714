import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { engine } from '../support/test-db.js';

let t: TestApp;
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await startTestApp();
  ids.company = (
    await t.admin.post('/api/v1/companies', {
      title: 'Ararat Trading',
      emails: [{ value: 'info@ararat.example', type: 'work' }],
    })
  ).body.id;
  ids.contact = (
    await t.admin.post('/api/v1/contacts', {
      name: 'Ivan',
      lastName: 'Petrov',
      phones: [{ value: '+7 (916) 123-45-67', type: 'mobile' }],
      emails: [{ value: 'Ivan.Petrov@Example.com', type: 'work' }],
    })
  ).body.id;
  ids.lead = (
    await t.admin.post('/api/v1/leads', {
      title: 'Запрос с сайта',
      name: 'Анна',
      companyTitle: 'Ararat Trading',
    })
  ).body.id;
  ids.deal = (await t.admin.post('/api/v1/deals', { title: 'Ararat laptops' })).body.id;
  ids.hy = (await t.admin.post('/api/v1/contacts', { name: 'Արամ', lastName: 'Պետրոսյան' })).body.id;
});
afterAll(async () => t.close());

const search = async (q: string) => {
  const res = await t.admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.items as { entityType: string; id: number; title: string }[];
};

describe('global search', () => {
  it('finds records by title, company and name prefix across types, best match first', async () => {
    const hits = await search('ararat');
    expect(hits.map((h) => `${h.entityType}:${h.id}`)).toEqual(
      expect.arrayContaining([`company:${ids.company}`, `deal:${ids.deal}`, `lead:${ids.lead}`]),
    );
    expect(hits[0]?.title).toMatch(/Ararat/);
    expect((await search('ara trad')).map((h) => h.id)).toContain(ids.company);
    expect((await search('анна')).map((h) => h.id)).toEqual([ids.lead]);
    expect((await search('Պետրոս')).map((h) => h.id)).toEqual([ids.hy]);
  });

  it('finds a phone in any written form and an email whole or in parts', async () => {
    for (const q of ['+79161234567', '8 916 123-45-67', '(916) 123 45 67', '7-916-123-4567']) {
      expect(
        (await search(q)).map((h) => h.id),
        q,
      ).toEqual([ids.contact]);
    }
    expect((await search('ivan.petrov@example.com')).map((h) => h.id)).toEqual([ids.contact]);
    expect((await search('petrov')).map((h) => h.id)).toContain(ids.contact);
  });

  it('follows record changes and deletions', async () => {
    await t.admin.patch(`/api/v1/deals/${ids.deal}`, { title: 'Renamed zebra deal' });
    expect((await search('zebra')).map((h) => h.id)).toEqual([ids.deal]);
    expect((await search('laptops')).map((h) => h.id)).not.toContain(ids.deal);
    await t.admin.delete(`/api/v1/deals/${ids.deal}`);
    expect(await search('zebra')).toEqual([]);
  });

  it('treats search syntax in the query as plain text', async () => {
    for (const q of ['"', 'a OR b', 'NEAR(x y)', '*', "'; drop table deals; --", 'title:ararat', '-ararat']) {
      const res = await t.admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });

  it('finds duplicates by phone or email however they are written', async () => {
    const res = await t.admin.get(
      `/api/v1/duplicates?phone=${encodeURIComponent('8 (916) 1234567')}&email=IVAN.PETROV@example.com`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        entityType: 'contact',
        id: ids.contact,
        title: 'Ivan Petrov',
        matchedBy: 'phone',
        value: '+7 (916) 123-45-67',
      },
    ]);
    const none = await t.admin.get('/api/v1/duplicates?phone=%2B1%20202%20555%200100');
    expect(none.body.items).toEqual([]);
  });

  it('ranks a manager’s own matches among a thousand of another department’s, and shows the newest of a broad match', async () => {
    const north = (await t.admin.post('/api/v1/departments', { name: 'North' })).body.id;
    const south = (await t.admin.post('/api/v1/departments', { name: 'South' })).body.id;
    const mine = await t.user({ departmentId: north });
    const theirs = await t.user({ departmentId: south });
    const bulk: number[] = [];
    for (let from = 0; from < 1010; from += 50) {
      const made = await Promise.all(
        Array.from({ length: 50 }, (_, k) =>
          theirs.post('/api/v1/deals', { title: `Zephyr bulk ${from + k}` }).then((r) => r.body.id as number),
        ),
      );
      bulk.push(...made);
    }
    const own = [
      (await mine.post('/api/v1/deals', { title: 'Zephyr mine alpha' })).body.id,
      (await mine.post('/api/v1/deals', { title: 'Zephyr mine beta zephyr' })).body.id,
    ];
    const searchAs = async (who: typeof mine, q: string) => {
      const res = await who.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return (res.body.items as { id: number }[]).map((h) => h.id);
    };
    // the word matches over a thousand records, two of them the manager's: those two, ranked
    expect((await searchAs(mine, 'zephyr')).sort()).toEqual([...own].sort());
    expect(await searchAs(mine, 'zephyr mine beta')).toEqual([own[1]]);
    expect(await searchAs(mine, 'zephyr bulk')).toEqual([]);
    // over a thousand of one's own matches: twenty of them (SQLite: the newest, as ranking them says little)
    const broad = await searchAs(theirs, 'zephyr bulk');
    expect(broad).toHaveLength(20);
    expect(broad.every((id) => bulk.includes(id))).toBe(true);
    if (engine === 'sqlite') expect(broad).toEqual([...bulk].sort((a, b) => b - a).slice(0, 20));
    expect(await searchAs(theirs, 'zephyr mine')).toEqual([]);
  });
});
