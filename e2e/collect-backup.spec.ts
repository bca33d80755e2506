// A phone is lost in the field. Before, the researcher had saved two backup files: one while two
// finished forms and a draft were waiting (those were sent later), one with a form finished offline
// that never left the phone. The coordinator, on a clean browser, takes both in with the
// researcher's password and sends them as the outbox does: the server has each submission exactly
// once (the ones it had are duplicates, not copies), and the draft stays with its maker.
import { readFileSync } from 'node:fs';
import { checkScreen } from './pages/app.ts';
import {
  type CollectWorld,
  doorCard,
  fill,
  saveBackup,
  sendersOnServer,
  signIn,
  startCollectWorld,
  structuresOnServer,
  takeIn,
} from './support/collect-world.ts';
import { expect, test } from './support/index.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let world: CollectWorld;
let sentBackup = '';
let lostBackup = '';
const home = () => `/w/${world.workspaceId}/collect`;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  world = await startCollectWorld();
  sentBackup = `${world.dataDir}/backup-sent-later.json`;
  lostBackup = `${world.dataDir}/backup-lost.json`;
});

test.afterAll(async () => {
  await world?.stop();
});

test('the researcher saves backups offline, sends some, and then loses the phone', async ({ browser }) => {
  const lost = await browser.newContext({ baseURL: world.base, viewport: { width: 360, height: 740 } });
  const phone = await lost.newPage();
  await signIn(phone, world.researcher, world.password);
  await expect(phone).toHaveURL(new RegExp(`${home()}$`));
  await expect(doorCard(phone).getByRole('link', { name: 'Start a new form' })).toBeVisible({
    timeout: 20_000,
  });
  await lost.setOffline(true);
  await fill(phone, 'B-001', '3', true);
  await fill(phone, 'B-002', '5', true);
  await fill(phone, 'B-003 draft', '1', false);
  await saveBackup(phone, sentBackup);
  await expect(phone.getByText('Backup file saved with 3 forms.')).toBeVisible();

  await lost.setOffline(false);
  await expect(phone.getByRole('heading', { name: 'Sent (2)' })).toBeVisible({ timeout: 20_000 });
  await lost.setOffline(true);
  await fill(phone, 'B-010', '2', true);
  await expect(phone.getByRole('heading', { name: 'Waiting to send (1)' })).toBeVisible();
  await saveBackup(phone, lostBackup);
  await expect(phone.getByText('Backup file saved with 2 forms.')).toBeVisible();
  expect(readFileSync(lostBackup, 'utf8')).not.toContain('B-010');
  await lost.close(); // the phone and everything in its store are gone
  expect(await structuresOnServer(world)).toEqual(['B-001', 'B-002']);
});

test('the coordinator takes in both files: the server has each submission once', async ({ browser }) => {
  const office = await browser.newContext({ baseURL: world.base, viewport: { width: 1280, height: 900 } });
  const desk = await office.newPage();
  await signIn(desk, world.coordinator, world.password);
  await expect(desk).not.toHaveURL(/\/sign-in$/);
  // The menu leads a coordinator to collection too; their work here was opened at sign-in.
  await desk.getByRole('navigation').getByRole('link', { name: 'Collect' }).click();
  await expect(desk).toHaveURL(new RegExp(`${home()}$`));
  await expect(desk.getByRole('heading', { level: 1, name: 'My collection work' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(desk.getByText("take in another person's backup file", { exact: false })).toBeVisible();
  // Their download holds everyone's assignments; "My assignments" shows only those naming them.
  await expect(doorCard(desk)).toHaveCount(0);

  // The demo gives everyone one password; it is the researcher's that opens the file.
  await takeIn(desk, lostBackup, world.password);
  await expect(
    desk.getByText("1 finished form from another person's file is in your outbox; 0 were already here."),
  ).toBeVisible();
  await desk.getByRole('button', { name: 'Send now' }).click();
  await expect(desk.getByRole('heading', { name: 'Sent (1)' })).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible();

  // The earlier file: its two finished forms reached the server already and are duplicates there.
  await takeIn(desk, sentBackup, world.password);
  await expect(
    desk.getByText(
      "2 finished forms from another person's file are in your outbox; 0 were already here. 1 draft stays with the person who made it.",
    ),
  ).toBeVisible();
  await desk.getByRole('button', { name: 'Send now' }).click();
  await expect(desk.getByRole('heading', { name: 'Sent (3)' })).toBeVisible({ timeout: 20_000 });
  await expect(desk.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible();
  await expect(desk.getByRole('heading', { name: 'Drafts (0)' })).toBeVisible();

  // The lost file again adds nothing.
  await takeIn(desk, lostBackup, world.password);
  await expect(desk.getByText('0 finished forms', { exact: false })).toBeVisible();
  await expect(desk.getByRole('heading', { name: 'Waiting to send (0)' })).toBeVisible();
  await checkScreen(desk, 'collect-home-import');
  await office.close();
  expect(await structuresOnServer(world)).toEqual(['B-001', 'B-002', 'B-010']);
  // The form that only the file held is recorded as the researcher's, not the coordinator's.
  expect(await sendersOnServer(world)).toEqual({
    'B-001': 'Imran Shaikh',
    'B-002': 'Imran Shaikh',
    'B-010': 'Imran Shaikh',
  });
});
