import { expect, test } from '@playwright/test';
import { apiAs, defaultStages, dragWithMouse, PHONE, shot, signIn, uniq } from './support';

test('dragging a deal card to another stage moves it, and the move survives a reload', async ({
  page,
  request,
}) => {
  const api = await apiAs(request);
  const stages = (await defaultStages(api)).filter((s) => s.semantics === 'process');
  const [first, second] = stages;
  if (!first || !second) throw new Error('the default pipeline needs two stages in progress');
  const title = uniq('Kanban drag');
  const deal = (await api.post('/api/v1/deals', { title, amount: '1500.00' })) as {
    id: number;
    stageId: number;
  };
  expect(deal.stageId).toBe(first.id);

  await signIn(page);
  // the quick search keeps the board to this test's card, whatever else the shared database holds
  await page.goto(`/deals/kanban?q=${encodeURIComponent(title)}`);
  const board = page.getByTestId('kanban-board');
  const card = page.getByTestId(`kanban-card-${deal.id}`);
  const from = board.getByTestId(`kanban-column-${first.id}`);
  const to = board.getByTestId(`kanban-column-${second.id}`);
  await expect(from.getByTestId(`kanban-card-${deal.id}`)).toBeVisible();
  await expect(from.getByTestId('kanban-column-count')).toHaveText('1');
  await expect(to.getByTestId('kanban-column-count')).toHaveText('0');

  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/deals/${deal.id}`) && r.request().method() === 'PATCH',
  );
  // aim at the top of the column: the won/lost drop zones cover the bottom of the board while dragging
  await dragWithMouse(page, card, to, { y: 90 });
  expect((await saved).ok()).toBeTruthy();
  await expect(to.getByTestId(`kanban-card-${deal.id}`)).toBeVisible();
  await expect(from.getByTestId(`kanban-card-${deal.id}`)).toHaveCount(0);
  await expect(to.getByTestId('kanban-column-count')).toHaveText('1');
  await expect(from.getByTestId('kanban-column-count')).toHaveText('0');

  await page.reload();
  await expect(to.getByTestId(`kanban-card-${deal.id}`)).toBeVisible();
  await expect(from.getByTestId(`kanban-card-${deal.id}`)).toHaveCount(0);
  await expect(card).toHaveAccessibleName(`${title}, ${second.name}`);
  const stored = (await api.get(`/api/v1/deals/${deal.id}`)) as { stageId: number };
  expect(stored.stageId).toBe(second.id);
});

test('the deal board shows every stage in progress with its cards', async ({ page, request }) => {
  const api = await apiAs(request);
  const stages = (await defaultStages(api)).filter((s) => s.semantics === 'process');
  const title = uniq('Board screen');
  const deal = (await api.post('/api/v1/deals', { title, amount: '990.00' })) as { id: number };
  await signIn(page);
  await page.goto('/deals/kanban');
  const board = page.getByRole('region', { name: 'Deal kanban board' });
  for (const s of stages)
    await expect(board.getByRole('heading', { name: s.name, exact: true })).toBeAttached();
  // newest first: the card just created is at the top of the first column
  await expect(board.getByTestId(`kanban-card-${deal.id}`)).toBeVisible();
  await shot(page, 'deals-kanban-desktop');
  await page.goto('/leads/kanban');
  await expect(page.getByRole('region', { name: 'Lead kanban board' })).toBeVisible();
  await shot(page, 'leads-kanban-desktop');
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });
  test('the board shows one column at a time and the move button moves a card', async ({ page, request }) => {
    const api = await apiAs(request);
    const stages = (await defaultStages(api)).filter((s) => s.semantics === 'process');
    const [first, , third] = stages;
    if (!first || !third) throw new Error('the default pipeline needs three stages in progress');
    const title = uniq('Phone board');
    const deal = (await api.post('/api/v1/deals', { title })) as { id: number };
    await signIn(page);
    await page.goto(`/deals/kanban?q=${encodeURIComponent(title)}`);
    const card = page.getByTestId(`kanban-card-${deal.id}`);
    await expect(
      page.getByTestId(`kanban-column-${first.id}`).getByTestId(`kanban-card-${deal.id}`),
    ).toBeVisible();
    // one column fills the screen; the next one is off to the right
    await expect(page.getByTestId(`kanban-column-${third.id}`)).not.toBeInViewport();
    await shot(page, 'deals-kanban-phone');

    await card.getByRole('button', { name: 'Move to another column' }).click();
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/deals/${deal.id}`) && r.request().method() === 'PATCH',
    );
    await page.getByTestId(`kanban-move-to-${third.id}`).click();
    expect((await saved).ok()).toBeTruthy();
    await expect(
      page.getByTestId(`kanban-column-${third.id}`).getByTestId(`kanban-card-${deal.id}`),
    ).toBeAttached();
    await page.reload();
    await expect(
      page.getByTestId(`kanban-column-${third.id}`).getByTestId(`kanban-card-${deal.id}`),
    ).toBeAttached();

    await page.goto('/leads/kanban');
    await expect(page.getByRole('region', { name: 'Lead kanban board' })).toBeVisible();
    await shot(page, 'leads-kanban-phone');
  });
});
