// Numbering and enumeration offline, end to end (issue #8), in Chromium against a real server of
// its own with the demo workspace (Sonop: sections and a few hundred structures). A coordinator
// publishes an enumeration form that declares its records (ODK entities), opens a round on Sonop
// with it and assigns the demo researcher Sonop's section A. On a phone-sized browser the
// researcher downloads the form, goes offline, numbers three structures by taps on the phone's
// map and enumerates one
// household with three members and their consent; back online the outbox sends. The coordinator
// then finds the structures on Sonop's map and table, two numbered and one enumerated, and the
// household with its members in the round. An age no record can hold (200) is kept, flagged, and
// makes no structure. Offline again, the researcher picks a numbered structure of section A from
// the phone's list (searched by number) and is warned, in words and without being stopped, of a
// painted number already used by a structure on the phone or by another unsent form; a photo of
// the door shows on the new structure's page, and a structure is picked on the phone's map. The
// phone's side of the form is in support/enumeration-phone.ts. Screens are checked with axe and
// photographed at 360 px and 1280 px.
import type { BrowserContext, Page } from '@playwright/test';
import { checkScreen } from './pages/app.ts';
import { api, type CollectWorld, signIn, signInApi, startCollectWorld } from './support/collect-world.ts';
import { enumerationForm, enumerationTitle } from './support/enumeration-form.ts';
import {
  atHome,
  card,
  enumerate,
  finishPage,
  numberOnly,
  type Point,
  sent,
  structuresOnPhone,
  unlockOffline,
  warning,
} from './support/enumeration-phone.ts';
import { expect, test } from './support/index.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

interface StructureRow {
  id: string;
  number: string;
  status: string;
  sectionId: string | null;
  point: Point | null;
  rooms: number | null;
  duplicateNumber: boolean;
}

let world: CollectWorld;
let ws = '';
let formId = '';
let settlementId = '';
let sectionA = '';
let roundId = '';
let near: Point = { lat: 0, lon: 0 };
/** A structure of section A from the demo, which the phone downloads and offers in its list. */
let known: StructureRow;
let context: BrowserContext;
let page: Page;
const numbers = ['E2E-001', 'E2E-002', 'E2E-003'];
const ages = ['34', '9', '2'];
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  world = await startCollectWorld();
  ws = `/api/workspaces/${world.workspaceId}`;
  const { ctx, csrf } = await signInApi(world.base, world.coordinator, world.password);
  formId = (await api(ctx, 'POST', `${ws}/forms`, { model: enumerationForm() }, csrf)).id;
  await api(ctx, 'POST', `${ws}/forms/${formId}/publish`, {}, csrf);
  const settlements = (await api(ctx, 'GET', `${ws}/settlements`)).items as Array<{
    id: string;
    name: string;
  }>;
  settlementId = settlements.find((s) => s.name === 'Sonop')!.id;
  const sections = (await api(ctx, 'GET', `${ws}/settlements/${settlementId}/sections`)).items;
  sectionA = sections.find((s: { code: string }) => s.code === 'A').id;
  // Where the new doors are: beside a structure of section A, a metre or two apart.
  const inA = (await api(ctx, 'GET', `${ws}/settlements/${settlementId}/structures?sectionId=${sectionA}`))
    .items as StructureRow[];
  known = inA.find((s) => s.point && !s.duplicateNumber)!;
  near = known.point!;

  const round = await api(
    ctx,
    'POST',
    `${ws}/settlements/${settlementId}/rounds`,
    { name: 'Sonop enumeration 2026', formId },
    csrf,
  );
  roundId = round.id;
  let versionId = round.versionId as string;
  for (const status of ['numbering', 'enumerating'])
    versionId = (
      await api(ctx, 'POST', `${ws}/rounds/${roundId}/status`, { baseVersionId: versionId, status }, csrf)
    ).versionId;

  const researcher = await signInApi(world.base, world.researcher, world.password);
  const personId = (await api(researcher.ctx, 'GET', '/api/workspaces')).items[0].personId;
  await researcher.ctx.dispose();
  await api(ctx, 'POST', `${ws}/assignments`, { formId, personId, settlementId, sectionId: sectionA }, csrf);
  await ctx.dispose();

  context = await browser.newContext({ baseURL: world.base, viewport: { width: 360, height: 740 } });
  page = await context.newPage();
  // Removing a repeat's entry asks first; the researcher says yes.
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

