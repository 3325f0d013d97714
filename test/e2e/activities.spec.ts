import { expect, type Page, test } from '@playwright/test';
import { apiAs, PHONE, shot, signIn, uniq } from './support';

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Counters {
  today: number;
  overdue: number;
}
interface Activity {
  id: number;
  subject: string;
  status: string;
  result: string | null;
  dueAt: string;
  startAt: string | null;
}

/** "2026-03-04T14:05" of an instant in a time zone (what <input type="datetime-local"> holds). */
function localInput(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const localDay = (at: Date, timeZone: string) => localInput(at, timeZone).slice(0, 10);

async function myTimeZone(api: Api): Promise<string> {
  return ((await api.get('/api/v1/me')) as { timeZone: string }).timeZone;
}

/** What the navigation's badges say: overdue and due today (0 when a badge is not shown). */
async function navCounters(page: Page): Promise<Counters> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const read = async (id: string) => {
    const badge = nav.getByTestId(id);
    return (await badge.count()) ? Number(await badge.textContent()) : 0;
  };
  return { overdue: await read('nav-overdue'), today: await read('nav-today') };
}

/** Picks a preset of the activities page (a segmented control: its options are labels). */
async function preset(page: Page, name: string): Promise<void> {
  await page.getByTestId('activity-presets').locator('label').filter({ hasText: name }).click();
}

async function expectNavOverdue(page: Page, count: number): Promise<void> {
  const badge = page.getByRole('navigation', { name: 'Main navigation' }).getByTestId('nav-overdue');
  if (count === 0) await expect(badge).toHaveCount(0);
  else await expect(badge).toHaveText(String(count));
}

