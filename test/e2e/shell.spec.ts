import { expect, test } from '@playwright/test';
import { apiAs, shot, signIn } from './support';

test('a wrong password gets a clear message; the right one opens the deals list', async ({ page }) => {
  await page.goto('/deals');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.locator('input[type=email]').fill('admin@e2e.local');
  await page.locator('input[type=password]').fill('not-the-password');
  await page.locator('button[type=submit]').click();
  await expect(page.getByRole('alert')).toContainText('Wrong email or password');
  await shot(page, 'sign-in-desktop');
  await signIn(page);
  await expect(page).toHaveURL(/\/deals/);
  await expect(page.getByRole('heading', { name: 'Deals' })).toBeVisible();
});

test('create a company, a contact and a deal from the lists; find them with search', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Companies' }).click();
  await page.getByRole('button', { name: 'New company' }).click();
  await page.getByLabel(/^Title/).fill('Ararat Trading');
  await page.getByLabel('Emails').fill('info@ararat.example');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/companies\/\d+/);

  await page.goto('/contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel(/^Name/).fill('Ivan');
  await page.getByLabel('Last name').fill('Petrov');
  await page.getByLabel('Phones').fill('+7 916 123-45-67');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+/);

  await page.goto('/deals');
  await page.getByRole('button', { name: 'New deal' }).click();
  await page.getByLabel(/^Title/).fill('Laptops for Ararat');
  await page.getByLabel('Amount').fill('24000.50');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/deals\/\d+/);

  await page.goto('/deals');
  await expect(page.getByTestId('list-row').filter({ hasText: 'Laptops for Ararat' })).toContainText(
    '$24,000.50',
  );
  await shot(page, 'deals-list-desktop');

  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Search', exact: true }).fill('8 916 1234567');
  await expect(page.getByRole('option').first()).toContainText('Ivan Petrov');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/contacts\/\d+/);
});

test('quick search and sorting live in the URL, so a link reproduces the view', async ({ page, request }) => {
  const api = await apiAs(request);
  for (const [title, amount] of [
    ['Zeta service', '10'],
    ['Zeta support', '300'],
    ['Alpha parts', '20'],
  ]) {
    await api.post('/api/v1/deals', { title, amount });
  }
  await signIn(page);
  await page.goto('/deals');
  await page.getByLabel('Quick search').fill('zeta');
  await expect(page.getByTestId('list-row')).toHaveCount(2);
  await page.getByRole('columnheader', { name: 'Amount' }).getByRole('button').click();
  await page.getByRole('columnheader', { name: 'Amount' }).getByRole('button').click();
  await expect(page).toHaveURL(/q=zeta/);
  await expect(page).toHaveURL(/sort=-amount/);
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('list-row').first()).toContainText('Zeta support');
  await expect(page.getByTestId('row-count')).toHaveText('2 records');
});

test('switching to Russian and Armenian translates the screens', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('user-menu').click();
  await page.getByText('Русский').click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Сделки' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Сделки' })).toBeVisible();
  await shot(page, 'deals-list-russian');
  await page.getByTestId('user-menu').click();
  await page.getByText('Հայերեն').click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'Գործարքներ' })).toBeVisible();
  await shot(page, 'deals-list-armenian');
  await page.getByTestId('user-menu').click();
  await page.getByText('English').click();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  test('lists become cards and the menu opens from the burger', async ({ page, request }) => {
    const api = await apiAs(request);
    await api.post('/api/v1/contacts', {
      name: 'Anna',
      lastName: 'Sargsyan',
      phones: [{ value: '+374 10 123456', type: 'work' }],
    });
    await signIn(page);
    await page.goto('/contacts');
    await expect(page.getByTestId('list-card').first()).toBeVisible();
    await shot(page, 'contacts-phone');
    await page.getByRole('button', { name: 'Main navigation' }).click();
    await page.getByRole('link', { name: 'Leads' }).click();
    await expect(page.getByRole('heading', { name: 'Leads' })).toBeVisible();
    await shot(page, 'leads-phone');
  });
});