test.afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

test.afterAll(async () => {
  await context?.close();
  await world?.stop();
});

const home = () => `/w/${world.workspaceId}/collect`;
const pointOf = (i: number): Point => ({ lat: near.lat + 0.00002 * (i + 1), lon: near.lon + 0.00002 });
/** Where the three of the first walk were placed on the map, read back from the form. */
const placed: Point[] = [];

test('the researcher signs in on a phone and downloads the enumeration form', async () => {
  await page.goto('/sign-in');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await signIn(page, world.researcher, world.password);
  await expect(page).toHaveURL(new RegExp(`${home()}$`));
  await expect(card(page).getByRole('link', { name: 'Start a new form' })).toBeVisible({ timeout: 20_000 });
  // The assigned section's structures came down with the form: the phone knows its place.
  await expect(card(page).getByText(/^Sonop, section A: \d+ structures on this phone$/)).toBeVisible();
});

test('offline: three structures numbered on the map, one household enumerated with three members', async () => {
  await context.setOffline(true);
  await page.reload();
  await unlockOffline(page, world.password);
  await expect(page.getByText('No connection: your work is kept safely on this phone.')).toBeVisible();
  // Up and left of the middle of the map, the middle, then down and right.
  placed.push(
    (await enumerate(page, numbers[0]!, { dx: -40, dy: -30, screen: 'enumeration-place-on-map' }, '1'))!,
  );
  placed.push((await enumerate(page, numbers[1]!, { dx: 0, dy: 0 }, '2'))!);
  // The third: a household of three at home, who consent.
  await card(page).getByRole('link', { name: 'Start a new form' }).click();
  await expect(page.getByLabel('Painted number', { exact: true })).toBeVisible();
  await checkScreen(page, 'enumeration-structure-fill');
  await page.getByRole('link', { name: 'Back to my work' }).click();
  placed.push(
    (await enumerate(page, numbers[2]!, { dx: 40, dy: 30 }, '3', {
      size: '3',
      ages,
      screen: 'enumeration-household-fill',
    }))!,
  );
  await expect(page.getByRole('heading', { name: 'Waiting to send (3)' })).toBeVisible();
  await checkScreen(page, 'enumeration-home-offline');
  // North is up and east is right: each tap further down and right is further south and east,
  // a few metres apart, in the settlement's part of the world.
  expect(placed[0]!.lat).toBeGreaterThan(placed[1]!.lat);
  expect(placed[1]!.lat).toBeGreaterThan(placed[2]!.lat);
  expect(placed[0]!.lon).toBeLessThan(placed[1]!.lon);
  expect(placed[1]!.lon).toBeLessThan(placed[2]!.lon);
  for (const point of placed) {
    expect(Math.abs(point.lat - near.lat)).toBeLessThan(0.01);
    expect(Math.abs(point.lon - near.lon)).toBeLessThan(0.01);
  }
});

test('back online, the outbox sends the three and empties', async () => {
  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Sent (3)' })).toBeVisible();
  await expect(sent(page).getByText('Received by the server')).toHaveCount(3);
});

