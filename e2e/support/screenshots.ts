// Screenshots of the current screen at phone (360 px) and desktop (1280 px) width, kept as test
// artifacts in e2e/artifacts/screens/ so reviewers can see every screen without running the app.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Page, test } from '@playwright/test';

export const screensDir = fileURLToPath(new URL('../artifacts/screens/', import.meta.url));
export const widths = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** Saves `<name>-360.png` and `<name>-1280.png` (full page), then restores the page's viewport. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(screensDir, { recursive: true });
  const safe = name.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const original = page.viewportSize();
  const files: string[] = [];
  try {
    for (const { width, height } of widths) {
      await page.setViewportSize({ width, height });
      // Let layout and web fonts settle at the new width before capturing.
      await page.evaluate(() => document.fonts.ready.then(() => new Promise(requestAnimationFrame)));
      const path = `${screensDir}${safe}-${width}.png`;
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      await test.info().attach(`${safe}-${width}.png`, { path, contentType: 'image/png' });
      files.push(path);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  return files;
}
