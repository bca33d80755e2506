// Shared helpers of the end-to-end tests: `import { expectAccessible, screenshots } from './support/index.ts'`.
export { axeViolations, expectAccessible } from './axe.ts';
export { screensDir, screenshots, widths } from './screenshots.ts';
