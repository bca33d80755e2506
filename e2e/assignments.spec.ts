// A coordinator gives out work on the web: from a published form's Assignments tab they give it
// to a demo researcher with a target, a settlement and one of its sections; the researcher, on
// their phone (a second browser context), sees it on their home screen with the place, and sends
// one, which the coordinator's list counts. Then the coordinator changes the target and the area,
// ends the work and removes it, each asked first. A refusal (the form archived meanwhile) is said
// in words. The screens are checked with axe and photographed at 360 px and 1280 px, in English,
// isiZulu and Hindi.
import type { BrowserContext, Page } from '@playwright/test';
import { form, question } from '../apps/server/src/test/form-models.ts';
import { checkScreen, chooseLanguage } from './pages/app.ts';
import { api, type CollectWorld, signIn, signInApi, startCollectWorld } from './support/collect-world.ts';
import { expect, test } from './support/index.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let world: CollectWorld;
let coordinator: BrowserContext;
let phone: BrowserContext;
let desk: Page;
let formId = '';
let settlement = { id: '', name: '' };
let section = { id: '', code: '' };
let researcherName = '';

const toiletForm = () => {
  const model = form(
    [question('toilet', 'text', { default: 'Toilet number' }, { bind: { required: 'yes' } })],
    {},
    'toilet_check',
  );
  model.settings.formTitle = 'Toilet check';
  return model;
};

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  world = await startCollectWorld();
  const admin = await signInApi(world.base, world.coordinator, world.password);
  const ws = `/api/workspaces/${world.workspaceId}`;
  formId = (await api(admin.ctx, 'POST', `${ws}/forms`, { model: toiletForm() }, admin.csrf)).id;
  await api(admin.ctx, 'POST', `${ws}/forms/${formId}/publish`, {}, admin.csrf);
  const settlements = (await api(admin.ctx, 'GET', `${ws}/settlements?limit=500`)).items;
  for (const s of settlements) {
    const sections = (await api(admin.ctx, 'GET', `${ws}/settlements/${s.id}/sections`)).items;
    if (sections.length > 1) {
      settlement = { id: s.id, name: s.name };
      section = { id: sections[1].id, code: sections[1].code };
      break;
    }
  }
  expect(section.id, 'the demo has a settlement with sections').not.toBe('');
  const members = (await api(admin.ctx, 'GET', `${ws}/members?limit=500`)).items;
  researcherName = members.find((m: { username: string }) => m.username === world.researcher).displayName;
  await admin.ctx.dispose();
  coordinator = await browser.newContext({ baseURL: world.base, viewport: { width: 1280, height: 800 } });
  phone = await browser.newContext({ baseURL: world.base, viewport: { width: 360, height: 740 } });
  desk = await coordinator.newPage();
  await signIn(desk, world.coordinator, world.password);
  await expect(desk.getByRole('link', { name: 'Assignments' })).toBeVisible();
});

test.afterAll(async () => {
  await coordinator?.close();
  await phone?.close();
  await world?.stop();
});

const card = (p: Page) => p.getByRole('listitem').filter({ hasText: researcherName });

test('the coordinator gives the form to a researcher, in a section of a settlement', async () => {
  await desk.goto(`/w/${world.workspaceId}/forms/${formId}?view=preview`);
  await desk
    .getByRole('navigation', { name: 'Parts of this form' })
    .getByRole('link', { name: 'Assignments' })
    .click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Assignments: Toilet check' })).toBeVisible();
  await expect(desk.getByText('Nobody has been given this form yet.')).toBeVisible();
  await desk.getByRole('button', { name: 'Give out work' }).click();
  await desk.getByLabel('Who collects').selectOption({ label: researcherName });
  await desk.getByLabel('How many to collect').fill('0');
  await expect(desk.getByText('Type a whole number of 1 or more, or leave it empty.')).toBeVisible();
  await expect(desk.getByRole('button', { name: 'Give out', exact: true })).toBeDisabled();
  await desk.getByLabel('How many to collect').fill('25');
  await desk.getByLabel('Settlement').selectOption({ label: settlement.name });
  const sectionSelect = desk.getByLabel('Section');
  await expect(sectionSelect.locator('option')).not.toHaveCount(1);
  await sectionSelect.selectOption(section.id);
  await checkScreen(desk, 'assignments-new');
  await desk.getByRole('button', { name: 'Give out', exact: true }).click();
  await expect(desk.getByText(`Work given to ${researcherName}.`)).toBeVisible();
  await expect(card(desk)).toContainText('25 forms');
  await expect(card(desk)).toContainText('0 of 25');
  await expect(card(desk)).toContainText(new RegExp(`${settlement.name}, section ${section.code}`));
  await expect(card(desk)).toContainText('On');
  await checkScreen(desk, 'assignments-form');
});

