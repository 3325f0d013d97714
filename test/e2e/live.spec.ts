import { expect, test } from '@playwright/test';
import { ADMIN, apiAs, defaultPipeline, defaultStages, dragWithMouse, signIn, uniq } from './support';

type Marked = { liveMarker?: string };

test("another session's new deal and its move show on an open kanban without a reload", async ({
  page,
  browser,
  request,
}) => {
  const admin = await apiAs(request, ADMIN);
  const roles = (await admin.get('/api/v1/roles')) as { items: { id: number; code: string }[] };
  const managerRole = roles.items.find((r) => r.code === 'sales_manager');
  const tag = uniq('Live').replace(' ', '-');
  const manager = { email: `manager.${tag}@e2e.local`.toLowerCase(), password: 'manager-password-1' };
  await admin.post('/api/v1/users', {
    ...manager,
    name: 'Mariam',
    lastName: tag,
    roleId: managerRole?.id,
  });
  const [first, second] = (await defaultStages(admin)).filter((s) => s.semantics === 'process');
  if (!first || !second) throw new Error('the default pipeline needs two stages in progress');

  // the first session: the administrator watching the board, kept to this test's cards by the quick search
  await signIn(page);
  await page.goto(`/deals/kanban?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId('kanban-total')).toHaveText('0 cards');
  await page.evaluate(() => {
    (globalThis as Marked).liveMarker = 'no reload';
  });

  // the second session: the manager, in a browser context of their own
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, manager);
    const theirs = await apiAs(other.request, manager);
    const deal = (await theirs.post('/api/v1/deals', { title: `${tag} from a colleague` })) as { id: number };

    const column = (stageId: number) => page.getByTestId(`kanban-column-${stageId}`);
    await expect(column(first.id).getByTestId(`kanban-card-${deal.id}`)).toBeVisible({ timeout: 5000 });
    await expect(page.getByTestId('kanban-total')).toHaveText('1 card');

    // the manager drags the card on their own board; the administrator's board follows
    await otherPage.goto(`/deals/kanban?q=${encodeURIComponent(tag)}`);
    const card = otherPage.getByTestId(`kanban-card-${deal.id}`);
    await expect(card).toBeVisible();
    const saved = otherPage.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/deals/${deal.id}`) && r.request().method() === 'PATCH',
    );
    // the deal has nothing planned: the column it lands in counts one more idle deal
    const idleIn = async (stageId: number) => {
      const badge = column(stageId).getByTestId('kanban-column-idle');
      return (await badge.count()) ? Number(((await badge.textContent()) ?? '').replace(/\D/g, '')) : 0;
    };
    await expect.poll(() => idleIn(first.id)).toBeGreaterThan(0);
    const idleBefore = await idleIn(second.id);
    await dragWithMouse(otherPage, card, otherPage.getByTestId(`kanban-column-${second.id}`), { y: 90 });
    expect((await saved).ok()).toBeTruthy();

    await expect(column(second.id).getByTestId(`kanban-card-${deal.id}`)).toBeVisible({ timeout: 5000 });
    await expect(column(first.id).getByTestId(`kanban-card-${deal.id}`)).toHaveCount(0);
    await expect.poll(() => idleIn(second.id), { timeout: 5000 }).toBe(idleBefore + 1);
    expect(await page.evaluate(() => (globalThis as Marked).liveMarker)).toBe('no reload');
  } finally {
    await other.close();
  }
});

test("an administrator's renamed stage shows on an open kanban without a reload", async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, ADMIN);
  const pipeline = await defaultPipeline(admin);
  const stage = pipeline.stages[1];
  if (!stage) throw new Error('the default pipeline needs two stages');
  await signIn(page);
  await page.goto('/deals/kanban');
  const header = page.getByTestId(`kanban-column-${stage.id}`);
  await expect(header).toContainText(stage.name);
  await page.evaluate(() => {
    (globalThis as Marked).liveMarker = 'no reload';
  });
  const name = uniq('Renamed');
  try {
    await admin.patch(`/api/v1/pipelines/${pipeline.id}/stages/${stage.id}`, { name });
    await expect(header).toContainText(name, { timeout: 5000 });
    expect(await page.evaluate(() => (globalThis as Marked).liveMarker)).toBe('no reload');
  } finally {
    await admin.patch(`/api/v1/pipelines/${pipeline.id}/stages/${stage.id}`, { name: stage.name });
  }
});
