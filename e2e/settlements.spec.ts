// Settlements on the map (issue #8) in a real browser, on a server of its own with the demo
// workspace (its Sonop settlement: sections, a few hundred structures, facilities, a round): the
// demo coordinator opens the settlements list, Sonop with its canvas map and legend, places a
// structure by tapping the map, opens a structure and resolves a conflict made by two phones,
// and carries Sonop's map file (GeoJSON) into a new settlement.
// Every screen is checked with axe and photographed at 360 px and 1280 px.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkScreen, chooseLanguage } from './pages/app.ts';
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
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      pageErrors.push(message.text());
  });
});

test.afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

test.afterAll(async () => {
  await page?.context().close();
  await world?.stop();
});

test('the coordinator finds Sonop in the settlements list', async () => {
  await signIn(page, world.coordinator, world.password);
  await expect(page).not.toHaveURL(/\/sign-in$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Settlements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settlements' })).toBeVisible();
  const sonop = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Sonop' }) });
  await expect(sonop.getByText(/numbered/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a settlement' })).toBeVisible();
  await checkScreen(page, 'settlements-list');
  await sonop.getByRole('link', { name: 'Sonop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sonop' })).toBeVisible();
  settlementUrl = new URL(page.url()).pathname;
});

test('Sonop: profile, the map drawn on a canvas with its legend, coverage and facilities', async () => {
  const map = page.getByRole('region', { name: /Map of Sonop/ });
  await expect(map).toHaveAttribute('data-drawn', /^[1-9]\d+$/, { timeout: 20_000 });
  const drawn = Number(await map.getAttribute('data-drawn'));
  expect(drawn).toBeGreaterThan(100);
  await expect(map.locator('canvas')).toHaveCount(1);
  const ms = await page.evaluate(() => performance.getEntriesByName('mapDrawMs')[0]?.duration ?? -1);
  expect(ms).toBeGreaterThan(0);
  const legend = page.getByRole('region', { name: 'Key' });
  for (const word of ['Numbered', 'Enumerated', 'Verified', 'Disputed', 'Not working'])
    await expect(legend.getByText(word, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Coverage' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'All sections' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Facilities' })).toBeVisible();
  await checkScreen(page, 'settlement-page');
});

test('tapping a structure tells its number and status; a new one is placed by tapping the map', async () => {
  const map = page.getByRole('region', { name: /Map of Sonop/ });
  // A structure's point on the screen, from the structures table (the map's text alternative).
  await page.getByText('Show the list of structures').click();
  const first = page.locator('#structures-table tbody tr').first();
  const number = (await first.getByRole('rowheader').textContent())?.trim() ?? '';
  expect(number).not.toBe('');

  await page.getByRole('button', { name: 'Place a structure' }).click();
  await expect(page.getByText('Tap the map where the structure is.')).toBeVisible();
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (!box) throw new Error('the map has no box');
  // Near the middle of the settlement, in one of its sections (proposed from the point).
  await page.mouse.click(box.x + box.width / 2 + 5, box.y + box.height / 2 + 5);
  await expect(page.getByLabel('Section', { exact: true })).not.toHaveValue('');
  await page.getByLabel('Painted number').fill('Z-9001');
  await page.getByRole('button', { name: 'Save the structure' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Structure Z-9001' })).toBeVisible();
  await expect(page.locator('.map-panel').getByText(/Numbered/)).toBeVisible();
  await expect(map).toHaveAttribute('data-drawn', /\d+/);

  // Moved a little: a change on the version it was read at.
  await page.locator('.map-panel').getByRole('button', { name: 'Move it' }).click();
  await expect(page.getByText('Tap the map where Z-9001 really is.')).toBeVisible();
  await map.scrollIntoViewIfNeeded();
  const again = (await map.boundingBox()) ?? box;
  await page.mouse.click(again.x + again.width / 2 + 25, again.y + again.height / 2 + 15);
  await expect(page.getByRole('heading', { level: 3, name: 'Structure Z-9001' })).toBeVisible();

  await page.locator('.map-panel').getByRole('link', { name: 'Open the structure' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Structure Z-9001' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  await expect(page.getByText('Version 1 · first recorded')).toBeVisible();
  await expect(page.getByText('Version 2 · changed')).toBeVisible();
  await expect(page.getByText(/^Place on the map: latitude .* → latitude/)).toBeVisible();
  await expect(page.getByText('Outside the settlement boundary')).toHaveCount(0);
  await checkScreen(page, 'structure-page');
});

test('two phones changed one structure offline: the coordinator sees both and resolves it', async () => {
  const { ctx, csrf } = await signInApi(world.base, world.coordinator, world.password);
  const settlementId = settlementUrl.split('/').pop() ?? '';
  const ws = `/api/workspaces/${world.workspaceId}`;
  const list = await api(ctx, 'GET', `${ws}/settlements/${settlementId}/structures?limit=5`);
  const target = list.items.find((s: { hasConflict: boolean }) => !s.hasConflict);
  await api(
    ctx,
    'PATCH',
    `${ws}/structures/${target.id}`,
    { baseVersionId: target.versionId, rooms: 2 },
    csrf,
  );
  await api(
    ctx,
    'PATCH',
    `${ws}/structures/${target.id}`,
    { baseVersionId: target.versionId, rooms: 4 },
    csrf,
  );
  await ctx.dispose();

  await page.goto(`${settlementUrl}/structures/${target.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Two changes conflict' })).toBeVisible();
  const rooms = page.getByRole('row', { name: /Rooms/ });
  await expect(rooms.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  await expect(rooms.getByRole('cell', { name: '4', exact: true })).toBeVisible();
  await checkScreen(page, 'structure-conflict');

  await page.getByLabel(/^Take version/).check();
  await page.getByLabel('Why').fill('Counted the rooms with the family.');
  await page.getByRole('button', { name: 'Resolve the conflict' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Two changes conflict' })).toHaveCount(0);
  await expect(page.getByText('Why: Counted the rooms with the family.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^4$/ })).toBeVisible();
});

test('two doors painted with one number: both flagged, one renumbered from its page', async () => {
  const { ctx, csrf } = await signInApi(world.base, world.coordinator, world.password);
  const settlementId = settlementUrl.split('/').pop() ?? '';
  const ws = `/api/workspaces/${world.workspaceId}`;
  const first = await api(
    ctx,
    'POST',
    `${ws}/settlements/${settlementId}/structures`,
    { number: 'Z-7000' },
    csrf,
  );
  const second = await api(
    ctx,
    'POST',
    `${ws}/settlements/${settlementId}/structures`,
    { number: 'Z-7000' },
    csrf,
  );
  await ctx.dispose();
  expect(second.duplicateNumber).toBe(true);

  // From the settlement page, as a coordinator would come: the page links the other door.
  await page.goto(settlementUrl);
  await page.getByText('Show the list of structures').click();
  await page
    .locator('#structures-table tbody tr')
    .filter({ hasText: 'Z-7000' })
    .last()
    .getByRole('link')
    .click();
  await expect(page.getByText('Another structure has this number')).toBeVisible();
  const otherLink = page.getByRole('link', { name: /^The other Z-7000/ });
  await expect(otherLink).toHaveCount(1);
  const otherId = (await otherLink.getAttribute('href'))?.split('/').pop();
  const here = new URL(page.url()).pathname.split('/').pop();
  if (here !== second.id) await page.goto(`${settlementUrl}/structures/${second.id}`);
  expect([first.id, second.id]).toContain(otherId);
  await checkScreen(page, 'structure-duplicate');
  await page.getByLabel('Painted number').fill('Z-7001');
  await page.getByRole('button', { name: 'Save the new number' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Structure Z-7001' })).toBeVisible();
  await expect(page.getByText('Another structure has this number')).toHaveCount(0);
  await expect(page.getByText('Number: Z-7000 → Z-7001')).toBeVisible();
  expect(first.id).not.toBe(second.id);
});

test('a member sees the map but no controls that change it; a partner sees the profile, not the homes', async ({
  browser,
}) => {
  for (const role of ['member', 'partner'] as const) {
    const other = await (await browser.newContext({ baseURL: world.base })).newPage();
    try {
      // The demo names one account per role demo-<role>, with the one password it prints.
      await signIn(other, `demo-${role}`, world.password);
      await expect(other).not.toHaveURL(/\/sign-in$/);
      await other.goto(settlementUrl);
      await expect(other.getByRole('heading', { level: 1, name: 'Sonop' })).toBeVisible();
      await expect(other.getByRole('region', { name: /Map of Sonop/ })).toHaveAttribute('data-drawn', /\d+/, {
        timeout: 20_000,
      });
      await expect(other.getByRole('button', { name: 'Place a structure' })).toHaveCount(0);
      await expect(other.getByRole('link', { name: 'Download the map file' })).toBeVisible();
      await expect(other.getByRole('button', { name: 'Import the file' })).toHaveCount(0);
      await expect(other.getByRole('heading', { level: 2, name: 'Coverage' })).toBeVisible();
      const structures = other.getByRole('heading', { level: 2, name: /^All structures/ });
      await expect(structures).toHaveCount(role === 'member' ? 1 : 0);
      await other.goto(new URL(settlementUrl, world.base).pathname.replace(/\/[^/]+$/, ''));
      await expect(other.getByRole('heading', { level: 1, name: 'Settlements' })).toBeVisible();
      await expect(other.getByRole('button', { name: 'Add a settlement' })).toHaveCount(0);
    } finally {
      await other.context().close();
    }
  }
});

test('the settlement page and its map key in isiZulu and Hindi', async () => {
  await page.goto(settlementUrl);
  await expect(page.getByRole('region', { name: /Map of Sonop/ })).toHaveAttribute('data-drawn', /\d+/, {
    timeout: 20_000,
  });
  const words = {
    zu: { map: 'Ibalazwe', key: 'Incazelo yebalazwe', status: 'Sibaliwe' },
    hi: { map: 'नक्शा', key: 'संकेत', status: 'गणना हुई' },
  };
  for (const [code, expected] of Object.entries(words) as [keyof typeof words, (typeof words)['zu']][]) {
    await chooseLanguage(page, code);
    await expect(page.getByRole('heading', { level: 2, name: expected.map, exact: true })).toBeVisible();
    const legend = page.getByRole('region', { name: expected.key });
    await expect(legend.getByText(expected.status, { exact: true })).toBeVisible();
    await checkScreen(page, `settlement-page-${code}`);
  }
  await chooseLanguage(page, 'en');
});

test('the coordinator adds a settlement and opens its empty page', async () => {
  await page.goto(settlementUrl.replace(/\/[^/]+$/, ''));
  await page.getByRole('button', { name: 'Add a settlement' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Kanana');
  await page.getByLabel('Municipality').fill('City of Cape Town');
  await page.getByLabel('Ward').fill('12');
  await page.getByLabel('Number prefix').fill('K-');
  await checkScreen(page, 'settlement-new');
  await page.getByRole('button', { name: 'Add the settlement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kanana' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Map of Kanana/ })).toHaveAttribute('data-drawn', '0', {
    timeout: 20_000,
  });
  await expect(page.getByText('No sections yet.')).toBeVisible();
  await expect(page.getByText('No facilities mapped yet.')).toBeVisible();
  await page.getByRole('link', { name: 'All settlements' }).click();
  await expect(page.getByText('City of Cape Town · Ward 12')).toBeVisible();
});

test('the map file of Sonop, downloaded, builds a new settlement; a broken file changes nothing', async () => {
  const ws = `/api/workspaces/${world.workspaceId}`;
  const sonopId = settlementUrl.split('/').pop() ?? '';
  await page.goto(settlementUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Map file (GeoJSON)' })).toBeVisible();
  await expect(page.getByText(/Structures without a point on the map are left out/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the map file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Sonop.geojson');
  const saved = test.info().outputPath('Sonop.geojson');
  await download.saveAs(saved);
  const file = JSON.parse(readFileSync(saved, 'utf8')) as { features: { properties: { kind: string } }[] };
  const count = (kind: string) => file.features.filter((f) => f.properties.kind === kind).length;
  const sections = count('section');
  const structures = count('structure');
  expect(sections).toBeGreaterThan(1);
  expect(structures).toBeGreaterThan(100);

  // Sonop's placed structures: all of them but those the file left out for having no point.
  const { ctx } = await signInApi(world.base, world.coordinator, world.password);
  const exported = await ctx.get(`${ws}/settlements/${sonopId}/geojson`);
  const leftOut = Number(exported.headers()['coproduce-left-out'] ?? 0);
  const total = (s: { structures: Record<string, number> }) =>
    Object.values(s.structures).reduce((sum, n) => sum + n, 0);
  const sonop = await api(ctx, 'GET', `${ws}/settlements/${sonopId}`);
  expect(structures).toBe(total(sonop) - leftOut);

  await page.getByRole('link', { name: 'All settlements' }).click();
  await page.getByRole('button', { name: 'Add a settlement' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Sonop extension');
  await page.getByRole('button', { name: 'Add the settlement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sonop extension' })).toBeVisible();
  const copyId = new URL(page.url()).pathname.split('/').pop() ?? '';

  // A file that is not JSON is refused in the browser, before anything is sent.
  const input = page.getByLabel('GeoJSON file');
  await input.setInputFiles({
    name: 'notes.geojson',
    mimeType: 'application/json',
    buffer: Buffer.from('x'),
  });
  await page.getByRole('button', { name: 'Import the file' }).click();
  await expect(page.getByText(/cannot be read as JSON/)).toBeVisible();

  await input.setInputFiles(saved);
  await page.getByRole('button', { name: 'Import the file' }).click();
  const said = page.locator('.map-file-outcome');
  await expect(said.getByText('The file was imported.')).toBeVisible({ timeout: 30_000 });
  await expect(said.getByText(`${sections} sections`, { exact: false })).toBeVisible();
  await expect(said.getByText(`${structures} structures`, { exact: false })).toBeVisible();
  // The file's outline and profile replace the new settlement's; its own name stays.
  await expect(page.getByRole('heading', { level: 1, name: 'Sonop extension' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `All structures (${structures})` })).toBeVisible();
  // The map is drawn again with the imported outline, sections and structures.
  await expect(page.getByRole('region', { name: /Map of Sonop/ })).toHaveAttribute(
    'data-drawn',
    String(structures),
    { timeout: 20_000 },
  );
  const copy = await api(ctx, 'GET', `${ws}/settlements/${copyId}`);
  expect(total(copy)).toBe(structures);
  expect(copy.sections).toBe(sections);
  await checkScreen(page, 'settlement-map-file-imported');

  const broken = test.info().outputPath('broken.geojson');
  const shack = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [28.1, -25.75] },
    properties: { kind: 'shack', number: 'S-1' },
  };
  writeFileSync(broken, JSON.stringify({ type: 'FeatureCollection', features: [shack] }));
  await input.setInputFiles(broken);
  await page.getByRole('button', { name: 'Import the file' }).click();
  await expect(said.getByText(/^The file cannot be imported; nothing was changed/)).toBeVisible();
  await expect(said.getByRole('listitem')).toHaveText([
    'Feature 1 (S-1), kind: Say what this feature is: properties.kind must be settlement, section, structure or facility.',
  ]);
  await expect(said.locator('.map-file-said')).toBeFocused();
  expect(total(await api(ctx, 'GET', `${ws}/settlements/${copyId}`))).toBe(structures);
  await ctx.dispose();
  await checkScreen(page, 'settlement-map-file-refused');
});
