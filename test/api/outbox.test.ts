import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bindEvent,
  EVENT_NAMES,
  listBindings,
  unbindEvent,
} from '../../src/server/compat/bitrix24/events/event-bindings.service.js';
import type { Ctx } from '../../src/server/context.js';
import { withTx } from '../../src/server/db/tx.js';
import { AppError } from '../../src/server/errors.js';
import { deliverDue, pruneOutbox, startOutboxWorker } from '../../src/server/jobs/outbox-worker.js';
import { dealEntity } from '../../src/server/modules/deals/deal.entity.js';
import { updateRecord } from '../../src/server/modules/records/record.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

let t: TestApp;
let receiver: WebhookReceiver;
let admin: Ctx;

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1', PUBLIC_URL: 'https://crm.example.com/' });
  receiver = await WebhookReceiver.start();
  admin = await t.ctx(t.admin.userId);
});
afterAll(async () => {
  await receiver.stop();
  await t.close();
});

const outboxCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function newDeal(title: string, responsibleId?: number) {
  const res = await t.admin.post('/api/v1/deals', { title, ...(responsibleId ? { responsibleId } : {}) });
  expect(res.status).toBe(201);
  return res.body as { id: number };
}

/** Delivers what is due and answers the requests that arrived meanwhile, as form fields. */
async function deliverForms(path?: string) {
  const from = receiver.requests.length;
  await deliverDue(t.db);
  return receiver.requests
    .slice(from)
    .filter((r) => !path || r.path === path)
    .map((r) => WebhookReceiver.form(r));
}

async function expectAppError(promise: Promise<unknown>, code: string, field?: string) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (field) expect((err as AppError).details).toEqual([expect.objectContaining({ field })]);
  return err as AppError;
}