test('a call planned from a deal card raises the Activities counter; completing it lowers it again', async ({
  page,
  request,
}) => {
  const api = await apiAs(request);
  const timeZone = await myTimeZone(api);
  const title = uniq('Activity card');
  const deal = (await api.post('/api/v1/deals', { title, amount: '2500.00' })) as { id: number };
  const before = (await api.get('/api/v1/counters')) as Counters;

  await signIn(page);
  await page.goto(`/deals/kanban?q=${encodeURIComponent(title)}`);
  const card = page.getByTestId(`kanban-card-${deal.id}`);
  await expect(card.getByTestId('idle-flag')).toHaveText('No activity');
  await expect.poll(() => navCounters(page)).toEqual({ overdue: before.overdue, today: before.today });

  await card.getByRole('button', { name: 'Plan an activity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan an activity' });
  await expect(dialog.getByTestId('activity-owner')).toHaveText(`Deal: ${title}`);
  await expect(dialog.getByRole('radio', { name: 'Call' })).toBeChecked();
  await expect(dialog.getByTestId('activity-subject')).toHaveValue(`Call: ${title}`);
  // ten minutes ago: the call is overdue the moment it is planned, whatever the time of day
  await dialog.getByTestId('activity-when').fill(localInput(new Date(Date.now() - 10 * 60_000), timeZone));
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/activities') && r.request().method() === 'POST',
  );
  await dialog.getByTestId('activity-submit').click();
  expect((await created).status()).toBe(201);
  await expect(dialog).toBeHidden();

  // the card shows its next step, late already, and the counter rose
  const next = card.getByTestId('next-activity');
  await expect(next).toContainText('Call');
  await expect(next).toHaveAttribute('data-overdue', 'true');
  await expect(card.getByTestId('idle-flag')).toHaveCount(0);
  await expectNavOverdue(page, before.overdue + 1);

  // complete it from the activities page, with what was agreed
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /Activities/ })
    .click();
  await preset(page, 'Overdue');
  await expect(page).toHaveURL(/preset=overdue/);
  const item = page.getByTestId('activity-item').filter({ hasText: `Call: ${title}` });
  await expect(item).toBeVisible();
  await expect(item.locator('time')).toHaveAttribute('data-overdue', 'true');
  await shot(page, 'activities-overdue-desktop');
  await item.getByRole('button', { name: `Complete “Call: ${title}”` }).click();
  await page.getByTestId('activity-result').fill('Agreed on 20 laptops');
  await page.getByTestId('activity-result').press('Enter');
  await expect(item).toHaveCount(0);
  await expectNavOverdue(page, before.overdue);

  const done = (await api.get(
    `/api/v1/activities?filter=${encodeURIComponent(JSON.stringify({ ownerEntity: 'deal', ownerId: deal.id }))}`,
  )) as { items: Activity[] };
  expect(done.items).toHaveLength(1);
  expect(done.items[0]).toMatchObject({ status: 'done', result: 'Agreed on 20 laptops' });

  // nothing is planned any more: the card is idle again
  await page.goto(`/deals/kanban?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId(`kanban-card-${deal.id}`).getByTestId('idle-flag')).toBeVisible();
});

test('the presets show what is due today, overdue, this week, planned and done', async ({
  page,
  request,
}) => {
  const api = await apiAs(request);
  const timeZone = await myTimeZone(api);
  const deal = (await api.post('/api/v1/deals', { title: uniq('Presets') })) as { id: number };
  const tag = uniq('Preset');
  const plan = (subject: string, type: string, at: Date) =>
    api.post('/api/v1/activities', {
      type,
      subject: `${tag} ${subject}`,
      ...(type === 'call' || type === 'meeting'
        ? { startAt: at.toISOString() }
        : { deadline: at.toISOString() }),
      ownerEntity: 'deal',
      ownerId: deal.id,
    }) as Promise<Activity>;
  const now = Date.now();
  // half an hour from now, or half an hour ago when half an hour from now is already tomorrow
  const laterToday =
    localDay(new Date(now + 30 * 60_000), timeZone) === localDay(new Date(now), timeZone)
      ? new Date(now + 30 * 60_000)
      : new Date(now - 30 * 60_000);
  await plan('today call', 'call', laterToday);
  // eight days back and nine ahead are outside this week, whatever the weekday
  await plan('late task', 'task', new Date(now - 8 * 86_400_000));
  await plan('far meeting', 'meeting', new Date(now + 9 * 86_400_000));
  const finished = await plan('done email', 'email', new Date(now + 86_400_000));
  await api.post(`/api/v1/activities/${finished.id}/complete`, { result: 'Sent' });

  await signIn(page);
  const items = page.getByTestId('activity-item');
  const show = async (name: string, expected: string[]) => {
    await preset(page, name);
    await expect(items).toHaveCount(expected.length);
    for (const subject of expected)
      await expect(items.filter({ hasText: `${tag} ${subject}` })).toHaveCount(1);
  };
  // only this deal's activities, of everyone: other tests share the database
  await page.goto(`/activities?record=deal:${deal.id}`);
  await expect(page.getByTestId('activity-record-filter')).toContainText('Deal:');
  await show('Today', ['today call']);
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await show('Overdue', ['late task', ...(laterToday.getTime() < now ? ['today call'] : [])]);
  await show('This week', ['today call']);
  await show('All planned', ['late task', 'today call', 'far meeting']);
  // soonest first
  await expect(items.first()).toContainText('late task');
  await expect(items.last()).toContainText('far meeting');
  await shot(page, 'activities-planned-desktop');
  await show('Done', ['done email']);
  await expect(items.first()).toContainText('Result: Sent');

  // by type: only tasks
  await preset(page, 'All planned');
  await page.getByRole('group', { name: 'Activity types' }).getByText('Tasks').click();
  await expect(page).toHaveURL(/types=task/);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('late task');
  await page.getByRole('group', { name: 'Activity types' }).getByText('Tasks').click();
  await expect(items).toHaveCount(3);

  // the link reproduces the view
  await page.reload();
  await expect(items).toHaveCount(3);
  await expect(
    page.getByTestId('activity-presets').getByRole('radio', { name: /All planned/ }),
  ).toBeChecked();
});

test('a record page plans and reschedules its activities in the user’s time zone', async ({
  page,
  request,
}) => {
  const api = await apiAs(request);
  const timeZone = await myTimeZone(api);
  const title = uniq('Record activities');
  const deal = (await api.post('/api/v1/deals', { title })) as { id: number };

  await signIn(page);
  await page.goto(`/deals/${deal.id}`);
  const panel = page.getByTestId('record-activities');
  await expect(panel).toContainText('Nothing planned');
  await panel.getByTestId('record-plan-activity').click();
  const dialog = page.getByRole('dialog', { name: 'Plan an activity' });
  await dialog.getByRole('radio', { name: 'Meeting' }).click();
  await expect(dialog.getByTestId('activity-subject')).toHaveValue(`Meeting: ${title}`);
  await dialog.getByTestId('activity-subject').fill('');
  await dialog.getByTestId('activity-submit').click();
  // the shared schema refuses an empty subject before anything is sent
  await expect(dialog.getByText('Required')).toBeVisible();
  await dialog.getByTestId('activity-subject').fill('Product demo');
  await dialog.getByRole('button', { name: 'Next Monday' }).click();
  await dialog.getByTestId('activity-submit').click();
  await expect(dialog).toBeHidden();
  const item = panel.getByTestId('activity-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Product demo');

  await item.getByRole('button', { name: 'Reschedule “Product demo”' }).click();
  await page.getByRole('button', { name: 'Tomorrow 10:00' }).click();
  const saved = page.waitForResponse((r) => /\/api\/v1\/activities\/\d+$/.test(r.url()));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  expect((await saved).ok()).toBeTruthy();
  await expect(item.locator('time')).toHaveText('Tomorrow 10:00 AM');

  const list = (await api.get(
    `/api/v1/activities?filter=${encodeURIComponent(JSON.stringify({ ownerEntity: 'deal', ownerId: deal.id }))}`,
  )) as { items: (Activity & { endAt: string })[] };
  const meeting = list.items[0];
  expect(localInput(new Date(meeting?.startAt ?? ''), timeZone)).toBe(
    `${localDay(new Date(Date.now() + 86_400_000), timeZone)}T10:00`,
  );
  // an hour long, and still an hour long after the move
  expect(Date.parse(meeting?.endAt ?? '') - Date.parse(meeting?.startAt ?? '')).toBe(3_600_000);
  await expect(page.getByTestId('activity-reschedule-when')).toBeHidden();
  await shot(page, 'deal-activities-desktop');
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });
  test('activities are cards, the menu carries the counters, and a card completes', async ({
    page,
    request,
  }) => {
    const api = await apiAs(request);
    const deal = (await api.post('/api/v1/deals', { title: uniq('Phone activities') })) as { id: number };
    const subject = uniq('Phone call');
    await api.post('/api/v1/activities', {
      type: 'call',
      subject,
      startAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      ownerEntity: 'deal',
      ownerId: deal.id,
      priority: 'high',
    });
    await signIn(page);
    await page.getByRole('button', { name: 'Main navigation' }).click();
    await expect(
      page.getByRole('navigation', { name: 'Main navigation' }).getByTestId('nav-overdue'),
    ).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: /Activities/ })
      .click();
    await page.goto(`/activities?preset=overdue&record=deal:${deal.id}`);
    const item = page.getByTestId('activity-item');
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-layout', 'card');
    await expect(item).toContainText('High');
    await shot(page, 'activities-phone');

    await page.getByTestId('plan-activity').click();
    await expect(page.getByRole('dialog', { name: 'Plan an activity' })).toBeVisible();
    await shot(page, 'plan-activity-phone');
    await page.keyboard.press('Escape');

    await item.getByTestId('activity-complete').click();
    await page.getByTestId('activity-complete-submit').click();
    await expect(item).toHaveCount(0);
    await expect(page.getByText('No activities match these filters.')).toBeVisible();
  });
});