test('the researcher sees it on their phone’s home screen, with the place', async () => {
  const page = await phone.newPage();
  await signIn(page, world.researcher, world.password);
  await expect(page.getByRole('heading', { level: 1, name: 'My collection work' })).toBeVisible();
  const mine = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Toilet check' }) });
  await expect(mine).toBeVisible({ timeout: 20_000 });
  await expect(mine).toContainText(`${settlement.name}, section ${section.code}`);
  await expect(mine).toContainText('0 of 25');
  // One is filled and sent: the coordinator's list counts it.
  await mine.getByRole('link', { name: 'Start a new form' }).click();
  await page.getByLabel('Toilet number').fill('T-07');
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My collection work' })).toBeVisible();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByRole('heading', { name: 'Sent (1)' })).toBeVisible({ timeout: 20_000 });
  await expect(mine).toContainText('1 of 25');
  await page.close();
  await desk.reload();
  await expect(card(desk)).toContainText('1 of 25');
});

test('the coordinator changes the target and the section, ends the work and removes it', async () => {
  await card(desk)
    .getByRole('button', { name: `Change the work of ${researcherName} on Toilet check` })
    .click();
  // The editor opens on what is set now, at its first field.
  await expect(desk.getByLabel('How many to collect')).toBeFocused();
  await expect(desk.getByLabel('How many to collect')).toHaveValue('25');
  await expect(desk.getByLabel('Settlement')).toHaveValue(settlement.id);
  await expect(desk.getByLabel('Section')).toHaveValue(section.id);
  await desk.getByLabel('How many to collect').fill('30');
  await desk.getByLabel('Section').selectOption({ label: 'All of the settlement' });
  await desk.getByRole('button', { name: 'Save changes' }).click();
  await expect(desk.getByText('Changes saved.')).toBeVisible();
  await expect(card(desk)).toContainText('30 forms');
  await expect(card(desk)).toContainText(`${settlement.name}, every section`);

  // Ending asks first; refusing leaves it on.
  desk.once('dialog', (dialog) => void dialog.dismiss());
  await card(desk)
    .getByRole('button', { name: /^End the work/ })
    .click();
  await expect(card(desk)).toContainText('On');
  desk.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Their phone stops offering it');
    void dialog.accept();
  });
  await card(desk)
    .getByRole('button', { name: /^End the work/ })
    .click();
  await expect(desk.getByText('The work is ended. Phones no longer offer it.')).toBeVisible();
  await expect(card(desk)).toContainText('Ended');

  // The workspace's list, from the navigation, holds every form's work.
  await desk.getByRole('link', { name: 'Assignments' }).first().click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Assignments' })).toBeVisible();
  await expect(desk.getByRole('listitem').filter({ hasText: 'Door count' }).first()).toBeVisible();
  await checkScreen(desk, 'assignments-workspace');
  const ended = desk.getByRole('listitem').filter({ hasText: 'Toilet check' });
  desk.once('dialog', (dialog) => void dialog.accept());
  await ended.getByRole('button', { name: /^Remove the work/ }).click();
  await expect(desk.getByText('The work is removed.')).toBeVisible();
  await expect(ended).toHaveCount(0);
});

test('a refusal from the server is said in words; the screens read in isiZulu and Hindi', async () => {
  await desk.goto(`/w/${world.workspaceId}/forms/${formId}?view=assignments`);
  await desk.getByRole('button', { name: 'Give out work' }).click();
  await desk.getByLabel('Who collects').selectOption({ label: researcherName });
  // Meanwhile someone archives the form: the server refuses, and says why.
  const admin = await signInApi(world.base, world.coordinator, world.password);
  await api(
    admin.ctx,
    'POST',
    `/api/workspaces/${world.workspaceId}/forms/${formId}/archive`,
    {},
    admin.csrf,
  );
  await admin.ctx.dispose();
  await desk.getByRole('button', { name: 'Give out', exact: true }).click();
  await expect(desk.getByText('Some answers need correcting. See the messages by each field.')).toBeVisible();
  await expect(desk.getByText('Only a published form can be given out.')).toBeVisible();
  await desk.reload();
  await expect(desk.getByText('This form is archived: it can no longer be given out.')).toBeVisible();
  await expect(desk.getByRole('button', { name: 'Give out work' })).toHaveCount(0);

  await desk.goto(`/w/${world.workspaceId}/assignments`);
  await chooseLanguage(desk, 'zu');
  await expect(desk.getByRole('heading', { level: 1, name: 'Imisebenzi enikeziwe' })).toBeVisible();
  await desk.getByRole('button', { name: 'Nikeza umsebenzi' }).click();
  await checkScreen(desk, 'assignments-zu');
  await chooseLanguage(desk, 'hi');
  await expect(desk.getByRole('heading', { level: 1, name: 'सौंपा गया काम' })).toBeVisible();
  await checkScreen(desk, 'assignments-hi');
  await chooseLanguage(desk, 'en');
});
