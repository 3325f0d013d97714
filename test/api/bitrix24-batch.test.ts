import qs from 'qs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { call, createHook, type Hook } from '../support/bitrix24.js';

let t: TestApp;
let hook: Hook;
beforeAll(async () => {
  t = await startTestApp();
  hook = await createHook(t);
});
afterAll(async () => t.close());

describe('batch', () => {
  it('runs commands in order, passing results on with $result[…] references', async () => {
    const res = await call(t, hook, 'batch', {
      halt: 0,
      cmd: {
        company: 'crm.company.add?fields[TITLE]=Batch%20Co',
        deal: 'crm.deal.add?fields[TITLE]=Batch%20deal&fields[COMPANY_ID]=$result[company]',
        get: 'crm.deal.get?id=$result[deal]',
        list: `crm.deal.list?${qs.stringify({ filter: { COMPANY_ID: '$result[company]' }, select: ['ID', 'TITLE'] })}`,
        me: 'user.current',
        dept: 'department.get?ID=$result[me][UF_DEPARTMENT][0]',
      },
    });
    expect(res.status).toBe(200);
    const r = res.body.result;
    const company = r.result.company;
    expect(typeof company).toBe('number');
    expect(r.result.get).toMatchObject({
      ID: String(r.result.deal),
      TITLE: 'Batch deal',
      COMPANY_ID: String(company),
    });
    expect(r.result.list).toEqual([{ ID: String(r.result.deal), TITLE: 'Batch deal' }]);
    expect(r.result_total).toEqual({ list: 1, dept: 1 });
    expect(r.result_error).toEqual([]);
    expect(r.result_next).toEqual([]);
    expect(Object.keys(r.result_time)).toEqual(['company', 'deal', 'get', 'list', 'me', 'dept']);
    expect(r.result_time.get).toMatchObject({ start: expect.any(Number), duration: expect.any(Number) });
    expect(r.result.me.UF_DEPARTMENT).toHaveLength(1);
    expect(r.result.dept).toEqual([expect.objectContaining({ ID: String(r.result.me.UF_DEPARTMENT[0]) })]);
    expect(res.body.time).toBeDefined();
  });

  it('answers an array of commands with arrays, reporting errors per command', async () => {
    const res = await call(t, hook, 'batch', {
      cmd: ['server.time', 'crm.deal.get?id=999999', 'no.such.method', 'crm.deal.list?select[]=ID&start=-1'],
    });
    const r = res.body.result;
    expect(r.result[0]).toMatch(/\+00:00$/);
    expect(r.result_error).toEqual({
      1: { error: '', error_description: 'Not found' },
      2: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
    });
    expect(r.result).toHaveProperty('3');
    expect(Array.isArray(r.result_time)).toBe(true);
    expect(r.result_time).toHaveLength(4);
  });

  it('stops at the first error with halt', async () => {
    const res = await call(t, hook, 'batch', {
      halt: 1,
      cmd: { a: 'server.time', b: 'crm.deal.get?id=0', c: 'crm.company.add?fields[TITLE]=Never' },
    });
    const r = res.body.result;
    expect(Object.keys(r.result)).toEqual(['a']);
    expect(r.result_error).toEqual({ b: { error: '', error_description: 'ID is not defined or invalid.' } });
    expect(r.result_time).not.toHaveProperty('c');
    const list = await call(t, hook, 'crm.company.list', { filter: { TITLE: 'Never' } });
    expect(list.body.total).toBe(0);
  });

  it('answers a run of independent reads in command order, and halt hides the reads after an error', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await call(t, hook, 'crm.deal.add', { fields: { TITLE: `Read ${i}` } })).body.result);
    const cmd = Object.fromEntries(ids.map((id, i) => [`d${i}`, `crm.deal.get?id=${id}`]));
    const all = (await call(t, hook, 'batch', { halt: 0, cmd })).body.result;
    expect(Object.keys(all.result)).toEqual(Object.keys(cmd));
    expect(ids.map((_, i) => all.result[`d${i}`].TITLE)).toEqual(ids.map((_, i) => `Read ${i}`));
    expect(Object.keys(all.result_time)).toEqual(Object.keys(cmd));

    const halted = (
      await call(t, hook, 'batch', {
        halt: 1,
        cmd: { a: `crm.deal.get?id=${ids[0]}`, b: 'crm.deal.get?id=999999', c: `crm.deal.get?id=${ids[1]}` },
      })
    ).body.result;
    expect(Object.keys(halted.result)).toEqual(['a']);
    expect(Object.keys(halted.result_error)).toEqual(['b']);
    expect(Object.keys(halted.result_time)).toEqual(['a', 'b']);
  });

  it('pages a list with start and next inside a batch, and chains >ID cursors', async () => {
    for (let i = 0; i < 60; i++)
      await call(t, hook, 'crm.lead.add', { fields: { TITLE: `Batch lead ${i}` } });
    const res = await call(t, hook, 'batch', {
      cmd: {
        p0: 'crm.lead.list?filter[%25TITLE]=Batch%20lead&select[]=ID&order[ID]=ASC',
        p1: 'crm.lead.list?filter[%25TITLE]=Batch%20lead&select[]=ID&order[ID]=ASC&start=$result_next[p0]',
        c1: 'crm.lead.list?filter[%25TITLE]=Batch%20lead&filter[>ID]=$result[p0][49][ID]&select[]=ID&order[ID]=ASC&start=-1',
      },
    });
    const r = res.body.result;
    expect(r.result.p0).toHaveLength(50);
    expect(r.result_next).toEqual({ p0: 50 });
    expect(r.result_total).toEqual({ p0: 60, p1: 60, c1: 0 });
    expect(r.result.p1).toHaveLength(10);
    expect(r.result.c1).toEqual(r.result.p1);
  });

  it('refuses more than 50 commands, a nested batch, and methods outside the scopes', async () => {
    const cmd = Array.from({ length: 51 }, () => 'server.time');
    const long = await call(t, hook, 'batch', { cmd });
    expect(long.status).toBe(400);
    expect(long.body.error).toBe('ERROR_BATCH_LENGTH_EXCEEDED');
    const nested = await call(t, hook, 'batch', { cmd: { inner: 'batch?cmd[0]=server.time' } });
    expect(nested.body.result.result_error.inner.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED');
    const userOnly = await createHook(t, { scopes: ['user'] });
    const scoped = await call(t, userOnly, 'batch', { cmd: { d: 'crm.deal.list', u: 'user.current' } });
    expect(scoped.body.result.result_error.d.error).toBe('insufficient_scope');
    expect(scoped.body.result.result.u.ID).toBe(String(userOnly.userId));
  });

  it('takes the batch as a form body, with double-encoded values inside the commands', async () => {
    const form = qs.stringify({
      halt: 0,
      cmd: { add: `crm.company.add?${qs.stringify({ fields: { TITLE: 'A&B Trading' } })}` },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `${hook.base}batch.json`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form,
    });
    const id = res.json().result.result.add;
    expect((await call(t, hook, 'crm.company.get', { id })).body.result.TITLE).toBe('A&B Trading');
  });
});