test('the coordinator finds them on the server: two numbered, one enumerated with its household', async () => {
  const { ctx } = await signInApi(world.base, world.coordinator, world.password);
  const all = (await api(ctx, 'GET', `${ws}/settlements/${settlementId}/structures?limit=5000`))
    .items as StructureRow[];
  const ours = numbers.map((n) => all.filter((s) => s.number === n));
  expect(ours.map((found) => found.length)).toEqual([1, 1, 1]);
  const [first, second, third] = ours.map((found) => found[0]!);
  expect([first, second, third].map((s) => s!.status)).toEqual(['numbered', 'numbered', 'enumerated']);
  expect([first, second, third].map((s) => s!.sectionId)).toEqual([sectionA, sectionA, sectionA]);
  expect([first, second, third].map((s) => s!.rooms)).toEqual([1, 2, 3]);
  // Where they were tapped on the map.
  for (const [i, s] of [first, second, third].entries()) {
    expect(s!.point!.lat).toBeCloseTo(placed[i]!.lat, 6);
    expect(s!.point!.lon).toBeCloseTo(placed[i]!.lon, 6);
  }

  const households = (await api(ctx, 'GET', `${ws}/rounds/${roundId}/households`)).items;
  expect(households).toHaveLength(1);
  expect(households[0]).toMatchObject({ structureId: third!.id, sizeStated: 3 });
  const detail = await api(ctx, 'GET', `${ws}/households/${households[0].id}`);
  expect(detail.members.map((m: { age: number; sex: string }) => [m.age, m.sex])).toEqual([
    [34, 'female'],
    [9, 'male'],
    [2, 'female'],
  ]);
  expect(detail.consent).toMatchObject({ method: 'signed', givenBy: 'self', noticeVersion: 'v1' });
  expect(detail.consent.purposes).toMatchObject({
    community_planning: true,
    municipality_aggregates: true,
    housing_list: false,
  });
  await ctx.dispose();
});

test('an age of 200 arrives flagged for attention and makes no structure', async () => {
  await enumerate(page, 'E2E-004', pointOf(3), '1', { size: '1', ages: ['200'] });
  await expect(page.getByRole('heading', { name: 'Sent (4)' })).toBeVisible({ timeout: 30_000 });
  // The phone says so at once: the server took it but some answers need checking.
  await expect(sent(page).getByText('Received: some answers need checking')).toHaveCount(1);
  await expect(sent(page).getByText('Received by the server')).toHaveCount(3);
  await expect(card(page).getByRole('definition').nth(3)).toHaveText('1'); // needing a fix
  await checkScreen(page, 'enumeration-home-sent');
  const { ctx } = await signInApi(world.base, world.coordinator, world.password);
  const listing = await api(ctx, 'GET', `${ws}/submissions?formId=${formId}&limit=100`);
  expect(listing.total).toBe(4);
  const flagged = listing.items.filter((s: { state: string }) => s.state === 'needs_attention');
  expect(flagged).toHaveLength(1);
  const detail = await api(ctx, 'GET', `${ws}/submissions/${flagged[0].id}`);
  expect(detail.versions[0].answers.structure.painted_number).toBe('E2E-004');
  expect(
    detail.versions[0].issues.map((i: { code: string; path: string; repeatIndexes: number[] }) => [
      i.code,
      i.path,
      i.repeatIndexes,
    ]),
  ).toEqual([['record', '/household/member/age', [0, 0]]]);
  const all = (await api(ctx, 'GET', `${ws}/settlements/${settlementId}/structures?limit=5000`))
    .items as StructureRow[];
  expect(all.filter((s) => s.number === 'E2E-004')).toHaveLength(0);
  expect((await api(ctx, 'GET', `${ws}/rounds/${roundId}/households`)).items).toHaveLength(1);
  await ctx.dispose();
});

