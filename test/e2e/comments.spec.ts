import { expect, type Page, test } from '@playwright/test';
import { ADMIN, apiAs, PHONE, shot, signIn, uniq } from './support';

interface Rec {
  id: number;
}

const commentPosted = (page: Page, dealId: number) =>
  page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/deals/${dealId}/comments`) && r.request().method() === 'POST',
  );

/** A colleague with a role that reads every deal, so a mention on the administrator's deal reaches them. */
async function createColleague(admin: Awaited<ReturnType<typeof apiAs>>) {
  const roles = (await admin.get('/api/v1/roles')) as { items: { id: number; code: string }[] };
  const tag = uniq('Mention').replace(' ', '');
  const colleague = {
    email: `${tag}@e2e.local`.toLowerCase(),
    password: 'colleague-password-1',
    name: 'Narine',
    lastName: tag,
  };
  const user = (await admin.post('/api/v1/users', {
    ...colleague,
    roleId: roles.items.find((r) => r.code === 'sales_head')?.id,
  })) as Rec;
  return { ...colleague, id: user.id, fullName: `Narine ${tag}` };
}

test('a comment mentioning a colleague shows in the timeline and in their bell, which opens the deal', async ({
  page,
  browser,
  request,
}) => {
  const admin = await apiAs(request, ADMIN);
  const colleague = await createColleague(admin);
  const title = uniq('20 laptops');
  const deal = (await admin.post('/api/v1/deals', { title, amount: '12000.00' })) as Rec;
  await admin.post('/api/v1/activities', {
    type: 'call',
    subject: 'Agree on the delivery date',
    startAt: new Date(Date.now() + 86_400_000).toISOString(),
    ownerEntity: 'deal',
    ownerId: deal.id,
  });

  await signIn(page);
  await page.goto(`/deals/${deal.id}`);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-activity')).toContainText('Agree on the delivery date');

  // "@" and part of the last name list the colleague; Enter picks them and the field shows the name
  const input = page.getByTestId('comment-input');
  await input.click();
  await input.pressSequentially(`Please send the quote today, @${colleague.lastName.slice(0, 10)}`);
  const option = page.getByTestId('mention-options').getByRole('option', { name: colleague.fullName });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(input).toHaveValue(`Please send the quote today, @${colleague.fullName} `);
  await input.pressSequentially('thanks!');
  const posted = commentPosted(page, deal.id);
  await input.press('Control+Enter');
  const res = await posted;
  expect(res.status()).toBe(201);
  expect(((await res.json()) as { body: string }).body).toBe(
    `Please send the quote today, @[${colleague.fullName}](user:${colleague.id}) thanks!`,
  );
  await expect(input).toHaveValue('');

  // the comment heads the timeline, the mention shown as a chip with the colleague's name
  const first = timeline.getByTestId('history').locator(':scope > li').first();
  await expect(first).toHaveAttribute('data-testid', 'timeline-comment');
  await expect(first.locator(`[data-user-id="${colleague.id}"]`)).toHaveText(`@${colleague.fullName}`);
  await expect(first.getByTestId('comment-body')).toHaveText(
    `Please send the quote today, @${colleague.fullName} thanks!`,
  );
  await shot(page, 'deal-timeline-desktop');

  // the filter chips show one kind at a time
  const showOnly = async (name: string) => {
    // a chip is a radio button under its label
    await timeline
      .locator('label')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
    await expect(timeline.getByRole('radio', { name, exact: true })).toBeChecked();
  };
  await showOnly('Comments');
  await expect(timeline.getByTestId('timeline-comment')).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-activity')).toHaveCount(0);
  await expect(timeline.getByTestId('history-entry')).toHaveCount(0);
  await showOnly('Activities');
  await expect(timeline.getByTestId('timeline-activity')).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-comment')).toHaveCount(0);
  await showOnly('Changes');
  await expect(timeline.getByTestId('history-entry').first()).toBeVisible();
  await expect(timeline.getByTestId('timeline-comment')).toHaveCount(0);
  await expect(timeline.getByTestId('timeline-activity')).toHaveCount(0);
  await showOnly('All');
  await expect(timeline.getByTestId('timeline-comment')).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-activity')).toHaveCount(1);

  // the colleague, in a browser of their own, has one unread notification
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const theirs = await other.newPage();
    await signIn(theirs, colleague);
    const bell = theirs.getByTestId('notification-bell');
    await expect(bell).toHaveAccessibleName('Notifications: 1 unread');
    await expect(theirs.getByTestId('notification-count')).toHaveText('1');
    await bell.click();
    const item = theirs.getByTestId('notifications-panel').getByTestId('notification').first();
    await expect(item).toContainText('Administrator');
    await expect(item).toContainText(`mentioned you on the deal “${title}”`);
    await expect(item).toContainText(`@${colleague.fullName}`);
    await shot(theirs, 'notifications-desktop');

    // opening it lands on the deal without a reload and marks it read
    await theirs.evaluate(() => {
      (globalThis as { marker?: string }).marker = 'same page';
    });
    await item.click();
    await expect(theirs).toHaveURL(new RegExp(`/deals/${deal.id}$`));
    await expect(theirs.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(theirs.getByTestId('timeline-comment').first()).toContainText('Please send the quote today');
    await expect(bell).toHaveAccessibleName('Notifications');
    await expect(theirs.getByTestId('notification-count')).toHaveCount(0);
    expect(await theirs.evaluate(() => (globalThis as { marker?: string }).marker)).toBe('same page');
  } finally {
    await other.close();
  }

  // on a phone the timeline sits below the fields, and the bell opens a full-width drawer
  const phone = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: PHONE });
  try {
    const small = await phone.newPage();
    await signIn(small, colleague);
    await small.goto(`/deals/${deal.id}`);
    const comment = small.getByTestId('timeline-comment').first();
    await expect(comment).toContainText('Please send the quote today');
    await small.getByTestId('timeline').scrollIntoViewIfNeeded();
    await shot(small, 'deal-timeline-phone');
    await small.getByTestId('notification-bell').click();
    const drawer = small.getByRole('dialog', { name: 'Notifications' });
    await expect(drawer.getByTestId('notification').first()).toContainText(title);
    // wait for the drawer to finish sliding in: then it covers the whole width
    await expect.poll(async () => (await drawer.boundingBox())?.x).toBe(0);
    expect((await drawer.boundingBox())?.width).toBe(PHONE.width);
    await shot(small, 'notifications-phone');
  } finally {
    await phone.close();
  }
});

test('an author edits and deletes their comment; the server refusal is shown under the field', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, ADMIN);
  const deal = (await admin.post('/api/v1/deals', { title: uniq('Edited comments') })) as Rec;
  await signIn(page);
  await page.goto(`/deals/${deal.id}`);
  const input = page.getByTestId('comment-input');

  // a mention of someone who is not an active user: the API's 400 appears under the field
  await input.fill('Ask @[Ghost](user:999999) about it');
  await page.getByTestId('comment-send').click();
  await expect(page.getByTestId('comment-composer')).toContainText(
    '#999999 is not an active user and cannot be mentioned.',
  );
  await expect(page.getByTestId('timeline-comment')).toHaveCount(0);

  await input.fill('First draft of the terms');
  await input.press('Control+Enter');
  const comment = page.getByTestId('timeline-comment').first();
  await expect(comment.getByTestId('comment-body')).toHaveText('First draft of the terms');

  await comment.getByTestId('comment-menu').click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = comment.getByTestId('comment-edit-input');
  await expect(edit).toBeFocused();
  await edit.fill('Final terms: 30 days, 2% discount');
  await edit.press('Control+Enter');
  await expect(comment.getByTestId('comment-body')).toHaveText('Final terms: 30 days, 2% discount');
  await expect(comment).toContainText('edited');

  await comment.getByTestId('comment-menu').click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('timeline-comment')).toHaveCount(0);
  const left = (await admin.get(`/api/v1/deals/${deal.id}/comments`)) as { items: unknown[] };
  expect(left.items).toHaveLength(0);
});
