// Small page helpers for the web app: what a person does, in their words, so specs read as stories.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshots } from '../support/index.ts';

/** Checks a screen with axe and saves its 360 px and 1280 px screenshots. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await expectAccessible(page, name);
  // Again at phone width, where the menu and forms are laid out differently (and tap-target
  // sizes matter most).
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    await expectAccessible(page, `${name}-360`);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
  await screenshots(page, name);
}

export async function chooseLanguage(page: Page, code: 'en' | 'zu' | 'hi'): Promise<void> {
  await page.locator('#language-switch').selectOption(code);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

/** Waits until the service worker controls the page, so the shell is cached for offline use. */
export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
