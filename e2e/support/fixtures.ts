// `test` for end-to-end specs: Playwright's, plus a guard that fails a test when the page throws an
// uncaught error (a broken screen can still look fine in a screenshot), and console errors — CSP
// violations among them — attached to the report.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ pageErrors: Error[] }>({
  pageErrors: [
    async ({ page }, use, testInfo) => {
      const errors: Error[] = [];
      const consoleErrors: string[] = [];
      page.on('pageerror', (error) => errors.push(error));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await use(errors);
      if (consoleErrors.length > 0) {
        await testInfo.attach('console-errors.txt', {
          body: consoleErrors.join('\n'),
          contentType: 'text/plain',
        });
      }
      expect(
        errors.map((error) => error.message),
        'uncaught errors in the page',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