test('on Sonop’s page the coordinator sees the map drawn and the three with their statuses', async ({
  browser,
}) => {
  const desk = await (await browser.newContext({ baseURL: world.base })).newPage();
  desk.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    const { ctx } = await signInApi(world.base, world.coordinator, world.password);
    const all = await api(ctx, 'GET', `${ws}/settlements/${settlementId}/structures?limit=5000`);
    await ctx.dispose();
    await signIn(desk, world.coordinator, world.password);
    await expect(desk).not.toHaveURL(/\/sign-in$/);
    await desk.goto(`/w/${world.workspaceId}/settlements/${settlementId}`);
    await expect(desk.getByRole('heading', { level: 1, name: 'Sonop' })).toBeVisible();
    const map = desk.getByRole('region', { name: /Map of Sonop/ });
    // Every structure drawn, the three new ones among them (the table below is the map's text).
    await expect(map).toHaveAttribute('data-drawn', String(all.items.length), { timeout: 20_000 });
    expect(all.items.length).toBeGreaterThan(100);
    // Coverage is of the new round: its one household, in section A.
    await expect(desk.getByText('Round: Sonop enumeration 2026 (enumerating)')).toBeVisible();
    const coverage = desk.getByRole('region', { name: 'Coverage' });
    const households = (section: string) =>
      coverage
        .getByRole('row', { name: new RegExp(`^${section}\\b`) })
        .getByRole('cell')
        .nth(3);
    await expect(households('A')).toHaveText('1');
    await expect(households('All sections')).toHaveText('1');
    await checkScreen(desk, 'enumeration-settlement');

    await desk.getByText('Show the list of structures').click();
    const row = (n: string) => desk.locator('#structures-table tbody tr').filter({ hasText: n });
    for (const [n, status] of [
      [numbers[0]!, 'Numbered'],
      [numbers[1]!, 'Numbered'],
      [numbers[2]!, 'Enumerated'],
    ] as const) {
      await expect(row(n)).toHaveCount(1);
      await expect(row(n).getByRole('cell').nth(0)).toHaveText(status);
      await expect(row(n).getByRole('cell').nth(1)).toHaveText('A');
    }
    await expect(row('E2E-004')).toHaveCount(0);

    await row(numbers[2]!).getByRole('link').click();
    await expect(desk.getByRole('heading', { level: 1, name: `Structure ${numbers[2]}` })).toBeVisible();
    // The household enumerated offline, with its three members as entered.
    const found = desk.getByRole('region', { name: 'Households found here' });
    await expect(
      found.getByRole('heading', { level: 3, name: /^Household H-[0-9A-Z]{8} · Enumerated/ }),
    ).toHaveCount(1);
    const ages = found.locator('tbody tr td:nth-child(4)');
    await expect(ages).toHaveText(['34', '9', '2']);
    await checkScreen(desk, 'enumeration-structure');
  } finally {
    await desk.context().close();
  }
});

test('offline, a structure is picked from the phone’s list and a number used twice is warned of', async () => {
  await context.setOffline(true);
  await expect(page.getByText('No connection: your work is kept safely on this phone.')).toBeVisible();
  await card(page).getByRole('link', { name: 'Start a new form' }).click();
  const picker = page.getByRole('region', { name: 'Which structure?' });
  await expect(picker.getByRole('status')).toHaveText(/^\d+ numbered structures on this phone: /);
  await picker.getByText('Choose a numbered structure').click();
  // Found however it is typed: lower case, a space for the dash.
  await picker.getByLabel('Find by painted number').fill(known.number.toLowerCase().replace(/-/g, ' '));
  const choice = picker.getByRole('button', { name: new RegExp(`^${known.number}\\b`) });
  await expect(choice).toHaveText(
    new RegExp(`^${known.number}Section A · (Numbered|Enumerated|Verified|Disputed)$`),
  );
  await checkScreen(page, 'enumeration-pick');
  await choice.click();
  await expect(picker.getByRole('status')).toHaveText(
    `Structure ${known.number} chosen: its number, section and place are filled in below.`,
  );
  await expect(page.getByLabel('Painted number', { exact: true })).toHaveValue(known.number);
  await expect(page.getByLabel('Section code')).toHaveValue('A');
  expect(Number(await page.getByLabel('Latitude').inputValue())).toBeCloseTo(known.point!.lat, 5);
  // The picked structure is the one visited: its own number is no duplicate.
  await finishPage(page);
  await atHome(page);
  await expect(page.getByRole('heading', { name: 'Waiting to send (1)' })).toBeVisible();

  // A new door painted with a number the phone already knows (downloaded after the first sync).
  await numberOnly(page, numbers[0]!, pointOf(5));
  await expect(warning(page)).toBeFocused();
  await expect(warning(page)).toContainText(`The painted number ${numbers[0]} is already used`);
  await expect(warning(page)).toContainText(`Structure ${numbers[0]} in section A (Numbered), on this phone`);
  await checkScreen(page, 'enumeration-duplicate');
  await warning(page).getByRole('button', { name: 'Finish anyway' }).click();
  await atHome(page);

  // The same new number twice on this phone: the second is warned of the first, still unsent.
  await numberOnly(page, 'E2E-010', pointOf(6), true);
  await atHome(page);
  await numberOnly(page, 'E2E-010', pointOf(7));
  await expect(warning(page)).toContainText(
    `Another of your forms waiting to send: ${enumerationTitle}, finished`,
  );
  await warning(page).getByRole('button', { name: 'Change the number' }).click();
  await expect(warning(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to my work' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting to send (3)' })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible({ timeout: 30_000 });
});