describe('event.bind bindings', () => {
  it('a local receiver gets ONCRMDEALUPDATE with the fields Bitrix24 sends', async () => {
    const binding = await bindEvent(t.db, admin.actor, {
      event: 'onCrmDealUpdate',
      handler: receiver.url('/b24'),
    });
    expect(binding).toMatchObject({
      event: 'ONCRMDEALUPDATE',
      handler: receiver.url('/b24'),
      authType: null,
    });
    expect(binding.applicationToken).toMatch(/^[0-9a-f]{32}$/);
    const deal = await newDeal('Bound deal');
    expect(await deliverForms('/b24')).toEqual([]); // ONCRMDEALADD is not bound
    expect((await t.admin.patch(`/api/v1/deals/${deal.id}`, { amount: '42.00' })).status).toBe(200);
    const from = receiver.requests.length;
    const [form] = await deliverForms('/b24');
    expect(receiver.requests[from]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form).toEqual({
      event: 'ONCRMDEALUPDATE',
      event_handler_id: String(binding.id),
      'data[FIELDS][ID]': String(deal.id),
      ts: expect.stringMatching(/^\d{10}$/),
      'auth[domain]': 'crm.example.com',
      'auth[client_endpoint]': 'https://crm.example.com/rest/',
      'auth[server_endpoint]': 'https://crm.example.com/rest/',
      'auth[member_id]': expect.stringMatching(/^[0-9a-f]{32}$/),
      'auth[application_token]': binding.applicationToken,
    });
    expect(Math.abs(Number(form?.ts) - Date.now() / 1000)).toBeLessThan(60);
    // delivered once: nothing more is due
    expect(await deliverForms('/b24')).toEqual([]);
    expect(
      await unbindEvent(t.db, admin.actor, { event: 'ONCRMDEALUPDATE', handler: receiver.url('/b24') }),
    ).toEqual({ count: 1 });
  });

  it('checks the event, the handler and repeats; lists and removes the user’s own bindings', async () => {
    await expectAppError(
      bindEvent(t.db, admin.actor, { event: 'ONCRMINVOICEADD', handler: receiver.url() }),
      'VALIDATION_FAILED',
      'event',
    );
    const refused = await expectAppError(
      bindEvent(t.db, admin.actor, { event: 'ONCRMDEALADD', handler: 'http://10.0.0.1/hook' }),
      'VALIDATION_FAILED',
      'handler',
    );
    expect(refused.message).toContain('private address');
    await expectAppError(
      bindEvent(t.db, admin.actor, { event: 'ONCRMDEALADD', handler: 'http://169.254.169.254/' }),
      'VALIDATION_FAILED',
      'handler',
    );
    await expectAppError(
      bindEvent(t.db, admin.actor, { event: 'ONCRMDEALADD', handler: 'not a url' }),
      'VALIDATION_FAILED',
      'handler',
    );
    await expectAppError(
      bindEvent(t.db, admin.actor, { event: 'ONCRMDEALADD', handler: receiver.url(), eventType: 'offline' }),
      'VALIDATION_FAILED',
      'eventType',
    );
    const manager = await t.user({});
    const managerCtx = await t.ctx(manager.userId);
    await expectAppError(
      bindEvent(t.db, managerCtx.actor, {
        event: 'ONCRMDEALADD',
        handler: receiver.url(),
        authType: admin.actor.userId,
      }),
      'FORBIDDEN',
    );

    const a = await bindEvent(t.db, managerCtx.actor, { event: 'ONCRMLEADADD', handler: receiver.url('/m') });
    const b = await bindEvent(t.db, managerCtx.actor, { event: 'lead.deleted', handler: receiver.url('/m') });
    await expectAppError(
      bindEvent(t.db, managerCtx.actor, { event: 'ONCRMLEADADD', handler: receiver.url('/m') }),
      'CONFLICT',
    );
    expect(a.applicationToken).not.toBe(b.applicationToken);
    expect((await listBindings(t.db, managerCtx.actor)).map((x) => x.event)).toEqual([
      'ONCRMLEADADD',
      'ONCRMLEADDELETE',
    ]);
    expect(await listBindings(t.db, admin.actor)).toEqual([]);
    expect(
      await unbindEvent(t.db, managerCtx.actor, { event: 'onCrmLeadAdd', handler: receiver.url('/m') }),
    ).toEqual({
      count: 1,
    });
    expect(
      await unbindEvent(t.db, managerCtx.actor, { event: 'ONCRMLEADADD', handler: receiver.url('/m') }),
    ).toEqual({
      count: 0,
    });
    await unbindEvent(t.db, managerCtx.actor, { event: 'ONCRMLEADDELETE', handler: receiver.url('/m') });
    expect(EVENT_NAMES).toContain('ONCRMACTIVITYDELETE');
    expect(EVENT_NAMES).toHaveLength(15);
  });

  it("a limited user's binding receives only events of records that user can read", async () => {
    const manager = await t.user({ roleCode: 'sales_manager' });
    const managerCtx = await t.ctx(manager.userId);
    await bindEvent(t.db, managerCtx.actor, { event: 'ONCRMDEALUPDATE', handler: receiver.url('/limited') });
    await bindEvent(t.db, admin.actor, { event: 'ONCRMDEALUPDATE', handler: receiver.url('/all') });
    const others = await newDeal('Not theirs');
    const theirs = await newDeal('Theirs', manager.userId);
    await t.admin.patch(`/api/v1/deals/${others.id}`, { amount: '1.00' });
    await t.admin.patch(`/api/v1/deals/${theirs.id}`, { amount: '2.00' });
    const from = receiver.requests.length;
    await deliverDue(t.db);
    const got = (path: string) =>
      receiver.requests
        .slice(from)
        .filter((r) => r.path === path)
        .map((r) => Number(WebhookReceiver.form(r)['data[FIELDS][ID]']))
        .sort((x, y) => x - y);
    expect(got('/limited')).toEqual([theirs.id]);
    expect(got('/all')).toEqual([others.id, theirs.id].sort((x, y) => x - y));

    // handing their deal to someone else: they still hear of that change, then no more
    await t.admin.patch(`/api/v1/deals/${theirs.id}`, { responsibleId: t.admin.userId });
    await t.admin.patch(`/api/v1/deals/${theirs.id}`, { amount: '3.00' });
    const next = receiver.requests.length;
    await deliverDue(t.db);
    const limited = receiver.requests.slice(next).filter((r) => r.path === '/limited');
    expect(limited).toHaveLength(1);
    await unbindEvent(t.db, managerCtx.actor, {
      event: 'ONCRMDEALUPDATE',
      handler: receiver.url('/limited'),
    });
    await unbindEvent(t.db, admin.actor, { event: 'ONCRMDEALUPDATE', handler: receiver.url('/all') });
  });
});

