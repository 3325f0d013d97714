import { createHmac } from 'node:crypto';
import {
  type APIRequestContext,
  expect,
  type Page,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { WebhookReceiver } from '../support/webhook-receiver';
import { ADMIN, PHONE, shot, signIn, uniq } from './support';

/** The native API as the administrator, with the CSRF header state-changing requests need. */
async function adminApi(request: APIRequestContext) {
  const res = await request.post('/api/v1/auth/login', { data: ADMIN });
  expect(res.ok()).toBeTruthy();
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const send = async (method: 'post' | 'patch', url: string, data: unknown) => {
    const r = await request[method](url, { data, headers });
    expect(r.ok(), `${url}: ${await r.text()}`).toBeTruthy();
    return r.json();
  };
  return {
    post: (url: string, data: unknown) => send('post', url, data),
    patch: (url: string, data: unknown) => send('patch', url, data),
  };
}

/** The id in a row's test id (`inbound-webhook-row-7` → 7) of the row showing the given text. */
async function rowId(page: Page, prefix: string, text: string): Promise<number> {
  const row = page.locator(`[data-testid^=${prefix}]`).filter({ hasText: text });
  await expect(row).toHaveCount(1);
  return Number((await row.getAttribute('data-testid'))?.slice(prefix.length));
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('an inbound webhook made in Settings answers Bitrix24 calls until it is revoked', async ({
  page,
  request,
}) => {
  const api = await adminApi(request);
  await api.post('/api/v1/deals', { title: uniq('Webhook-listed deal') });
  await signIn(page);
  await page.goto('/settings/integrations');
  await expect(page.getByRole('heading', { name: 'Inbound webhooks', level: 2, exact: true })).toBeVisible();
  await expect(page.getByTestId('settings-loading')).toHaveCount(0);
  if (await page.getByRole('heading', { name: 'No outbound webhooks yet' }).isVisible())
    await shot(page, 'integrations-empty-desktop');

  const title = uniq('Website form');
  await page.getByTestId('inbound-webhook-create').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  // the webhook acts as the administrator by default, with the usual scopes ticked
  await expect(page.getByTestId('inbound-webhook-user')).not.toHaveValue('');
  await expect(page.getByTestId('inbound-scope-crm')).toBeChecked();
  await page.getByTestId('inbound-webhook-submit').click();

  const urlField = page.getByTestId('inbound-webhook-url');
  await expect(urlField).toBeVisible();
  const base = await urlField.inputValue();
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rest\/\d+\/[a-z0-9]{24}\/$/);
  await page.getByTestId('inbound-webhook-url-copy').click();
  await expect(page.getByTestId('inbound-webhook-url-copy')).toHaveText('Copied');
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(base);
  await expect(page.getByTestId('inbound-webhook-example')).toContainText(`${base}crm.deal.list.json`);
  await shot(page, 'integrations-inbound-created-desktop');
  await page.getByTestId('inbound-webhook-close').click();

  // the URL alone is the credential: a client with no session calls a Bitrix24 method through it
  const outsider = await playwrightRequest.newContext();
  try {
    const listed = await outsider.get(`${base}crm.deal.list.json`);
    expect(listed.status()).toBe(200);
    const body = (await listed.json()) as { result: unknown[]; total: number };
    expect(Array.isArray(body.result)).toBe(true);
    expect(body.total).toBeGreaterThan(0);

    const id = await rowId(page, 'inbound-webhook-row-', title);
    const row = page.getByTestId(`inbound-webhook-row-${id}`);
    await expect(row).toContainText('crm');
    await page.reload();
    await expect(row).toContainText('last used');

    await page.getByTestId(`inbound-webhook-revoke-${id}`).click();
    await expect(page.getByRole('dialog')).toContainText(title);
    await page.getByTestId('confirm-action').click();
    await expect(row).toContainText('Revoked');
    await expect(page.getByTestId(`inbound-webhook-revoke-${id}`)).toHaveCount(0);

    const refused = await outsider.get(`${base}crm.deal.list.json`);
    expect(refused.status()).toBe(401);
  } finally {
    await outsider.dispose();
  }
});

test('an outbound webhook is refused a private address, then delivers a deal change, retried from the log', async ({
  page,
  request,
  browser,
}) => {
  const receiver = await WebhookReceiver.start();
  try {
    const api = await adminApi(request);
    const deal = await api.post('/api/v1/deals', { title: uniq('Outbound deal') });
    await signIn(page);
    await page.goto('/settings/integrations');

    await page.getByTestId('outbound-webhook-create').click();
    const dialog = page.getByRole('dialog');
    await page.getByTestId('event-deal.updated').check();
    // the SSRF guard's refusal is shown under the URL
    await page.getByTestId('outbound-webhook-url').fill('http://10.20.30.40/hook');
    await page.getByTestId('outbound-webhook-submit').click();
    await expect(dialog.getByText(/refused/)).toBeVisible();
    await expect(page.getByTestId('outbound-webhook-url')).toHaveAttribute('aria-invalid', 'true');

    const name = uniq('ERP sync');
    await page.getByTestId('outbound-webhook-url').fill(receiver.url('/sevan'));
    await page.getByTestId('outbound-webhook-name').fill(name);
    await expect(page.getByTestId('outbound-format-native')).toBeChecked();
    await shot(page, 'integrations-outbound-form-desktop');
    await page.getByTestId('outbound-webhook-submit').click();
    const secret = await page.getByTestId('outbound-webhook-secret-value').inputValue();
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    await expect(page.getByTestId('outbound-webhook-secret')).toContainText('X-Sevan-Signature');
    await page.getByTestId('outbound-webhook-secret-done').click();

    const id = await rowId(page, 'outbound-webhook-row-', name);
    await expect(page.getByTestId(`outbound-webhook-row-${id}`)).toContainText('Deals: updated');
    await expect(page.getByTestId(`outbound-last-${id}`)).toHaveText('Nothing sent yet');

    // the receiver is down for the first attempt
    receiver.status = 503;
    receiver.answer = 'down for maintenance';
    await api.patch(`/api/v1/deals/${deal.id}`, { title: `${deal.title} (changed)` });
    const [first] = await receiver.waitFor(1, 10_000);
    if (!first) throw new Error('no delivery');
    const signature = `sha256=${createHmac('sha256', secret).update(first.body).digest('hex')}`;
    expect(first.headers['x-sevan-signature']).toBe(signature);
    expect(JSON.parse(first.body)).toMatchObject({
      event: 'deal.updated',
      data: { entity: 'deal', id: deal.id },
    });
    receiver.status = 200;
    receiver.answer = 'ok';

    await page.getByTestId(`outbound-webhook-log-${id}`).click();
    await expect(page).toHaveURL(new RegExp(`/settings/integrations/outbound/${id}$`));
    await expect(page.getByRole('heading', { name: 'Delivery log', level: 2, exact: true })).toBeVisible();
    const row = page.locator('[data-testid^=delivery-row-]').first();
    await expect(row).toContainText('deal.updated');
    await expect(row).toContainText(`Deal #${deal.id}`);
    await expect(row).toContainText('HTTP 503: down for maintenance');
    await expect(row.locator('[data-testid^=delivery-status-]')).toHaveText('Pending');
    await shot(page, 'integrations-delivery-log-desktop');

    await row.locator('[data-testid^=delivery-retry-]').click();
    await expect(row.locator('[data-testid^=delivery-status-]')).toHaveText('Delivered', { timeout: 15_000 });
    const requests = await receiver.waitFor(2);
    expect(requests[1]?.headers['x-sevan-event-id']).toBe(first.headers['x-sevan-event-id']);
    await expect(row.locator('[data-testid^=delivery-retry-]')).toHaveCount(0);
    await shot(page, 'integrations-delivery-log-delivered-desktop');

    // back in the list, the last delivery shows as delivered
    await page.getByRole('link', { name: 'Integrations' }).click();
    await expect(page.getByTestId(`outbound-last-${id}`)).toHaveText('Delivered');
    await shot(page, 'integrations-desktop');

    // edit its events, then switch it off and on again
    await page.getByTestId(`outbound-webhook-edit-${id}`).click();
    await expect(page.getByTestId('event-deal.updated')).toBeChecked();
    await page.getByTestId('event-deal.deleted').check();
    await page.getByTestId('outbound-webhook-submit').click();
    await expect(page.getByTestId(`outbound-webhook-row-${id}`)).toContainText('Deals: updated, deleted');
    const stored = async () =>
      (await (await request.get(`/api/v1/webhooks/outbound/${id}`)).json()) as {
        active: boolean;
        events: string[];
      };
    expect((await stored()).events.sort()).toEqual(['deal.deleted', 'deal.updated']);
    // by keyboard: focus the switch, press Space
    const toggle = page.getByTestId(`outbound-webhook-active-${id}`);
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).not.toBeChecked();
    await expect.poll(async () => (await stored()).active).toBe(false);
    await page.keyboard.press('Space');
    await expect(toggle).toBeChecked();
    await expect.poll(async () => (await stored()).active).toBe(true);

    // on a phone the rows wrap and the log becomes cards
    const phone = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: PHONE });
    try {
      const small = await phone.newPage();
      await signIn(small);
      await small.goto('/settings/integrations');
      await expect(small.getByTestId(`outbound-last-${id}`)).toHaveText('Delivered');
      await shot(small, 'integrations-phone');
      await small.getByTestId(`outbound-webhook-log-${id}`).click();
      await expect(small.getByTestId('delivery-cards')).toBeVisible();
      await expect(small.locator('[data-testid^=delivery-row-]').first()).toContainText('Delivered');
      await shot(small, 'integrations-delivery-log-phone');
    } finally {
      await phone.close();
    }
  } finally {
    await receiver.stop();
  }
});
