// The foundation's story in a real browser against a real server on an empty database:
// first-run setup → workspace → printable invite code → a second person redeems it on another
// device → people register without email → isiZulu → offline shell. Every screen is checked with
// axe and photographed at 360 px and 1280 px (e2e/artifacts/screens/).
import type { Browser, Page } from '@playwright/test';
import { checkScreen, chooseLanguage, waitForOfflineShell } from './pages/app.ts';
import { expect, test } from './support/index.ts';

const coordinator = { name: 'Nomsa Dlamini', username: 'nomsa', password: 'river stone lantern' };
const member = { name: 'Sipho Mthembu', username: 'sipho', password: 'blue kettle morning' };
const workspaceName = 'Sonop Residents Committee';

// Each screen is checked by axe twice and photographed twice: more than the default 30 s on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

// One coordinator's page carries the story across tests, as one person's day would.
let page: Page;
let workspaceUrl = '';
let inviteCode = '';
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The server's CSP forbids inline scripts and styles: a violation shows up as a console error.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      pageErrors.push(message.text());
  });
});

test.afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

test.afterAll(async () => {
  // browser.newPage() made a context of its own for this page: close that.
  await page.context().close();
});

test('first-run setup creates the first coordinator', async () => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Coproduce' })).toBeVisible();
  await checkScreen(page, 'setup');

  // A too-short password is caught before sending, next to its field.
  await page.getByLabel('Your name').fill(coordinator.name);
  await page.getByLabel('Username', { exact: true }).fill(coordinator.username);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('The password needs at least 10 characters.')).toBeVisible();
  await checkScreen(page, 'setup-error');

  await page.getByLabel('Password', { exact: true }).fill(coordinator.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
});

test('the coordinator creates a workspace', async () => {
  await expect(page.getByRole('heading', { level: 1, name: 'Your workspaces' })).toBeVisible();
  await checkScreen(page, 'workspaces-empty');
  await page.getByLabel('Name of the workspace').fill(workspaceName);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]+\/people$/);
  workspaceUrl = new URL(page.url()).pathname.replace(/\/people$/, '');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.locator('.workspace-name')).toHaveText(workspaceName);
  await checkScreen(page, 'people-empty');
});

test('an invite code is created and its slip opened for printing', async () => {
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members and invites' })).toBeVisible();
  await expect(page.getByRole('strong').filter({ hasText: coordinator.name })).toBeVisible();
  await checkScreen(page, 'members');

  // The server's answer to a bad field is shown next to that field.
  await page.getByLabel('Their name').fill(member.name);
  await page.getByLabel('A link by email').check();
  await page.getByLabel('Their email address').fill('not-an-email');
  await page.getByRole('button', { name: 'Send invite email' }).click();
  await expect(page.locator('#invite-email-error')).toBeVisible();
  await expect(page.getByLabel('Their email address')).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, 'members-invite-error');

  await page.getByLabel('Role').selectOption('member');
  await page.getByLabel('A code on a paper slip').check();
  await page.getByRole('button', { name: 'Create code and print slip' }).click();
  await expect(page).toHaveURL(/\/invites\/slip$/);
  await expect(page.getByText(`Invite for ${member.name}`)).toBeVisible();
  await expect(page.locator('.slip-workspace')).toHaveText(workspaceName);
  inviteCode = ((await page.locator('.slip-code').textContent()) ?? '').trim();
  expect(inviteCode.replace(/\s/g, '').length).toBeGreaterThanOrEqual(6);
  await checkScreen(page, 'invite-slip');

  // On paper only the slip remains: no header, menu or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print slip' })).toBeHidden();
  await expect(page.locator('.slip-code')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/screens/invite-slip-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Back to members' }).click();
  await expect(page.getByText('Waiting')).toBeVisible();
});

test('a second person redeems the code on another device and sees the workspace as a member', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto('/');
  await expect(other).toHaveURL(/\/sign-in$/);
  await checkScreen(other, 'sign-in');
  await other.getByRole('link', { name: 'Use an invite code' }).click();
  await expect(other).toHaveURL(/\/join$/);
  await checkScreen(other, 'join');

  // Typed by hand in lower case, as people do.
  await other.getByLabel('Invite code').fill(inviteCode.toLowerCase());
  await other.getByRole('button', { name: 'Check the code' }).click();
  await expect(other.getByText(`This code invites you to ${workspaceName} as Member.`)).toBeVisible();
  await other.getByLabel('Choose a username').fill(member.username);
  await other.getByLabel('Choose a password').fill(member.password);
  await checkScreen(other, 'join-details');
  await other.getByRole('button', { name: `Join ${workspaceName}` }).click();

  // A member does not see the register: the workspace opens on their own details.
  await expect(other.getByRole('heading', { level: 1, name: member.name })).toBeVisible();
  await expect(other.locator('.workspace-name')).toHaveText(workspaceName);
  await checkScreen(other, 'my-details-as-member');
  await other.getByRole('link', { name: 'Members' }).click();
  await expect(other.getByText(`You are Member in ${workspaceName}.`)).toBeVisible();
  await checkScreen(other, 'membership-as-member');
  await other.getByRole('link', { name: 'Workspaces' }).click();
  await expect(other.getByRole('listitem').filter({ hasText: workspaceName })).toContainText('Member');
  await checkScreen(other, 'workspaces-as-member');
  await context.close();
});

