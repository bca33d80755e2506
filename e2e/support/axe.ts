// Accessibility check with axe-core injected straight into the page: @axe-core/playwright would be
// simpler but its current versions need Node 22, and axe-core itself runs in the browser anyway.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';

const axePath = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
let axeSource: string | undefined;
const blocking: ImpactValue[] = ['serious', 'critical'];

/**
 * Runs axe on the current page (WCAG 2.x A/AA rules, plus axe's experimental rules such as
 * label-content-name-mismatch, WCAG 2.5.3 "label in name") and returns every violation found.
 */
export async function axeViolations(page: Page, options: RunOptions = {}): Promise<Result[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not added as a <script>: the app's CSP (script-src
  // 'self') rightly blocks inline scripts, and bypassCSP would hide the app's own CSP mistakes.
  axeSource ??= readFileSync(axePath, 'utf8');
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(
    async (runOptions) => {
      const axe = (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } })
        .axe;
      return axe.run(document, runOptions);
    },
    {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'experimental'],
      },
      ...options,
    } satisfies RunOptions,
  );
  return results.violations;
}

function describe(violation: Result): string {
  const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 5);
  return `[${violation.impact}] ${violation.id}: ${violation.help}\n    ${targets.join('\n    ')}`;
}

/**
 * Fails the test on any serious or critical violation on the current screen, naming rule and
 * elements; minor and moderate ones are attached to the report so they stay visible.
 */
export async function expectAccessible(
  page: Page,
  screen: string,
  options: RunOptions = {},
): Promise<Result[]> {
  const violations = await axeViolations(page, options);
  if (violations.length > 0) {
    await test.info().attach(`axe-${screen}.json`, {
      body: JSON.stringify(violations, null, 2),
      contentType: 'application/json',
    });
  }
  const serious = violations.filter((v) => v.impact && blocking.includes(v.impact));
  expect(serious.map(describe), `axe: serious or critical violations on "${screen}"`).toEqual([]);
  return violations;
}
