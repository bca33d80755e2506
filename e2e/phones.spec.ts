// Issue 9.3 in a real browser: a coordinator sets up a phone for ODK Collect on the members
// screen, the QR code on the screen is photographed and decoded as Collect decodes it (QR, then
// base64, then zlib, then JSON), and its server URL is used as Collect would use it, with no
// account: the form list names the chosen form, and after "Stop this phone" it is refused.
import { inflateSync } from 'node:zlib';
import { type APIRequestContext, type Browser, type Page, request } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { checkScreen } from './pages/app.ts';
import { expect, test } from './support/index.ts';
import { apiCall, type OwnServer, startOwnServer } from './support/own-server.ts';

const coordinator = { username: 'thandi', password: 'paper boat sunrise', displayName: 'Thandi Nkosi' };

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

let server: OwnServer;
let workspaceId = '';
let page: Page;
let collect: APIRequestContext;

const api = apiCall;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  server = await startOwnServer('phones');
  const admin = await request.newContext({ baseURL: server.base });
  const session = await api(admin, 'POST', '/api/setup', coordinator, '');
  workspaceId = (await api(admin, 'POST', '/api/workspaces', { name: 'Kennedy Road' }, session.csrfToken)).id;
  const ws = `/api/workspaces/${workspaceId}`;
  const form = await api(
    admin,
    'POST',
    `${ws}/forms/from-template`,
    { templateId: 'household-enumeration' },
    session.csrfToken,
  );
  await api(admin, 'POST', `${ws}/forms/${form.id}/publish`, {}, session.csrfToken);
  await api(admin, 'POST', `${ws}/people`, { displayName: 'Sipho Mthembu' }, session.csrfToken);
  page = await (
    await browser.newContext({ baseURL: server.base, storageState: await admin.storageState() })
  ).newPage();
  await admin.dispose();
  // ODK Collect: no cookie, no token, only what the QR code says.
  collect = await request.newContext({ extraHTTPHeaders: { 'x-openrosa-version': '1.0' } });
});

test.afterAll(async () => {
  await page?.context().close();
  await collect?.dispose();
  await server?.stop();
});

/** Photograph the QR code and read it as a phone's camera would. */
async function scanQr(): Promise<string> {
  const png = PNG.sync.read(await page.locator('svg.qr-code').screenshot());
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(read, 'the QR code on the screen decodes').not.toBeNull();
  return read?.data ?? '';
}

test('a coordinator sets up a phone; the QR code on the screen sets up ODK Collect', async () => {
  await page.goto(`/w/${workspaceId}/members`);
  await expect(page.getByRole('heading', { level: 2, name: 'Phones with ODK Collect' })).toBeVisible();
  await page.getByLabel('Name of the phone').fill('Blue phone, section B');
  await page.getByLabel('Who answers for this phone').selectOption({ label: 'Sipho Mthembu' });
  await page.locator('fieldset', { hasText: 'Forms it may collect' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Set up the phone' }).click();
  await expect(page.getByRole('img', { name: 'QR code that sets up Blue phone, section B' })).toBeVisible();
  await checkScreen(page, 'phones-qr');

  const settings = JSON.parse(inflateSync(Buffer.from(await scanQr(), 'base64')).toString('utf8'));
  expect(settings.general.form_update_mode).toBe('match_exactly');
  expect(settings.admin.change_server).toBe(false);
  const serverUrl: string = settings.general.server_url;
  expect(serverUrl.startsWith(`${server.base}/key/cpd_`)).toBe(true);

  const list = await collect.get(`${serverUrl}/formList`);
  expect(list.status()).toBe(200);
  const xml = await list.text();
  expect(xml).toContain('<formID>household_enumeration</formID>');
  const download = /<downloadUrl>([^<]+)<\/downloadUrl>/.exec(xml)?.[1] ?? '';
  const xform = await collect.get(download);
  expect(xform.status()).toBe(200);
  expect(await xform.text()).toContain('<h:html');

  await expect(page.locator('.card-list li', { hasText: 'Blue phone, section B' })).toContainText(
    'Sipho Mthembu',
  );
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Stop this phone' }).click();
  await expect(page.locator('.card-list li', { hasText: 'Blue phone, section B' })).toContainText('stopped');
  const refused = await collect.get(`${serverUrl}/formList`);
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toContain('<OpenRosaResponse');
});
