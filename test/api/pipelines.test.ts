import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

interface Stage {
  id: number;
  code: string;
  name: string;
  semantics: string;
  sort: number;
  color: string;
  probability: number;
}

const fields = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field);
const codes = (stages: Stage[]) => stages.map((s) => s.code);

async function salesPipeline() {
  const list = await t.admin.get('/api/v1/pipelines');
  return list.body.items.find((p: { isDefault: boolean }) => p.isDefault) as {
    id: number;
    name: string;
    stages: Stage[];
  };
}

describe('pipelines', () => {
  it('lists the default pipeline with its ordered Bitrix24 stages to every user', async () => {
    const manager = await t.user({});
    const list = await manager.get('/api/v1/pipelines');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const sales = list.body.items[0];
    expect(sales).toMatchObject({ name: 'Sales', isDefault: true, version: 1 });
    expect(codes(sales.stages)).toEqual([
      'NEW',
      'PREPARATION',
      'PREPAYMENT_INVOICE',
      'EXECUTING',
      'FINAL_INVOICE',
      'WON',
      'LOSE',
    ]);
    expect(sales.stages[5]).toMatchObject({ semantics: 'won', probability: 100, color: '#40c057' });
    expect((await manager.get(`/api/v1/pipelines/${sales.id}`)).body).toEqual(sales);
    expect((await manager.post('/api/v1/pipelines', { name: 'Mine' })).status).toBe(403);
    expect((await manager.patch(`/api/v1/pipelines/${sales.id}`, { name: 'Mine' })).status).toBe(403);
    expect((await manager.post(`/api/v1/pipelines/${sales.id}/stages`, { name: 'X' })).status).toBe(403);
    const stage = sales.stages[0].id;
    expect((await manager.patch(`/api/v1/pipelines/${sales.id}/stages/${stage}`, { name: 'X' })).status).toBe(
      403,
    );
    expect((await manager.delete(`/api/v1/pipelines/${sales.id}/stages/${stage}`)).status).toBe(403);
  });

  it('creates pipelines with the default funnel or given stages, coded C<id>:CODE', async () => {
    const service = await t.admin.post('/api/v1/pipelines', { name: 'Car service' });
    expect(service.status).toBe(201);
    const id = service.body.id;
    expect(service.body).toMatchObject({ name: 'Car service', isDefault: false });
    expect(codes(service.body.stages)).toEqual(
      ['NEW', 'PREPARATION', 'PREPAYMENT_INVOICE', 'EXECUTING', 'FINAL_INVOICE', 'WON', 'LOSE'].map(
        (c) => `C${id}:${c}`,
      ),
    );

    const custom = await t.admin.post('/api/v1/pipelines', {
      name: 'Rentals',
      stages: [
        { name: 'Booked', probability: 30, color: '#4DABF7' },
        { name: 'Booked', code: 'BOOKED_AGAIN' },
        { name: 'Заказ оплачен', semantics: 'won' },
        { name: 'Cancelled', semantics: 'lost' },
      ],
    });
    expect(custom.status).toBe(201);
    const c = custom.body.id;
    expect(codes(custom.body.stages)).toEqual([
      `C${c}:BOOKED`,
      `C${c}:BOOKED_AGAIN`,
      `C${c}:STAGE`,
      `C${c}:CANCELLED`,
    ]);
    expect(custom.body.stages[0]).toMatchObject({ probability: 30, color: '#4dabf7', sort: 0 });
    expect(custom.body.stages[3]).toMatchObject({ probability: 0, color: '#fa5252', semantics: 'lost' });
  });

  it('refuses stage sets without one won, a process and a lost stage, and bad fields', async () => {
    const twoWon = await t.admin.post('/api/v1/pipelines', {
      name: 'Bad',
      stages: [
        { name: 'A' },
        { name: 'B', semantics: 'won' },
        { name: 'C', semantics: 'won' },
        { name: 'D', semantics: 'lost' },
      ],
    });
    expect(twoWon.status).toBe(400);
    expect(fields(twoWon)).toEqual(['stages']);
    const noLost = await t.admin.post('/api/v1/pipelines', {
      name: 'Bad',
      stages: [{ name: 'A' }, { name: 'B' }, { name: 'C', semantics: 'won' }],
    });
    expect(noLost.body.error.message).toMatch(/lost/);
    const bad = await t.admin.post('/api/v1/pipelines', {
      name: 'Bad',
      stages: [{ name: 'A', color: 'blue', probability: 120, semantics: 'maybe' }],
      colour: '#fff',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(
      expect.arrayContaining(['stages.0.color', 'stages.0.probability', 'stages.0.semantics', 'colour']),
    );
    const badCode = await t.admin.post('/api/v1/pipelines', {
      name: 'Bad',
      stages: [
        { name: 'A', code: 'lower case' },
        { name: 'W', semantics: 'won' },
        { name: 'L', semantics: 'lost' },
      ],
    });
    expect(fields(badCode)).toEqual(['stages.0.code']);
  });

  it('keeps exactly one default pipeline and deletes only unused, non-default ones', async () => {
    const sales = await salesPipeline();
    const other = await t.admin.post('/api/v1/pipelines', { name: 'Wholesale' });
    const promoted = await t.admin.patch(`/api/v1/pipelines/${other.body.id}`, {
      isDefault: true,
      version: 1,
    });
    expect(promoted.body).toMatchObject({ isDefault: true, version: 2 });
    const list = await t.admin.get('/api/v1/pipelines');
    expect(
      list.body.items.filter((p: { isDefault: boolean }) => p.isDefault).map((p: { id: number }) => p.id),
    ).toEqual([other.body.id]);
    const unset = await t.admin.patch(`/api/v1/pipelines/${other.body.id}`, { isDefault: false });
    expect(fields(unset)).toEqual(['isDefault']);
    const stale = await t.admin.patch(`/api/v1/pipelines/${other.body.id}`, { name: 'X', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);

    expect((await t.admin.delete(`/api/v1/pipelines/${other.body.id}`)).status).toBe(409);
    await t.admin.patch(`/api/v1/pipelines/${sales.id}`, { isDefault: true });

    const deal = await t.admin.post('/api/v1/deals', { title: 'Pallets', pipelineId: other.body.id });
    expect(deal.body.pipelineId).toBe(other.body.id);
    const withDeals = await t.admin.delete(`/api/v1/pipelines/${other.body.id}`);
    expect(withDeals.status).toBe(409);
    expect(withDeals.body.error.message).toMatch(/deals/);
    await t.admin.delete(`/api/v1/deals/${deal.body.id}`);
    expect((await t.admin.delete(`/api/v1/pipelines/${other.body.id}`)).status).toBe(204);
    expect((await t.admin.get(`/api/v1/pipelines/${other.body.id}`)).status).toBe(404);
    const orphans = await t.db.kysely
      .selectFrom('stages')
      .select('id')
      .where('pipeline_id', '=', other.body.id)
      .execute();
    expect(orphans).toEqual([]);

    for (const p of (await t.admin.get('/api/v1/pipelines')).body.items) {
      if (p.id !== sales.id) expect((await t.admin.delete(`/api/v1/pipelines/${p.id}`)).status).toBe(204);
    }
    const last = await t.admin.delete(`/api/v1/pipelines/${sales.id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/last pipeline/);
  });
});

describe('stages', () => {
  it('adds stages with generated codes after the last in-progress stage, and reorders them', async () => {
    const sales = await salesPipeline();
    const added = await t.admin.post(`/api/v1/pipelines/${sales.id}/stages`, { name: 'Contract signed' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ code: 'CONTRACT_SIGNED', semantics: 'process', pipelineId: sales.id });
    const after = await t.admin.get(`/api/v1/pipelines/${sales.id}`);
    expect(codes(after.body.stages).slice(4)).toEqual(['FINAL_INVOICE', 'CONTRACT_SIGNED', 'WON', 'LOSE']);

    const other = await t.admin.post('/api/v1/pipelines', { name: 'Projects' });
    const prefixed = await t.admin.post(`/api/v1/pipelines/${other.body.id}/stages`, {
      name: 'Contract signed',
      semantics: 'lost',
    });
    expect(prefixed.body.code).toBe(`C${other.body.id}:CONTRACT_SIGNED`);
    expect(codes((await t.admin.get(`/api/v1/pipelines/${other.body.id}`)).body.stages).at(-1)).toBe(
      prefixed.body.code,
    );

    const dupCode = await t.admin.post(`/api/v1/pipelines/${sales.id}/stages`, { name: 'X', code: 'WON' });
    expect(dupCode.status).toBe(409);
    expect(fields(dupCode)).toEqual(['code']);
    const secondWon = await t.admin.post(`/api/v1/pipelines/${sales.id}/stages`, {
      name: 'Won 2',
      semantics: 'won',
    });
    expect(fields(secondWon)).toEqual(['semantics']);
    expect((await t.admin.post('/api/v1/pipelines/99999/stages', { name: 'X' })).status).toBe(404);

    const ids = after.body.stages.map((s: Stage) => s.id);
    const reversed = [...ids].reverse();
    const reordered = await t.admin.request('PUT', `/api/v1/pipelines/${sales.id}/stages/order`, {
      stageIds: reversed,
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.stages.map((s: Stage) => s.id)).toEqual(reversed);
    const missing = await t.admin.request('PUT', `/api/v1/pipelines/${sales.id}/stages/order`, {
      stageIds: reversed.slice(1),
    });
    expect(missing.status).toBe(400);
    expect(fields(missing)).toEqual(['stageIds']);
    await t.admin.request('PUT', `/api/v1/pipelines/${sales.id}/stages/order`, { stageIds: ids });
    expect((await t.admin.delete(`/api/v1/pipelines/${sales.id}/stages/${added.body.id}`)).status).toBe(204);
  });

  it('changes a stage; a semantics change reaches the deals in it in the same step', async () => {
    const sales = await salesPipeline();
    const stage = sales.stages.find((s) => s.code === 'EXECUTING') as Stage;
    const deal = await t.admin.post('/api/v1/deals', { title: 'Forklift', stageId: stage.id });
    expect(deal.body).toMatchObject({ stageSemantics: 'process', closed: false });

    const renamed = await t.admin.patch(`/api/v1/pipelines/${sales.id}/stages/${stage.id}`, {
      name: 'Proposal sent',
      color: '#F08C00',
      probability: 65,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Proposal sent',
      color: '#f08c00',
      probability: 65,
      code: 'EXECUTING',
    });
    const badColour = await t.admin.patch(`/api/v1/pipelines/${sales.id}/stages/${stage.id}`, {
      color: 'orange',
    });
    expect(badColour.status).toBe(400);
    expect(fields(badColour)).toEqual(['color']);

    const lost = await t.admin.patch(`/api/v1/pipelines/${sales.id}/stages/${stage.id}`, {
      semantics: 'lost',
    });
    expect(lost.body.semantics).toBe('lost');
    expect((await t.admin.get(`/api/v1/deals/${deal.body.id}`)).body).toMatchObject({
      stageSemantics: 'lost',
      closed: true,
    });
    await t.admin.patch(`/api/v1/pipelines/${sales.id}/stages/${stage.id}`, { semantics: 'process' });
    expect((await t.admin.get(`/api/v1/deals/${deal.body.id}`)).body).toMatchObject({
      stageSemantics: 'process',
      closed: false,
    });

    const won = sales.stages.find((s) => s.semantics === 'won') as Stage;
    const noWon = await t.admin.patch(`/api/v1/pipelines/${sales.id}/stages/${won.id}`, {
      semantics: 'process',
    });
    expect(noWon.status).toBe(400);
    expect(fields(noWon)).toEqual(['semantics']);
    expect((await t.admin.patch(`/api/v1/pipelines/${sales.id}/stages/99999`, { name: 'X' })).status).toBe(
      404,
    );
  });

  it('refuses to delete a stage with deals or one the pipeline cannot do without', async () => {
    const sales = await salesPipeline();
    const stage = sales.stages.find((s) => s.code === 'PREPARATION') as Stage;
    const deal = await t.admin.post('/api/v1/deals', { title: 'Crane', stageId: stage.id });
    const busy = await t.admin.delete(`/api/v1/pipelines/${sales.id}/stages/${stage.id}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('CONFLICT');
    expect(busy.body.error.message).toMatch(/has deals/);

    const won = sales.stages.find((s) => s.semantics === 'won') as Stage;
    const lastWon = await t.admin.delete(`/api/v1/pipelines/${sales.id}/stages/${won.id}`);
    expect(lastWon.status).toBe(409);
    expect(lastWon.body.error.message).toMatch(/won/);

    await t.admin.delete(`/api/v1/deals/${deal.body.id}`);
    expect((await t.admin.delete(`/api/v1/pipelines/${sales.id}/stages/${stage.id}`)).status).toBe(204);
    const other = await t.admin.post('/api/v1/pipelines', { name: 'Elsewhere' });
    const foreign = other.body.stages[0].id;
    expect((await t.admin.delete(`/api/v1/pipelines/${sales.id}/stages/${foreign}`)).status).toBe(404);
  });
});
