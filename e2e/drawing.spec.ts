// Drawing on the settlement map (issue #8) in a real browser, on a server of its own with the demo
// workspace: the coordinator adds an empty settlement, draws its boundary by tapping four corners
// (taking one back on the way), draws section A inside it and changes its corners one at a time,
// then a boundary that crosses itself, which is refused with where it crosses and changes nothing,
// then one on a stale version, kept as a conflict and said so. A member sees no drawing controls.
// Every screen is checked with axe and photographed at 360 px and 1280 px.
import type { Page } from '@playwright/test';
import { checkScreen } from './pages/app.ts';
import { api, type CollectWorld, signIn, signInApi, startCollectWorld } from './support/collect-world.ts';
import { expect, test } from './support/index.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let world: CollectWorld;
let page: Page;
let settlementUrl = '';
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

const map = () => page.getByRole('region', { name: /Map of Kopano/ });

/** Taps the map at a place given as fractions of its width and height from its top left. */
async function tap(x: number, y: number) {
  await map().scrollIntoViewIfNeeded();
  const box = await map().boundingBox();
  if (!box) throw new Error('the map has no box');
  await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
}

async function settlement() {
  const { ctx } = await signInApi(world.base, world.coordinator, world.password);
  const ws = `/api/workspaces/${world.workspaceId}`;
  const id = settlementUrl.split('/').pop() ?? '';
  const read = await api(ctx, 'GET', `${ws}/settlements/${id}`);
  const sections = await api(ctx, 'GET', `${ws}/settlements/${id}/sections`);
  await ctx.dispose();
  return { ...read, sectionList: sections.items };
}

test('the coordinator draws the boundary of a new settlement corner by corner', async () => {
  await signIn(page, world.coordinator, world.password);
  await expect(page).not.toHaveURL(/\/sign-in$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Settlements' }).click();
  await page.getByRole('button', { name: 'Add a settlement' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Kopano');
  await page.getByRole('button', { name: 'Add the settlement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kopano' })).toBeVisible();
  settlementUrl = new URL(page.url()).pathname;
  await expect(map()).toHaveAttribute('data-drawn', '0', { timeout: 20_000 });
  await expect(page.getByText(/import the boundary and sections as a GeoJSON map file/)).toBeVisible();

  await page.getByRole('button', { name: 'Draw the boundary' }).click();
  await expect(page.getByText('Tap the map at each corner of the boundary, in order.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finish and save' })).toBeDisabled();
  await tap(0.2, 0.2);
  await tap(0.8, 0.2);
  await tap(0.5, 0.5);
  await expect(page.getByText(/3 corners so far/)).toBeVisible();
  await page.getByRole('button', { name: 'Undo last point' }).click();
  await expect(page.getByText(/2 corners so far/)).toBeVisible();
  await tap(0.8, 0.8);
  await tap(0.2, 0.8);
  await expect(page.getByText(/4 corners so far/)).toBeVisible();
  await checkScreen(page, 'drawing-boundary');

  await page.getByRole('button', { name: 'Finish and save' }).click();
  await expect(page.getByText('Saved. The map shows the new shape.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Draw the boundary again' })).toBeVisible();
  const saved = await settlement();
  expect(saved.areaHa).toBeGreaterThan(0);
  expect(saved.boundary.coordinates[0]).toHaveLength(5);
  expect(saved.hasConflict).toBe(false);
});

test('a section A is drawn inside the boundary and listed', async () => {
  await page.getByRole('button', { name: 'Draw a section' }).click();
  await expect(page.getByRole('button', { name: 'Finish and save' })).toBeDisabled();
  await page.getByLabel('Section code').fill('A');
  await page.getByLabel('Section name (optional)').fill('Upper');
  await tap(0.3, 0.3);
  await tap(0.5, 0.3);
  await tap(0.5, 0.5);
  await tap(0.3, 0.5);
  await page.getByRole('button', { name: 'Finish and save' }).click();
  await expect(page.getByText('Saved. The map shows the new shape.')).toBeVisible();
  const sections = page.getByRole('region', { name: 'Sections' });
  await expect(sections.getByRole('listitem')).toHaveText(['A Upper']);
  await expect(map().locator('.section-label')).toHaveText('A');
  await expect(
    page
      .getByRole('term')
      .filter({ hasText: /^Sections$/ })
      .locator('+ dd'),
  ).toHaveText('1');
  const { sectionList } = await settlement();
  expect(sectionList).toHaveLength(1);
  expect(sectionList[0].boundary.coordinates[0]).toHaveLength(5);
  await expect(page.getByLabel('Section to draw again')).toHaveValue(sectionList[0].id);
  await checkScreen(page, 'drawing-section-saved');
});

