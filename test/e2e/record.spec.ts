import { expect, type Page, test } from '@playwright/test';
import { apiAs, defaultStages, PHONE, shot, signIn, uniq } from './support';

interface Rec {
  id: number;
  [key: string]: unknown;
}

/** Resolves when the record's PATCH (an inline edit) has been answered. */
const patched = (page: Page, path: string) =>
  page.waitForResponse((r) => r.url().endsWith(path) && r.request().method() === 'PATCH');

test('converting a lead makes a contact, a company and a deal, and opens the deal', async ({
  page,
  request,
}) => {
  const api = await apiAs(request);
  const leadTitle = uniq('Website enquiry');
  const companyTitle = uniq('Sevan Motors');
  const lead = (await api.post('/api/v1/leads', {
    title: leadTitle,
    name: 'Aram',
    lastName: 'Hakobyan',
    companyTitle,
  })) as Rec;

  await signIn(page);
  await page.goto(`/leads/${lead.id}`);
  await expect(page.getByTestId('record-lead')).toBeVisible();
  await page.getByTestId('convert-button').click();
  const dialog = page.getByTestId('convert-dialog').getByRole('dialog');
  await expect(dialog).toBeVisible();
  // everything is copied from the lead and each part defaults to "create new"
  const contactPart = dialog.getByTestId('convert-contact');
  const companyPart = dialog.getByTestId('convert-company');
  const dealPart = dialog.getByTestId('convert-deal');
  await expect(contactPart.getByLabel('Name', { exact: true })).toHaveValue('Aram');
  await expect(contactPart.getByLabel('Last name', { exact: true })).toHaveValue('Hakobyan');
  await expect(companyPart.getByLabel('Title', { exact: true })).toHaveValue(companyTitle);
  await expect(dealPart.getByLabel('Title', { exact: true })).toHaveValue(leadTitle);
  const dealTitle = uniq('Fleet service contract');
  await dealPart.getByLabel('Title', { exact: true }).fill(dealTitle);
  await dialog.getByTestId('convert-submit').click();

  await expect(page).toHaveURL(/\/deals\/\d+$/);
  await expect(page.getByTestId('record-deal')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dealTitle);
  const dealId = Number(new URL(page.url()).pathname.split('/').pop());
  const deal = (await api.get(`/api/v1/deals/${dealId}`)) as Rec & {
    companyId: number;
    contactIds: number[];
  };
  expect(deal.leadId).toBe(lead.id);
  const contactId = deal.contactIds[0];
  await expect(page.getByTestId(`related-company-${deal.companyId}`)).toContainText(companyTitle);
  await expect(page.getByTestId(`related-contact-${contactId}`)).toContainText('Aram Hakobyan');

  // the lead is converted: no convert button any more, and it points to what it became
  const converted = (await api.get(`/api/v1/leads/${lead.id}`)) as Rec;
  expect(converted.statusSemantics).toBe('converted');
  expect(converted.contactId).toBe(contactId);
  expect(converted.companyId).toBe(deal.companyId);
  await page.goto(`/leads/${lead.id}`);
  await expect(page.getByTestId(`related-deal-${dealId}`)).toContainText(dealTitle);
  await expect(page.getByTestId('convert-button')).toHaveCount(0);
});

test('a custom field value is set inline on a deal, changed, and kept after a reload', async ({
  page,
  request,
}) => {
  const api = await apiAs(request);
  const fieldName = uniq('Tender number');
  const field = (await api.post('/api/v1/custom-fields', {
    entityType: 'deal',
    name: fieldName,
    type: 'string',
  })) as { apiName: string };
  const deal = (await api.post('/api/v1/deals', { title: uniq('Custom field deal') })) as Rec;

  await signIn(page);
  await page.goto(`/deals/${deal.id}`);
  const box = page.getByTestId(`field-${field.apiName}`);
  await expect(page.getByTestId('section-custom')).toContainText(fieldName);
  await expect(box).toContainText(fieldName);

  await page.getByTestId(`edit-${field.apiName}`).click();
  let saved = patched(page, `/api/v1/deals/${deal.id}`);
  await box.getByLabel(fieldName).fill('T-2024/001');
  await box.getByLabel(fieldName).press('Enter');
  expect((await saved).ok()).toBeTruthy();
  await expect(box.getByRole('textbox')).toHaveCount(0);
  await expect(box).toContainText('T-2024/001');

  // click the value itself to edit it again
  await box.getByText('T-2024/001').click();
  saved = patched(page, `/api/v1/deals/${deal.id}`);
  await box.getByLabel(fieldName).fill('T-2024/002-B');
  await box.getByLabel(fieldName).press('Enter');
  expect((await saved).ok()).toBeTruthy();
  await expect(box).toContainText('T-2024/002-B');

  await page.reload();
  await expect(page.getByTestId(`field-${field.apiName}`)).toContainText('T-2024/002-B');
  const stored = (await api.get(`/api/v1/deals/${deal.id}`)) as Rec;
  expect(stored[field.apiName]).toBe('T-2024/002-B');
  await expect(page.getByTestId('history')).toContainText(fieldName);
});

