import { expect, test } from '@playwright/test';
import { apiAs, shot, signIn, uniq } from './support';

test("a sales manager sees their department's deals and nothing of another department's", async ({
  page,
  request,
}) => {
  const admin = await apiAs(request);
  const roles = (await admin.get('/api/v1/roles')) as { items: { id: number; code: string }[] };
  const managerRole = roles.items.find((r) => r.code === 'sales_manager');
  expect(managerRole, 'the sales_manager role').toBeTruthy();

  const tag = uniq('Access').replace(' ', '-');
  const north = (await admin.post('/api/v1/departments', { name: `${tag} North` })) as { id: number };
  const south = (await admin.post('/api/v1/departments', { name: `${tag} South` })) as { id: number };
  const password = 'manager-password-1';
  const user = async (who: string, departmentId: number) => {
    const email = `${who}.${tag}@e2e.local`.toLowerCase();
    const u = (await admin.post('/api/v1/users', {
      email,
      name: who,
      lastName: tag,
      password,
      roleId: managerRole?.id,
      departmentId,
    })) as { id: number };
    return { id: u.id, email, password };
  };
  const anna = await user('Anna', north.id);
  const ashot = await user('Ashot', north.id);
  const boris = await user('Boris', south.id);
  const deal = async (title: string, responsibleId: number) =>
    (await admin.post('/api/v1/deals', { title: `${tag} ${title}`, amount: '1000.00', responsibleId })) as {
      id: number;
      title: string;
    };
  const annasDeal = await deal('north own', anna.id);
  const colleaguesDeal = await deal('north colleague', ashot.id);
  const othersDeal = await deal('south other', boris.id);

  await signIn(page, anna);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  // the list
  await page.goto(`/deals?q=${encodeURIComponent(tag)}`);
  const rows = page.getByTestId('list-row');
  await expect(page.getByTestId('row-count')).toHaveText('2 records');
  await expect(rows.filter({ hasText: annasDeal.title })).toBeVisible();
  await expect(rows.filter({ hasText: colleaguesDeal.title })).toBeVisible();
  await expect(rows.filter({ hasText: othersDeal.title })).toHaveCount(0);
  await shot(page, 'deals-list-manager-desktop');

  // the kanban: cards and the column counts
  await page.goto(`/deals/kanban?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId(`kanban-card-${annasDeal.id}`)).toBeVisible();
  await expect(page.getByTestId(`kanban-card-${colleaguesDeal.id}`)).toBeVisible();
  await expect(page.getByTestId('kanban-total')).toHaveText('2 cards');
  await expect(page.getByTestId(`kanban-card-${othersDeal.id}`)).toHaveCount(0);
  await expect(page.getByTestId('kanban-board')).not.toContainText(othersDeal.title);
  await shot(page, 'deals-kanban-manager-desktop');

  // Ctrl+K search
  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: 'Search', exact: true });
  await search.fill(tag);
  const results = page.getByRole('listbox', { name: 'Search' });
  await expect(results.getByRole('option', { name: annasDeal.title })).toBeVisible();
  await expect(results.getByRole('option', { name: colleaguesDeal.title })).toBeVisible();
  await expect(results.getByRole('option')).toHaveCount(2);
  await search.fill(othersDeal.title);
  await expect(results).toContainText('Nothing found');
  await page.keyboard.press('Escape');

  // and not by its address either
  await page.goto(`/deals/${othersDeal.id}`);
  await expect(page.getByText('Record not found')).toBeVisible();
  await page.goto(`/deals/${annasDeal.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(annasDeal.title);
});
