// End-to-end tests in Debian's Chromium against a real `coproduce serve` on a fresh data folder and
// a free port, so a run never touches a developer's server or data (and never reuses one).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { defineConfig } from '@playwright/test';

// The server reads these from its environment, and Playwright passes process.env on to it.
delete process.env.DATABASE_URL;
delete process.env.TRUST_PROXY;

// Playwright loads this file again in each worker; the values are chosen once, in the runner,
// and inherited by the workers through the environment so everyone talks to the same server.
process.env.COPRODUCE_E2E_PORT ??= execFileSync(
  process.execPath,
  [
    '-e',
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ],
  { encoding: 'utf8' },
).trim();
process.env.COPRODUCE_E2E_DATA_DIR ??= mkdtempSync(`${tmpdir()}/coproduce-e2e-`);
const port = process.env.COPRODUCE_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  testIgnore: ['**/support/**', '**/artifacts/**'],
  outputDir: 'e2e/artifacts/test-output',
  // One server with one database holds the story (setup → invite → redeem), so tests run in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI === 'true',
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'e2e/artifacts/results.json' }]],
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.COPRODUCE_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node apps/server/bin/coproduce.mjs serve',
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets the server close its database cleanly before the data folder is removed.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: port,
      DATA_DIR: process.env.COPRODUCE_E2E_DATA_DIR,
      PUBLIC_URL: baseURL,
    },
  },
});
