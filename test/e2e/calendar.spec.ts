import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { ADMIN, apiAs, dragWithMouse, PHONE, shot, uniq } from './support';

/**
 * The calendar places activities on the user's own wall clock (their profile's zone, Yerevan here), not
 * the browser's (New York here): a mistake would put 10:00 at 01:00 and every drop nine hours off.
 */
const ZONE = 'Asia/Yerevan'; // +04:00 all year
test.use({ timezoneId: 'America/New_York' });

interface Activity {
  id: number;
  startAt: string;
  endAt: string | null;
  version: number;
}

/** The date in Yerevan `days` from today, as YYYY-MM-DD. */
function yerevanDate(days: number): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return f.format(Date.now() + days * 86_400_000);
}
const weekday = (ymd: string) => new Date(`${ymd}T00:00:00Z`).getUTCDay();
const addDays = (ymd: string, n: number) =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A manager of their own (an administrator in Yerevan's zone) with a deal and a call on it tomorrow at
 * 10:00 for half an hour, signed in on the page.
 */
async function arrange(page: Page, request: APIRequestContext, departmentId: number | null = null) {
  const admin = await apiAs(request, ADMIN);
  const tag = uniq('Cal').replace(' ', '-');
  const user = { email: `${tag}@e2e.local`.toLowerCase(), password: 'calendar-password-1' };
  await admin.post('/api/v1/users', {
    ...user,
    name: 'Ani',
    lastName: tag,
    isAdmin: true,
    timeZone: ZONE,
    locale: 'en',
    departmentId,
  });
  // the page's own request context: the browser is then signed in as this user too
  const api = await apiAs(page.request, user);
  const tomorrow = yerevanDate(1);
  const deal = (await api.post('/api/v1/deals', { title: uniq('20 laptops') })) as {
    id: number;
    title: string;
  };
  const subject = uniq('Agree on delivery');
  const call = (await api.post('/api/v1/activities', {
    type: 'call',
    subject,
    startAt: `${tomorrow}T10:00:00+04:00`,
    endAt: `${tomorrow}T10:30:00+04:00`,
    ownerEntity: 'deal',
    ownerId: deal.id,
  })) as Activity;
  return { api, user, tag, deal, call, subject, tomorrow };
}

test('dragging a call reschedules it on the user’s clock: to a half hour in the week, to a day in the month; the details take a typed time', async ({
  page,
  request,
}) => {
  const { api, deal, call, subject, tomorrow } = await arrange(page, request);
  await page.goto(`/calendar?view=week&date=${tomorrow}`);
  await expect(page.getByTestId('user-menu')).toBeVisible();

  const event = page.getByTestId(`calendar-event-${call.id}`);
  await expect(
    page.getByTestId(`calendar-day-${tomorrow}`).getByTestId(`calendar-event-${call.id}`),
  ).toBeVisible();
  await expect(event).toContainText('10:00');
  await expect(event).toContainText(subject);
  // it sits on the 10:00 row of the user's zone
  const slotBox = await page.getByTestId(`calendar-slot-${tomorrow}-1000`).boundingBox();
  const eventBox = await event.boundingBox();
  expect(Math.abs((eventBox?.y ?? 0) - (slotBox?.y ?? 0))).toBeLessThan(3);
  await shot(page, 'calendar-week-desktop');

  // weeks start on Sunday in English: another day of the same week, at 14:00
  const other = weekday(tomorrow) === 6 ? addDays(tomorrow, -1) : addDays(tomorrow, 1);
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/activities/${call.id}`) && r.request().method() === 'PATCH',
  );
  await dragWithMouse(page, event, page.getByTestId(`calendar-slot-${other}-1400`));
  expect((await saved).ok()).toBeTruthy();
  await expect(
    page.getByTestId(`calendar-day-${other}`).getByTestId(`calendar-event-${call.id}`),
  ).toBeVisible();
  await expect(
    page.getByTestId(`calendar-day-${tomorrow}`).getByTestId(`calendar-event-${call.id}`),
  ).toHaveCount(0);
  const moved = (await api.get(`/api/v1/activities/${call.id}`)) as Activity;
  expect(Date.parse(moved.startAt)).toBe(Date.parse(`${other}T14:00:00+04:00`));
  // the call keeps its half hour
  expect(Date.parse(moved.endAt ?? '')).toBe(Date.parse(`${other}T14:30:00+04:00`));

  // the month view shows it on its new day
  await page.getByTestId('calendar-view').getByText('Month', { exact: true }).click();
  await expect(page).toHaveURL(/view=month/);
  await expect(
    page.getByTestId(`calendar-day-${other}`).getByTestId(`calendar-event-${call.id}`),
  ).toBeVisible();
  await shot(page, 'calendar-month-desktop');

  // dropped on a day of the month, it keeps its time of day
  const back = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/activities/${call.id}`) && r.request().method() === 'PATCH',
  );
  await dragWithMouse(
    page,
    page.getByTestId(`calendar-event-${call.id}`),
    page.getByTestId(`calendar-day-${tomorrow}`),
  );
  expect((await back).ok()).toBeTruthy();
  await expect(
    page.getByTestId(`calendar-day-${tomorrow}`).getByTestId(`calendar-event-${call.id}`),
  ).toBeVisible();
  const kept = (await api.get(`/api/v1/activities/${call.id}`)) as Activity;
  expect(Date.parse(kept.startAt)).toBe(Date.parse(`${tomorrow}T14:00:00+04:00`));
  // back returns to the week
  await page.goBack();
  await expect(page).toHaveURL(/view=week/);
  await expect(page.getByTestId('calendar-time-grid')).toBeVisible();

  // the keyboard way: open the call, type a new start, Enter
  const details = page.getByRole('dialog', { name: subject });
  // the week refetches after going back: press Enter on the event once it has settled
  await expect(async () => {
    await page.getByTestId(`calendar-event-${call.id}`).focus();
    await page.keyboard.press('Enter');
    await expect(details).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(details.getByTestId('calendar-details-record')).toHaveText(deal.title);
  await expect(details.getByTestId('calendar-details-record')).toHaveAttribute('href', `/deals/${deal.id}`);
  // the drawer has finished sliding in
  await expect(details).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)');
  await shot(page, 'calendar-details-desktop');
  const input = details.getByLabel('New start');
  await expect(input).toHaveValue(`${tomorrow}T14:00`);
  const again = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/activities/${call.id}`) && r.request().method() === 'PATCH',
  );
  await input.fill(`${tomorrow}T09:30`);
  await input.press('Enter');
  expect((await again).ok()).toBeTruthy();
  await expect(page.getByText(`“${subject}” moved to`)).toBeVisible();
  const typed = (await api.get(`/api/v1/activities/${call.id}`)) as Activity;
  expect(Date.parse(typed.startAt)).toBe(Date.parse(`${tomorrow}T09:30:00+04:00`));
  await page.keyboard.press('Escape');
  await expect(
    page.getByTestId(`calendar-day-${tomorrow}`).getByTestId(`calendar-event-${call.id}`),
  ).toBeVisible();
});

test('a move the server refuses goes back, with a message', async ({ page, request }) => {
  const { api, call, subject, tomorrow } = await arrange(page, request);
  // no live updates, so the page keeps the version it read while someone else changes the call
  await page.route('**/api/v1/events', (route) => route.abort());
  await page.goto(`/calendar?view=day&date=${tomorrow}`);
  const event = page.getByTestId(`calendar-event-${call.id}`);
  await expect(event).toBeVisible();
  await api.post(`/api/v1/activities/${call.id}/complete`, { result: 'Done by phone' });
  await api.post(`/api/v1/activities/${call.id}/reopen`, {});

  const refused = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/activities/${call.id}`) && r.request().method() === 'PATCH',
  );
  await dragWithMouse(page, event, page.getByTestId(`calendar-slot-${tomorrow}-1200`));
  expect((await refused).status()).toBe(409);
  await expect(page.getByText(`“${subject}” was changed by someone else`)).toBeVisible();
  const slotBox = await page.getByTestId(`calendar-slot-${tomorrow}-1000`).boundingBox();
  await expect
    .poll(async () => Math.abs(((await event.boundingBox())?.y ?? 0) - (slotBox?.y ?? 0)))
    .toBeLessThan(3);
  const stored = (await api.get(`/api/v1/activities/${call.id}`)) as Activity;
  expect(Date.parse(stored.startAt)).toBe(Date.parse(`${tomorrow}T10:00:00+04:00`));
});