test('product rows on a deal compute its amount, and the amount is kept after a reload', async ({
  page,
  request,
}) => {
  const api = await apiAs(request);
  const productName = uniq('Winter tyres');
  await api.post('/api/v1/products', { name: productName, price: '249.99', currency: 'USD' });
  const deal = (await api.post('/api/v1/deals', { title: uniq('Products deal'), amount: '10.00' })) as Rec;

  await signIn(page);
  await page.goto(`/deals/${deal.id}`);
  const rowsPanel = page.getByTestId('product-rows');
  const amount = page.getByTestId('field-amount');
  await expect(amount).toContainText('$10.00');
  await rowsPanel.getByTestId('edit-products').click();

  // row 1 typed by hand, with a 10 % discount: 150 × 4 − 10 % = 540
  await rowsPanel.getByRole('combobox', { name: 'Product or service (row 1)' }).fill('Fitting service');
  await rowsPanel.getByLabel('Price (row 1)', { exact: true }).fill('150');
  await rowsPanel.getByLabel('Qty (row 1)', { exact: true }).fill('4');
  await rowsPanel.getByLabel('Discount (row 1)', { exact: true }).fill('10');
  await expect(rowsPanel.getByTestId('product-row').nth(0)).toContainText('$540.00');

  // row 2 picked from the catalog (which fills the price): 249.99 × 2 = 499.98
  await rowsPanel.getByTestId('add-product-row').click();
  await rowsPanel
    .getByRole('combobox', { name: 'Product or service (row 2)' })
    .fill(productName.slice(0, 18));
  await page.getByRole('option', { name: new RegExp(productName) }).click();
  await expect(rowsPanel.getByLabel('Price (row 2)', { exact: true })).toHaveValue('249.99');
  await rowsPanel.getByLabel('Qty (row 2)', { exact: true }).fill('2');
  await expect(rowsPanel.getByTestId('product-row').nth(1)).toContainText('$499.98');
  await expect(rowsPanel.getByTestId('rows-discountTotal')).toContainText('$60.00');
  await expect(rowsPanel.getByTestId('rows-total')).toContainText('$1,039.98');

  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/deals/${deal.id}/product-rows`) && r.request().method() === 'PUT',
  );
  await rowsPanel.getByTestId('save-products').click();
  expect((await saved).ok()).toBeTruthy();
  await expect(rowsPanel.getByTestId('save-products')).toHaveCount(0);
  await expect(amount).toContainText('$1,039.98');
  // the amount now comes from the rows and cannot be typed over
  await expect(amount.getByLabel('Computed from the products')).toBeVisible();
  await expect(page.getByTestId('edit-amount')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('field-amount')).toContainText('$1,039.98');
  await expect(page.getByTestId('product-rows').getByTestId('product-row')).toHaveCount(2);
  await expect(page.getByTestId('product-rows').getByTestId('product-row').nth(1)).toContainText(productName);
  const stored = (await api.get(`/api/v1/deals/${deal.id}`)) as Rec;
  expect(stored.amount).toBe('1039.98');
});

test('the stage bar moves a deal to the next stage', async ({ page, request }) => {
  const api = await apiAs(request);
  const stages = (await defaultStages(api)).filter((s) => s.semantics === 'process');
  const [first, second] = stages;
  if (!first || !second) throw new Error('the default pipeline needs two stages in progress');
  const company = (await api.post('/api/v1/companies', { title: uniq('Stage bar company') })) as Rec;
  const deal = (await api.post('/api/v1/deals', {
    title: uniq('Stage bar deal'),
    amount: '4200.00',
    companyId: company.id,
  })) as Rec;
  await signIn(page);
  await page.goto(`/deals/${deal.id}`);
  const bar = page.getByRole('navigation', { name: 'Stage' });
  await expect(bar.getByTestId(`stage-${first.id}`)).toHaveAttribute('aria-current', 'step');
  await shot(page, 'deal-page-desktop');
  const saved = patched(page, `/api/v1/deals/${deal.id}`);
  await bar.getByTestId(`stage-${second.id}`).click();
  expect((await saved).ok()).toBeTruthy();
  await expect(bar.getByTestId(`stage-${second.id}`)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('history')).toContainText(second.name);
  await page.reload();
  await expect(page.getByTestId(`stage-${second.id}`)).toHaveAttribute('aria-current', 'step');
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });
  test('a deal page shows its stage, fields and products in one column', async ({ page, request }) => {
    const api = await apiAs(request);
    const title = uniq('Phone deal');
    const deal = (await api.post('/api/v1/deals', { title, amount: '780.00' })) as Rec;
    await signIn(page);
    await page.goto(`/deals/${deal.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('navigation', { name: 'Stage' })).toBeVisible();
    await expect(page.getByTestId('field-amount')).toContainText('$780.00');
    // nothing is wider than the screen
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'deal-page-phone');
    await page.getByTestId('product-rows').scrollIntoViewIfNeeded();
    await page.getByTestId('edit-products').click();
    await expect(page.getByRole('combobox', { name: 'Product or service (row 1)' })).toBeVisible();
    await shot(page, 'deal-products-phone');
  });
});
