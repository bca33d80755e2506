// A structure's page lists the households found in it (issue #8): their code, outcome, members by
// relationship, sex and age, and what their consent allows — for those who read household
// records; a member sees the structure but not its households. On a server of its own with the
// demo (Sonop's enumerated households). Checked with axe and photographed at 360 px and 1280 px.
import { checkScreen } from './pages/app.ts';
import { api, type CollectWorld, signIn, signInApi, startCollectWorld } from './support/collect-world.ts';
import { expect, test } from './support/index.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let world: CollectWorld;
let structureUrl = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  world = await startCollectWorld();
  const { ctx } = await signInApi(world.base, world.coordinator, world.password);
  const ws = `/api/workspaces/${world.workspaceId}`;
  const settlements = await api(ctx, 'GET', `${ws}/settlements`);
  const sonop = settlements.items.find((s: { name: string }) => s.name === 'Sonop');
  const structures = await api(ctx, 'GET', `${ws}/settlements/${sonop.id}/structures?limit=2000`);
  // An enumerated structure whose households include one with members.
  for (const s of structures.items.filter((x: { status: string }) => x.status === 'enumerated')) {
    const households = await api(ctx, 'GET', `${ws}/structures/${s.id}/households`);
    if (households.items.some((h: { outcome: string }) => h.outcome === 'enumerated')) {
      structureUrl = `/w/${world.workspaceId}/settlements/${sonop.id}/structures/${s.id}`;
      break;
    }
  }
  await ctx.dispose();
  expect(structureUrl).not.toBe('');
});

test.afterAll(async () => {
  await world?.stop();
});

test('the coordinator sees the households found in a structure, with their members', async ({ browser }) => {
  const page = await (await browser.newContext({ baseURL: world.base })).newPage();
  await signIn(page, world.coordinator, world.password);
  await expect(page).not.toHaveURL(/\/sign-in$/);
  await page.goto(structureUrl);
  const households = page.getByRole('region', { name: 'Households found here' });
  await expect(households).toBeVisible();
  await expect(
    households.getByRole('heading', { level: 3, name: /^Household H-[0-9A-Z]{8} · Enumerated/ }).first(),
  ).toBeVisible();
  await expect(households.getByRole('columnheader', { name: 'Age' }).first()).toBeVisible();
  await expect(households.getByText('Consent given for')).not.toHaveCount(0);
  await checkScreen(page, 'structure-households');
  await page.context().close();
});

test('a member sees the structure but not its households', async ({ browser }) => {
  const page = await (await browser.newContext({ baseURL: world.base })).newPage();
  await signIn(page, 'demo-member', world.password);
  await expect(page).not.toHaveURL(/\/sign-in$/);
  await page.goto(structureUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Households found here' })).toHaveCount(0);
  await page.context().close();
});
