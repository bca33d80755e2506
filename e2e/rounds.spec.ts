// Enumeration rounds (issue #8) in a real browser, on a server of its own with the demo workspace:
// the coordinator opens Sonop, sees the demo round in its rounds, opens the round page with its
// six steps and progress by section A–D, starts a new round, moves it on from planning to
// numbering and steps it back with a reason; a member reads the round page with no move buttons.
// Every screen is checked with axe and photographed at 360 px and 1280 px.
import type { Page } from '@playwright/test';
import { checkScreen } from './pages/app.ts';
import { api, type CollectWorld, signIn, signInApi, startCollectWorld } from './support/collect-world.ts';
import { expect, test } from './support/index.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let world: CollectWorld;
let page: Page;
let settlementUrl = '';
let demoRoundUrl = '';
let newRoundUrl = '';
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  world = await startCollectWorld();
  page = await (await browser.newContext({ baseURL: world.base })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

test.afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

test.afterAll(async () => {
  await page?.context().close();
  await world?.stop();
});

const steps = (p: Page) => p.getByRole('region', { name: 'Steps' }).getByRole('listitem');

test("the coordinator sees Sonop's demo round in its rounds and opens it", async () => {
  await signIn(page, world.coordinator, world.password);
  await expect(page).not.toHaveURL(/\/sign-in$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Settlements' }).click();
  await page.getByRole('link', { name: 'Sonop', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sonop' })).toBeVisible();
  settlementUrl = new URL(page.url()).pathname;
  const rounds = page.getByRole('region', { name: 'Rounds' });
  const demo = rounds.getByRole('listitem').filter({ hasText: /Sonop enumeration \d{4}/ });
  await expect(demo).toHaveCount(1);
  await expect(demo).toContainText(/enumerating|verifying/);
  await expect(rounds.getByText('Start a round')).toBeVisible();
  await demo.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Sonop enumeration \d{4}/ })).toBeVisible();
  demoRoundUrl = new URL(page.url()).pathname;
  expect(demoRoundUrl).toMatch(/\/rounds\/[^/]+$/);
});

test('the round page: six steps with the current one said, progress by section A–D, household counts', async () => {
  await expect(steps(page)).toHaveCount(6);
  const current = page.locator('[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('(current step)');
  await expect(current).toContainText(/enumerating|verifying/);
  const progress = page.getByRole('region', { name: 'Progress by section' });
  for (const code of ['A', 'B', 'C', 'D'])
    await expect(progress.getByRole('rowheader', { name: code, exact: true })).toBeVisible();
  const total = progress
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'All sections' }) });
  await expect(total.getByText(/^\d+%$/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Households and people' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Move on to / })).toBeVisible();
  await checkScreen(page, 'round-page');
});

test('the coordinator starts a round, moves it on to numbering, steps it back with a reason; a stale move is refused in words', async () => {
  await page.goto(settlementUrl);
  const rounds = page.getByRole('region', { name: 'Rounds' });
  await rounds.getByText('Start a round').click();
  await page.getByLabel('Name of the round').fill('Sonop recount 2027');
  await page.getByLabel('Start date (optional)').fill('2027-02-01');
  await page.getByLabel('End date (optional)').fill('2027-03-15');
  // The workspace's published forms are offered; the round uses the door count form.
  await page.getByLabel('Form used in the round (optional)').selectOption({ label: 'Door count' });
  await checkScreen(page, 'round-start');
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sonop recount 2027' })).toBeVisible();
  newRoundUrl = new URL(page.url()).pathname;
  const admin = await signInApi(world.base, world.coordinator, world.password);
  const saved = await api(
    admin.ctx,
    'GET',
    `/api/workspaces/${world.workspaceId}/rounds/${newRoundUrl.split('/').pop()}`,
  );
  await admin.ctx.dispose();
  expect(saved).toMatchObject({ formId: world.formId, startDate: '2027-02-01', endDate: '2027-03-15' });
  await expect(page.locator('[aria-current="step"]')).toContainText('planning');
  // No step back from planning, the first step.
  await expect(page.getByRole('button', { name: /^Step back/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Move on to numbering' }).click();
  await expect(page.locator('[aria-current="step"]')).toContainText('numbering');
  await expect(steps(page).first()).toContainText('(done)');
  await page.getByText('Step back one step…').click();
  const back = page.getByRole('button', { name: 'Step back to planning' });
  await expect(back).toBeDisabled();
  await page.getByLabel('Why step back?').fill('The section maps were not ready');
  await checkScreen(page, 'round-numbering');
  await back.click();
  await expect(page.locator('[aria-current="step"]')).toContainText('planning');
  await expect(page.getByRole('button', { name: 'Move on to numbering' })).toBeVisible();

  // Moved on elsewhere meanwhile (another coordinator's screen): this one's move is refused, in words.
  const other = await signInApi(world.base, world.coordinator, world.password);
  const roundPath = `/api/workspaces/${world.workspaceId}/rounds/${newRoundUrl.split('/').pop()}`;
  const read = await api(other.ctx, 'GET', roundPath);
  await api(
    other.ctx,
    'POST',
    `${roundPath}/status`,
    { baseVersionId: read.versionId, status: 'numbering' },
    other.csrf,
  );
  await other.ctx.dispose();
  await page.getByRole('button', { name: 'Move on to numbering' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Someone else changed this meanwhile' }),
  ).toBeVisible();
  await page.reload();
  await expect(page.locator('[aria-current="step"]')).toContainText('numbering');

  await page.goto(settlementUrl);
  const listed = page
    .getByRole('region', { name: 'Rounds' })
    .getByRole('listitem')
    .filter({ hasText: 'Sonop recount 2027' });
  await expect(listed).toContainText('numbering');
});

test('a member reads the round page with no move buttons and no start form', async ({ browser }) => {
  const other = await (await browser.newContext({ baseURL: world.base })).newPage();
  try {
    await signIn(other, 'demo-member', world.password);
    await expect(other).not.toHaveURL(/\/sign-in$/);
    await other.goto(settlementUrl);
    await expect(other.getByRole('heading', { level: 1, name: 'Sonop' })).toBeVisible();
    await expect(other.getByRole('region', { name: 'Rounds' }).getByRole('link')).toHaveCount(2);
    await expect(other.getByText('Start a round')).toHaveCount(0);
    await other.goto(demoRoundUrl);
    await expect(other.getByRole('heading', { level: 1, name: /Sonop enumeration \d{4}/ })).toBeVisible();
    await expect(steps(other)).toHaveCount(6);
    await expect(other.getByRole('heading', { level: 2, name: 'Progress by section' })).toBeVisible();
    await expect(
      other.getByText('Counting only households that agreed to community planning.'),
    ).toBeVisible();
    await expect(other.locator('[data-endpoint="moveRound"]')).toHaveCount(0);
    await expect(other.getByRole('heading', { name: 'Move the round' })).toHaveCount(0);
    await checkScreen(other, 'round-page-member');
    await other.goto(newRoundUrl);
    await expect(other.getByRole('heading', { level: 1, name: 'Sonop recount 2027' })).toBeVisible();
  } finally {
    await other.context().close();
  }
});