test('the coordinator sees the new member and may change their role', async () => {
  await page.goto(`${workspaceUrl}/members`);
  await expect(page.getByLabel(`Role of ${member.name}`)).toHaveValue('member');
  await expect(page.getByText('Used')).toBeVisible();
  await checkScreen(page, 'members-with-member');
});

test('a person with no email is added with a postal address', async () => {
  await page.goto(`${workspaceUrl}/people`);
  await page.getByRole('link', { name: 'Add a person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();
  await page.getByLabel('Name to show').fill('Thandi');
  await page.getByLabel('isiZulu').check();
  await page.getByLabel('Add a way to reach them').selectOption('post');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page
    .getByRole('textbox', { name: 'Address', exact: true })
    .fill('Thandi Nkosi\n14 Sonop Road\nPretoria 0182');
  await page.getByLabel('Add a way to reach them').selectOption('in_person');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByLabel('Childcare').check();
  await page.getByLabel('An interpreter').check();
  await page.getByLabel('Interpreter for which language').fill('isiZulu');
  await checkScreen(page, 'person-new');
  await page.getByRole('button', { name: 'Add person' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Thandi' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Address', exact: true })).toHaveValue(/14 Sonop Road/);
  // In person first, then post: the order is the person's preference.
  await page.getByRole('button', { name: 'Up In person only (number 2)' }).click();
  await expect(page.locator('.channel-title').first()).toHaveText('1. In person only');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved the changes for Thandi.')).toBeVisible();
  await checkScreen(page, 'person');

  // Typing up what Thandi said at a meeting: recorded as done on her behalf.
  await page.getByLabel('I am entering this for Thandi').check();
  await page.getByLabel('Best times').fill('Weekday mornings');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved the changes for Thandi.')).toBeVisible();

  await page.getByRole('link', { name: 'Back to people' }).click();
  await page.getByLabel('Search by name').fill('thandi');
  await expect(page.getByRole('link', { name: 'Thandi' })).toBeVisible();
  await checkScreen(page, 'people');
});

test('the audit log and own account screens', async () => {
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.locator('.audit-list li').first()).toContainText('Nomsa Dlamini for Thandi changed');
  await checkScreen(page, 'audit');
  await page.getByText('Filter the log').click();
  await page.getByLabel('Action').fill('invite.create');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.locator('.audit-list li')).toHaveCount(1);
  await expect(page.locator('.audit-list li')).toContainText('Nomsa Dlamini invited');
  await checkScreen(page, 'audit-filtered');
  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByText('This device')).toBeVisible();
  await checkScreen(page, 'account');
});

test('switching to isiZulu translates the interface at once, and Hindi renders', async () => {
  await page.goto(`${workspaceUrl}/people`);
  await chooseLanguage(page, 'zu');
  await expect(page.getByRole('heading', { level: 1, name: 'Abantu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Amalungu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Engeza umuntu' })).toBeVisible();
  await checkScreen(page, 'people-zu');
  await page.getByRole('link', { name: 'Engeza umuntu' }).click();
  await checkScreen(page, 'person-new-zu');

  await chooseLanguage(page, 'hi');
  await expect(page.getByRole('heading', { level: 1, name: 'व्यक्ति जोड़ें' })).toBeVisible();
  await checkScreen(page, 'person-new-hi');

  // Remembered: a reload keeps the language.
  await chooseLanguage(page, 'zu');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Engeza umuntu' })).toBeVisible();
});

test('offline, a reload still shows the app shell', async () => {
  await page.goto(`${workspaceUrl}/people`);
  await waitForOfflineShell(page);
  await page.context().setOffline(true);
  try {
    await page.reload();
    await expect(page.locator('.app-header')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Alukho uxhumano' })).toBeVisible();
    await expect(page.getByText('Awuxhunyiwe ku-inthanethi.', { exact: false })).toBeVisible();
    await checkScreen(page, 'offline-shell');
  } finally {
    await page.context().setOffline(false);
  }
});

test('signing out leads back to sign-in, in the language last chosen', async () => {
  await page.goto(`${workspaceUrl}/people`);
  await page.getByRole('button', { name: 'Phuma' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ngena' })).toBeVisible();
  await checkScreen(page, 'sign-in-zu');
});
