import fs from 'node:fs';
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';

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
    patch: async (url: string, data: unknown) => {
      const r = await request.patch(url, { data, headers });
      expect(r.ok(), `${url}: ${await r.text()}`).toBeTruthy();
      return r.json();
    },
    get: async (url: string) => (await request.get(url)).json(),
  };
}

/** A phone-sized viewport for the phone smoke screens. */
export const PHONE = { width: 375, height: 740 };

/** A name no other test of this run (or an earlier run) has used: the database is shared by all tests. */
export function uniq(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export interface Stage {
  id: number;
  name: string;
  semantics: 'process' | 'won' | 'lost';
}

/** The default pipeline, with its stages in order. */
export async function defaultPipeline(
  api: Awaited<ReturnType<typeof apiAs>>,
): Promise<{ id: number; stages: Stage[] }> {
  const { items } = (await api.get('/api/v1/pipelines')) as {
    items: { id: number; isDefault: boolean; stages: Stage[] }[];
  };
  const pipeline = items.find((p) => p.isDefault) ?? items[0];
  if (!pipeline) throw new Error('no pipeline');
  return pipeline;
}

/** The default pipeline's stages in order. */
export async function defaultStages(api: Awaited<ReturnType<typeof apiAs>>): Promise<Stage[]> {
  return (await defaultPipeline(api)).stages;
}

/**
 * Drags with a real mouse: press on the source's centre, move in small steps (well past the 5 px
 * activation distance) to a point of the target, release.
 */
export async function dragWithMouse(
  page: Page,
  source: Locator,
  target: Locator,
  at: { x?: number; y?: number } = {},
): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not on the screen');
  const startX = from.x + from.width / 2;
  const startY = from.y + from.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  // a first short move starts the drag, the rest carries the card over
  await page.mouse.move(startX + 12, startY + 4, { steps: 4 });
  await page.mouse.move(to.x + (at.x ?? to.width / 2), to.y + (at.y ?? to.height / 2), { steps: 15 });
  await page.mouse.up();
}