test('the subscription dialog makes a secret iCal URL that serves the call, and revoking it ends it', async ({
  page,
  request,
}) => {
  const { subject } = await arrange(page, request);
  await page.goto('/calendar');
  await page.getByTestId('calendar-subscribe').click();
  const dialog = page.getByRole('dialog', { name: 'Subscribe in your calendar app' });
  await expect(dialog.getByTestId('calendar-feed-state')).toContainText('no subscription link yet');
  await dialog.getByTestId('calendar-feed-create').click();
  const url = await dialog.getByTestId('calendar-feed-url').inputValue();
  expect(url).toMatch(/\/ical\/[A-Za-z0-9_-]+\.ics$/);
  await shot(page, 'calendar-feed-desktop');

  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const body = await feed.text();
  expect(body).toContain('BEGIN:VCALENDAR');
  expect(body.replace(/\r\n[ \t]/g, '')).toContain(subject);

  // closed and opened again, the dialog no longer shows the URL, only that it exists and was read
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await page.getByTestId('calendar-subscribe').click();
  await expect(dialog.getByTestId('calendar-feed-state')).toContainText('A calendar app last read it');
  await expect(dialog.getByTestId('calendar-feed-url')).toHaveCount(0);
  await dialog.getByTestId('calendar-feed-revoke').click();
  await page.getByTestId('confirm').click();
  await expect(dialog.getByTestId('calendar-feed-create')).toBeVisible();
  expect((await request.get(url)).status()).toBe(404);
});

