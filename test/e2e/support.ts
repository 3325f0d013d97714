import fs from 'node:fs';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password' };
const SHOTS = 'test-results/screens';

export async function signIn(page: Page, who: { email: string; password: string } = ADMIN): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[type=email]').fill(who.email);
  await page.locator('input[type=password]').fill(who.password);
  await page.locator('button[type=submit]').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Saves a screenshot of the current screen for people to look at (not an assertion). */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** An API client signed in as the given user, for arranging data quickly. */
export async function apiAs(request: APIRequestContext, who: { email: string; password: string } = ADMIN) {
  const res = await request.post('/api/v1/auth/login', { data: who });
  expect(res.ok()).toBeTruthy();
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  return {
    post: async (url: string, data: unknown) => {
      const r = await request.post(url, { data, headers });
      expect(r.ok(), `${url}: ${await r.text()}`).toBeTruthy();
      return r.json();
    },
    get: async (url: string) => (await request.get(url)).json(),
  };
}
