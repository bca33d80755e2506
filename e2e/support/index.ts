// Shared helpers of the end-to-end tests:
//   import { expect, expectAccessible, screenshots, test } from './support/index.ts';
export { axeViolations, expectAccessible } from './axe.ts';
export { coproduce } from './cli.ts';
export { expect, test } from './fixtures.ts';
export { screensDir, screenshots, widths } from './screenshots.ts';