test('the new structure’s page shows the photo of its door to the coordinator', async ({ browser }) => {
  const { ctx } = await signInApi(world.base, world.coordinator, world.password);
  const all = (await api(ctx, 'GET', `${ws}/settlements/${settlementId}/structures?limit=5000`))
    .items as Array<StructureRow & { photo: unknown }>;
  // Warned, not stopped: the server matched the known number to its structure, made no second one.
  expect(all.filter((s) => s.number === numbers[0])).toHaveLength(1);
  const made = all.filter((s) => s.number === 'E2E-010');
  expect(made).toHaveLength(1);
  const photo = made[0]!.photo as { submissionId: string; fileName: string };
  expect(photo.fileName).toBe('door.jpg');
  // The phone sends the photo after the form: wait until all of it has arrived.
  await expect
    .poll(
      async () => (await api(ctx, 'GET', `${ws}/submissions/${photo.submissionId}/files/door.jpg`)).complete,
    )
    .toBe(true);
  await ctx.dispose();
  const desk = await (await browser.newContext({ baseURL: world.base })).newPage();
  desk.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await signIn(desk, world.coordinator, world.password);
    await expect(desk).not.toHaveURL(/\/sign-in$/);
    await desk.goto(`/w/${world.workspaceId}/settlements/${settlementId}/structures/${made[0]!.id}`);
    await expect(desk.getByRole('heading', { level: 1, name: 'Structure E2E-010' })).toBeVisible();
    const shown = desk.getByRole('img', { name: 'Photo of structure E2E-010' });
    await expect(shown).toBeVisible();
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await checkScreen(desk, 'enumeration-structure-photo');
  } finally {
    await desk.context().close();
  }
});

test('offline, a structure is picked on the map by a tap and by the keyboard', async () => {
  const onPhone = await structuresOnPhone(page);
  await context.setOffline(true);
  await expect(page.getByText('No connection: your work is kept safely on this phone.')).toBeVisible();
  await card(page).getByRole('link', { name: 'Start a new form' }).click();
  const picker = page.getByRole('region', { name: 'Which structure?' });
  await picker.getByRole('button', { name: 'Pick on the map' }).click();
  const map = page.getByRole('region', { name: 'Map of your area: the numbered structures on this phone' });
  // The three numbered on the map came back down with the change feed: all drawn.
  await expect(map).toHaveAttribute('data-drawn', String(onPhone), { timeout: 15_000 });
  await checkScreen(page, 'enumeration-pick-on-map');
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
  // Whatever symbol the finger landed on is the one chosen and filled in.
  const chosen = picker.getByRole('status').filter({ hasText: /chosen/ });
  await expect(chosen).toHaveText(/^Structure \S+ chosen: /);
  const tapped = (await chosen.textContent())!.match(/^Structure (\S+) chosen/)![1]!;
  await expect(page.getByLabel('Painted number', { exact: true })).toHaveValue(tapped);
  await expect(map).toHaveCount(0);
  // The middle of the map is where the second was placed: the nearest, so the one chosen.
  await picker.getByRole('button', { name: 'Pick on the map' }).click();
  await expect(map).toHaveAttribute('data-drawn', String(onPhone), { timeout: 15_000 });
  await picker.getByRole('button', { name: 'Use the centre of the map' }).click();
  await expect(chosen).toHaveText(
    `Structure ${numbers[1]} chosen: its number, section and place are filled in below.`,
  );
  await expect(page.getByLabel('Painted number', { exact: true })).toHaveValue(numbers[1]!);
  expect(Number(await page.getByLabel('Latitude').inputValue())).toBeCloseTo(placed[1]!.lat, 6);
  await page.getByRole('link', { name: 'Back to my work' }).click();
  await atHome(page);
  await context.setOffline(false);
});
