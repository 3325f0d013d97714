import { expect, type Page, test } from '@playwright/test';
import { ADMIN, apiAs, PHONE, shot, signIn, uniq } from './support';

/** Each settings screen: its address, the title it shows, and something it must list. */
const SCREENS: {
  path: string;
  title: string;
  check: (page: Page, ctx: { field: string }) => Promise<void>;
}[] = [
  {
    path: 'pipelines',
    title: 'Pipelines and stages',
    check: async (page) => {
      await expect(
        page.locator('[data-testid^=stage-row-]').filter({ hasText: 'Negotiation' }),
      ).toBeVisible();
    },
  },
  {
    path: 'lead-statuses',
    title: 'Lead statuses',
    check: async (page) => {
      await expect(
        page.locator('[data-testid^=lead-status-row-]').filter({ hasText: 'Converted' }),
      ).toBeVisible();
    },
  },
  {
    path: 'custom-fields',
    title: 'Custom fields',
    check: async (page, { field }) => {
      await expect(
        page
          .getByTestId('custom-field-list')
          .or(page.getByRole('heading', { name: 'Deals have no custom fields yet' })),
      ).toBeVisible();
      const picker = page.getByTestId('custom-field-entity');
      if ((await picker.evaluate((el) => el.tagName)) === 'SELECT') await picker.selectOption('company');
      else await picker.getByText('Companies', { exact: true }).click();
      await expect(page).toHaveURL(/entity=company/);
      await expect(page.getByTestId('custom-field-list')).toContainText(field);
    },
  },
  {
    path: 'users',
    title: 'Users',
    check: async (page) => {
      await expect(page.getByTestId('user-list')).toContainText(ADMIN.email);
    },
  },
  {
    path: 'departments',
    title: 'Departments',
    check: async (page) => {
      await expect(page.getByTestId('department-tree')).toBeVisible();
      await expect(page.locator('[data-testid^=department-row-]').first()).toBeVisible();
    },
  },
  {
    path: 'roles',
    title: 'Roles and rights',
    check: async (page) => {
      await expect(page.getByTestId('role-matrix')).toBeVisible();
    },
  },
  {
    path: 'api-tokens',
    title: 'API tokens',
    check: async (page) => {
      await expect(page.getByTestId('api-token-create')).toBeVisible();
    },
  },
];

for (const viewport of ['desktop', 'phone'] as const) {
  test.describe(`settings on ${viewport === 'phone' ? 'a phone' : 'the desktop'}`, () => {
    if (viewport === 'phone') test.use({ viewport: PHONE });
    test('an administrator opens every settings screen from the section switcher', async ({
      page,
      request,
    }) => {
      const api = await apiAs(request);
      const field = uniq('Settings field');
      await api.post('/api/v1/custom-fields', { entityType: 'company', name: field, type: 'string' });
      await signIn(page);
      if (viewport === 'phone') {
        await page.getByRole('button', { name: 'Main navigation' }).click();
      }
      await page.getByRole('link', { name: 'Settings' }).click();
      // /settings opens the first screen
      await expect(page).toHaveURL(/\/settings\/pipelines$/);
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
      for (const screen of SCREENS) {
        if (viewport === 'phone') {
          await page.getByTestId('settings-section-select').selectOption(screen.path);
        } else {
          await page.getByTestId(`settings-tab-${screen.path}`).click();
          await expect(page.getByTestId(`settings-tab-${screen.path}`)).toHaveAttribute(
            'aria-selected',
            'true',
          );
        }
        await expect(page).toHaveURL(new RegExp(`/settings/${screen.path}`));
        await expect(page.getByRole('heading', { name: screen.title, level: 2, exact: true })).toBeVisible();
        await expect(page.getByTestId('settings-loading')).toHaveCount(0);
        await screen.check(page, { field });
        await shot(page, `settings-${screen.path}-${viewport}`);
      }
    });
  });
}

test('deleting a custom field and revoking an API token ask first, then take effect', async ({
  page,
  request,
}) => {
  const api = await apiAs(request);
  const field = await api.post('/api/v1/custom-fields', {
    entityType: 'deal',
    name: uniq('Doomed field'),
    type: 'string',
  });
  await signIn(page);
  await page.goto('/settings/custom-fields');
  await page.getByTestId(`custom-field-delete-${field.id}`).click();
  await page.getByTestId('confirm-action').click();
  await expect(page.getByTestId(`custom-field-delete-${field.id}`)).toHaveCount(0);
  const fields = await api.get('/api/v1/custom-fields?entityType=deal');
  expect(fields.items.map((f: { id: number }) => f.id)).not.toContain(field.id);

  await page.goto('/settings/api-tokens');
  await page.getByTestId('api-token-create').click();
  const name = uniq('Short-lived token');
  await page.getByRole('dialog').getByRole('textbox').first().fill(name);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /create/i })
    .click();
  await page.keyboard.press('Escape');
  const revokable = page.locator('[data-testid^=api-token-revoke-]');
  await expect(revokable.first()).toBeVisible();
  const before = await revokable.count();
  const row = page
    .locator('div', { has: page.getByText(name, { exact: true }) })
    .locator('[data-testid^=api-token-revoke-]');
  await row.last().click();
  await page.getByTestId('confirm-action').click();
  await expect(revokable).toHaveCount(before - 1);
  await expect(page.getByText(name).first()).toBeVisible();
});
