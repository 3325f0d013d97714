import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const countDeals = async (title: string) =>
  Number(
    (
      await t.db.kysely
        .selectFrom('deals')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('concurrency', () => {
  it('lets one of two updates made from the same version win; the other gets 409 with the current record', async () => {
    const deal = await t.admin.post('/api/v1/deals', { title: 'Contested', amount: '10' });
    const [a, b] = await Promise.all([
      t.admin.patch(`/api/v1/deals/${deal.body.id}`, { amount: '20', version: 1 }),
      t.admin.patch(`/api/v1/deals/${deal.body.id}`, { amount: '30', version: 1 }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body.error.details.current).toMatchObject({ version: 2, amount: winner.body.amount });
    const now = await t.admin.get(`/api/v1/deals/${deal.body.id}`);
    expect(now.body).toMatchObject({ version: 2, amount: winner.body.amount });
  });

  it('makes each of many concurrent creates once, whole, when some beside them fail', async () => {
    const lone = await t.admin.post('/api/v1/deals', { title: 'Lone create' });
    const fails = (i: number) => i % 5 === 4;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.admin.post(
          '/api/v1/deals',
          fails(i)
            ? { title: `Shared create ${i}`, companyId: 999_999 }
            : { title: `Shared create ${i}`, amount: `${i}.50` },
        ),
      ),
    );
    for (const [i, r] of results.entries()) {
      if (fails(i)) {
        expect(r.status).toBe(400);
        expect(await countDeals(`Shared create ${i}`)).toBe(0);
        continue;
      }
      expect(r.status).toBe(201);
      // a create that had to run again starts from its own input: the default stage, its amount, version 1
      expect(r.body).toMatchObject({
        title: `Shared create ${i}`,
        amount: `${i}.50`,
        pipelineId: lone.body.pipelineId,
        stageId: lone.body.stageId,
        version: 1,
      });
      expect(await countDeals(`Shared create ${i}`)).toBe(1);
      const history = await t.admin.get(`/api/v1/deals/${r.body.id}/history`);
      expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['create']);
    }
  });

  it('accepts the version as If-Match too', async () => {
    const deal = await t.admin.post('/api/v1/deals', { title: 'If-Match' });
    const stale = await t.admin.patch(`/api/v1/deals/${deal.body.id}`, { title: 'x' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(409);
    const ok = await t.admin.patch(`/api/v1/deals/${deal.body.id}`, { title: 'y' }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    const staleDelete = await t.admin.delete(`/api/v1/deals/${deal.body.id}`, { 'if-match': '1' });
    expect(staleDelete.status).toBe(409);
  });

  it('makes one record for a create retried with the same Idempotency-Key, even concurrently', async () => {
    const body = { title: 'Idempotent deal', amount: '5.00' };
    const headers = { 'idempotency-key': 'create-deal-42' };
    const first = await t.admin.post('/api/v1/deals', body, headers);
    expect(first.status).toBe(201);
    const retry = await t.admin.post('/api/v1/deals', body, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');

    const burst = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.admin.post('/api/v1/deals', { title: 'Burst deal' }, { 'idempotency-key': 'burst-1' }),
      ),
    );
    const ok = burst.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    for (const r of burst.filter((x) => x.status !== 201)) expect(r.status).toBe(409);
    expect(await countDeals('Burst deal')).toBe(1);
    expect(await countDeals('Idempotent deal')).toBe(1);
  });

  it('refuses the same key with a different body, and keys are per user', async () => {
    const headers = { 'idempotency-key': 'shared-key' };
    expect((await t.admin.post('/api/v1/deals', { title: 'One' }, headers)).status).toBe(201);
    const other = await t.admin.post('/api/v1/deals', { title: 'Two' }, headers);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
    const head = await t.user({ roleCode: 'sales_head' });
    expect((await head.post('/api/v1/deals', { title: 'One' }, headers)).status).toBe(201);
    expect(await countDeals('One')).toBe(2);
  });

  it('does not keep the key when the create fails, so a corrected retry works', async () => {
    const headers = { 'idempotency-key': 'fails-first' };
    const bad = await t.admin.post('/api/v1/deals', { title: 'Bad', stageId: 999999 }, headers);
    expect(bad.status).toBe(400);
    const again = await t.admin.post('/api/v1/deals', { title: 'Bad', stageId: 999999 }, headers);
    expect(again.status).toBe(400);
  });
});