test("section A's corners are changed one at a time: moved by a tap, added on a side, removed by keyboard", async () => {
  const before = (await settlement()).sectionList[0];
  const lons = (ring: number[][]) => ring.map((c) => c[0] as number);
  const lats = (ring: number[][]) => ring.map((c) => c[1] as number);
  await page.getByRole('button', { name: "Change this section's corners" }).click();
  await expect(page.getByText(/^Changing section A: .* 4 corners so far/)).toBeVisible();
  // A tap on a corner chooses it; the next tap is where it goes.
  await tap(0.5, 0.5);
  await expect(page.getByText('Corner 3 is chosen: tap where it should go.')).toBeVisible();
  await expect(page.getByLabel('Corner to change')).toHaveValue('2');
  await checkScreen(page, 'drawing-corner-chosen');
  await tap(0.6, 0.6);
  await expect(page.getByText(/4 corners so far/)).toBeVisible();
  await expect(page.getByLabel('Corner to change')).toHaveValue('');
  // A tap away from the corners adds one to the nearest side (the top), not at the end.
  await tap(0.4, 0.25);
  await expect(page.getByText(/5 corners so far/)).toBeVisible();
  // By keyboard: choose corner 1 and remove it.
  await page.getByLabel('Corner to change').selectOption({ label: 'Corner 1' });
  await page.getByRole('button', { name: 'Remove corner 1' }).click();
  await expect(page.getByText(/4 corners so far/)).toBeVisible();
  await page.getByRole('button', { name: 'Finish and save' }).click();
  await expect(page.getByText('Saved. The map shows the new shape.')).toBeVisible();
  const after = (await settlement()).sectionList[0];
  expect(after.id).toBe(before.id);
  const [was, is] = [before.boundary.coordinates[0], after.boundary.coordinates[0]];
  expect(is).toHaveLength(5);
  // Corner 3 went right and down; the first corner is now the one added on the top side.
  expect(Math.max(...lons(is))).toBeGreaterThan(Math.max(...lons(was)));
  expect(Math.min(...lats(is))).toBeLessThan(Math.min(...lats(was)));
  expect(Math.max(...lats(is))).toBeGreaterThan(Math.max(...lats(was)));
  expect(is).not.toContainEqual(was[0]);
  expect(is).toContainEqual(was[1]);
  expect(is).toContainEqual(was[3]);
});

test('a boundary that crosses itself is refused with where it crosses, and nothing changes', async () => {
  const before = await settlement();
  await page.getByRole('button', { name: 'Draw the boundary again' }).click();
  // A bow tie: the line from the first corner to the second crosses the third to the fourth.
  await tap(0.25, 0.25);
  await tap(0.75, 0.75);
  await tap(0.75, 0.25);
  await tap(0.25, 0.75);
  await page.getByRole('button', { name: 'Finish and save' }).click();
  await expect(page.getByText(/^The boundary cannot be used as drawn/)).toBeVisible();
  const problems = page.getByRole('list', { name: 'Problems with the shape drawn' });
  await expect(problems.getByRole('listitem')).toHaveText([
    /^The line from corner \d: The boundary crosses itself\. Redraw it so that its lines do not cross\.$/,
  ]);
  // Still drawing: the corners can be taken back and tapped again, or the drawing cancelled.
  await expect(page.getByText(/4 corners so far/)).toBeVisible();
  await checkScreen(page, 'drawing-refused');
  await page.getByRole('button', { name: 'Cancel' }).click();
  const after = await settlement();
  expect(after.versionId).toBe(before.versionId);
  expect(after.areaHa).toBe(before.areaHa);
});

test('a boundary drawn on a version someone else changed is kept as a conflict, and said so', async () => {
  const { ctx, csrf } = await signInApi(world.base, world.coordinator, world.password);
  const id = settlementUrl.split('/').pop() ?? '';
  const read = await settlement();
  await api(
    ctx,
    'PATCH',
    `/api/workspaces/${world.workspaceId}/settlements/${id}`,
    { baseVersionId: read.versionId, ward: '7' },
    csrf,
  );
  await ctx.dispose();
  // The page still holds the version it read before the ward was changed.
  await page.getByRole('button', { name: 'Draw the boundary again' }).click();
  await tap(0.15, 0.15);
  await tap(0.85, 0.15);
  await tap(0.85, 0.85);
  await page.getByRole('button', { name: 'Finish and save' }).click();
  await expect(page.getByText(/^Saved, but someone changed this after you opened the page/)).toBeVisible();
  expect((await settlement()).hasConflict).toBe(true);
});

test('a member sees the drawn map but no drawing controls', async ({ browser }) => {
  const other = await (await browser.newContext({ baseURL: world.base })).newPage();
  try {
    await signIn(other, 'demo-member', world.password);
    await expect(other).not.toHaveURL(/\/sign-in$/);
    await other.goto(settlementUrl);
    await expect(other.getByRole('heading', { level: 1, name: 'Kopano' })).toBeVisible();
    await expect(other.getByRole('region', { name: /Map of Kopano/ })).toHaveAttribute('data-drawn', '0', {
      timeout: 20_000,
    });
    await expect(other.getByRole('button', { name: /^Draw/ })).toHaveCount(0);
    await expect(other.getByLabel('Section to draw again')).toHaveCount(0);
  } finally {
    await other.context().close();
  }
});