test('a department’s calendar shows its people’s activities; one that does not exist says so', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, ADMIN);
  const department = (await admin.post('/api/v1/departments', { name: uniq('Field sales') })) as {
    id: number;
    name: string;
  };
  const { call, tag, tomorrow } = await arrange(page, request, department.id);
  await page.goto(`/calendar?view=week&date=${tomorrow}`);
  await expect(page.getByTestId(`calendar-event-${call.id}`)).toBeVisible();

  await page.getByTestId('calendar-scope').click();
  await page.getByRole('option', { name: department.name }).click();
  await expect(page).toHaveURL(new RegExp(`department=${department.id}`));
  // several people's activities: each says whose it is
  await expect(page.getByTestId(`calendar-event-${call.id}`)).toBeVisible();
  await expect(page.getByTestId('calendar-scope')).toHaveValue(department.name);
  await page.getByTestId(`calendar-event-${call.id}`).click();
  await expect(page.getByRole('dialog')).toContainText(`Ani ${tag}`);
  await page.keyboard.press('Escape');

  await page.goto(`/calendar?view=week&department=2147483000`);
  const error = page.getByTestId('calendar-error');
  await expect(error).toContainText(
    'This department does not exist or its calendar is not available to you.',
  );
  await error.getByRole('button', { name: 'Back to my calendar' }).click();
  await expect(page).not.toHaveURL(/department=/);
  await expect(page.getByTestId('calendar-time-grid')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });
  test('the calendar opens on the day view; the month shows dots and the chosen day’s list', async ({
    page,
    request,
  }) => {
    const { call, subject, tomorrow } = await arrange(page, request);
    await page.goto('/calendar');
    const grid = page.getByTestId('calendar-time-grid');
    await expect(grid).toBeVisible();
    await expect(grid.locator('[data-testid^="calendar-day-"]')).toHaveCount(1);
    await page.getByTestId('calendar-next').click();
    await expect(page).toHaveURL(new RegExp(`date=${tomorrow}`));
    await expect(page.getByTestId(`calendar-event-${call.id}`)).toBeVisible();
    await shot(page, 'calendar-day-phone');

    await page.getByTestId('calendar-view').getByText('Month', { exact: true }).click();
    await page.getByTestId(`calendar-day-${tomorrow}`).getByRole('button').click();
    const list = page.getByTestId('calendar-agenda');
    await expect(list.getByTestId(`calendar-event-${call.id}`)).toContainText(subject);
    await shot(page, 'calendar-month-phone');
    await list.getByTestId(`calendar-event-${call.id}`).click();
    const details = page.getByRole('dialog', { name: subject });
    await expect(details).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)');
    await shot(page, 'calendar-details-phone');
  });
});