describe('the outbox', () => {
  it('writes the event in the transaction of the change: a rolled-back change writes none', async () => {
    await bindEvent(t.db, admin.actor, { event: 'ONCRMDEALUPDATE', handler: receiver.url('/tx') });
    const deal = await newDeal('Transactional');
    const before = await outboxCount();
    await expect(
      withTx(t.db, async (tx) => {
        await updateRecord({ ...admin, db: tx }, dealEntity, deal.id, { title: 'Never committed' });
        expect(await tx.kysely.selectFrom('outbox').select('id').execute()).toHaveLength(before + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await outboxCount()).toBe(before);
    expect(await deliverForms('/tx')).toEqual([]);

    await t.admin.patch(`/api/v1/deals/${deal.id}`, { title: 'Committed' });
    expect(await outboxCount()).toBe(before + 1);
    const row = await t.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      event: 'ONCRMDEALUPDATE',
      entity: 'deal',
      entity_id: deal.id,
      dispatched_at: null,
    });
    expect(await deliverForms('/tx')).toEqual([
      expect.objectContaining({ 'data[FIELDS][ID]': String(deal.id) }),
    ]);
    await unbindEvent(t.db, admin.actor, { event: 'ONCRMDEALUPDATE', handler: receiver.url('/tx') });
  });

  it('stores no event that nobody subscribed to', async () => {
    const before = await outboxCount();
    const lead = await t.admin.post('/api/v1/leads', { title: 'Unwatched' });
    expect(lead.status).toBe(201);
    await t.admin.delete(`/api/v1/leads/${lead.body.id}`);
    expect(await outboxCount()).toBe(before);
  });

  it('leads, contacts, companies and activities emit their add, update and delete events', async () => {
    const events = [
      'ONCRMLEADADD',
      'ONCRMCONTACTUPDATE',
      'ONCRMCOMPANYDELETE',
      'ONCRMACTIVITYADD',
      'ONCRMACTIVITYUPDATE',
      'ONCRMACTIVITYDELETE',
    ];
    for (const event of events) await bindEvent(t.db, admin.actor, { event, handler: receiver.url('/crm') });
    const lead = (await t.admin.post('/api/v1/leads', { title: 'Lead event' })).body;
    const contact = (await t.admin.post('/api/v1/contacts', { name: 'Contact event' })).body;
    await t.admin.patch(`/api/v1/contacts/${contact.id}`, { post: 'Buyer' });
    const company = (await t.admin.post('/api/v1/companies', { title: 'Company event' })).body;
    await t.admin.delete(`/api/v1/companies/${company.id}`);
    const deal = await newDeal('Activity owner');
    const activity = await t.admin.post('/api/v1/activities', {
      type: 'call',
      subject: 'Call about the order',
      startAt: '2030-01-10T10:00:00Z',
      ownerEntity: 'deal',
      ownerId: deal.id,
    });
    expect(activity.status).toBe(201);
    expect((await t.admin.post(`/api/v1/activities/${activity.body.id}/complete`, {})).status).toBe(200);
    expect((await t.admin.delete(`/api/v1/activities/${activity.body.id}`)).status).toBe(204);
    const forms = await deliverForms('/crm');
    const seen = forms.map((f) => `${f.event}:${f['data[FIELDS][ID]']}`).sort();
    expect(seen).toEqual(
      [
        `ONCRMLEADADD:${lead.id}`,
        `ONCRMCONTACTUPDATE:${contact.id}`,
        `ONCRMCOMPANYDELETE:${company.id}`,
        `ONCRMACTIVITYADD:${activity.body.id}`,
        `ONCRMACTIVITYUPDATE:${activity.body.id}`,
        `ONCRMACTIVITYDELETE:${activity.body.id}`,
      ].sort(),
    );
    for (const event of events)
      await unbindEvent(t.db, admin.actor, { event, handler: receiver.url('/crm') });
  });

  it('an activity deleted together with its record sends its delete event too', async () => {
    await bindEvent(t.db, admin.actor, { event: 'ONCRMACTIVITYDELETE', handler: receiver.url('/cascade') });
    const deal = await newDeal('Deleted with its calls');
    const ids: number[] = [];
    for (const subject of ['First call', 'Second call']) {
      const activity = await t.admin.post('/api/v1/activities', {
        type: 'call',
        subject,
        startAt: '2030-01-10T10:00:00Z',
        ownerEntity: 'deal',
        ownerId: deal.id,
      });
      expect(activity.status, JSON.stringify(activity.body)).toBe(201);
      ids.push(activity.body.id);
    }
    expect((await t.admin.delete(`/api/v1/deals/${deal.id}`)).status).toBe(204);
    const forms = await deliverForms('/cascade');
    expect(forms.map((f) => `${f.event}:${f['data[FIELDS][ID]']}`).sort()).toEqual(
      ids.map((id) => `ONCRMACTIVITYDELETE:${id}`).sort(),
    );
    await unbindEvent(t.db, admin.actor, { event: 'ONCRMACTIVITYDELETE', handler: receiver.url('/cascade') });
  });

  it('the worker delivers right after the commit, without waiting for its next poll', async () => {
    await bindEvent(t.db, admin.actor, { event: 'ONCRMDEALADD', handler: receiver.url('/fast') });
    const worker = startOutboxWorker(t.db, { intervalMs: 60_000 });
    try {
      await new Promise((r) => setTimeout(r, 100)); // its first run finds nothing
      const from = receiver.requests.length;
      const started = Date.now();
      const deal = await newDeal('Fast');
      await receiver.waitFor(from + 1, 3000);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(WebhookReceiver.form(receiver.requests[from] as never)['data[FIELDS][ID]']).toBe(
        String(deal.id),
      );
    } finally {
      await worker.stop();
    }
    await unbindEvent(t.db, admin.actor, { event: 'ONCRMDEALADD', handler: receiver.url('/fast') });
  });

  it('prunes delivered events after 30 days, keeping those still being retried', async () => {
    await bindEvent(t.db, admin.actor, { event: 'ONCRMDEALADD', handler: receiver.url('/prune') });
    await newDeal('Old news');
    await deliverDue(t.db);
    receiver.status = 500;
    try {
      await newDeal('Still trying');
      await deliverDue(t.db);
    } finally {
      receiver.status = 200;
    }
    const pending = await t.db.kysely
      .selectFrom('webhook_deliveries')
      .select('outbox_id')
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
    const pruned = await pruneOutbox(t.db, new Date(Date.now() + 31 * 86_400_000));
    expect(pruned).toBeGreaterThan(0);
    const left = await t.db.kysely.selectFrom('outbox').select('id').execute();
    expect(left.map((r) => r.id)).toEqual([pending[0]?.outbox_id]);
    await unbindEvent(t.db, admin.actor, { event: 'ONCRMDEALADD', handler: receiver.url('/prune') });
  });
});
