// The researcher's side of the enumeration e2e on a phone-sized browser: filling the enumeration
// form (typed place or a tap on the phone's map, households and members), numbering only, and
// the collection home's parts that the spec reads.
import type { Page } from '@playwright/test';
import { checkScreen } from '../pages/app.ts';
import { cameraPhoto } from './collect-world.ts';
import { enumerationTitle } from './enumeration-form.ts';
import { expect } from './index.ts';

export type Point = { lat: number; lon: number };

/** The collection home's count of section A's structures held on the phone. */
export async function structuresOnPhone(p: Page): Promise<number> {
  const text = await card(p)
    .getByText(/^Sonop, section A: \d+ structures on this phone$/)
    .textContent();
  return Number(text!.match(/(\d+) structures/)![1]);
}

export const card = (p: Page) =>
  p.getByRole('listitem').filter({ has: p.getByRole('heading', { name: enumerationTitle }) });
export const sent = (p: Page) => p.getByRole('region', { name: /^Sent \(/ });

export interface Household {
  size: string;
  ages: string[];
  /** A name to check the filled household screen under (axe and screenshots). */
  screen?: string;
}

/** Pixels from the middle of the phone's map of the area, where a structure is placed by a tap;
 * `screen` names the filled map to check (axe and screenshots). */
export type Tap = { dx: number; dy: number; screen?: string };

/** Places the structure by a tap on the map of the area; gives the point the form took. */
async function placeOnMap(p: Page, { dx, dy, screen }: Tap): Promise<Point> {
  await p.getByRole('button', { name: 'Place on the map' }).click();
  const map = p.getByRole('region', { name: 'Map of your area: tap where it stands' });
  await expect(map).toHaveAttribute('data-drawn', /^\d+$/, { timeout: 15_000 });
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dy } });
  await expect(p.getByText('Placed where you tapped on the map. Tap again to move it.')).toBeVisible();
  const point = {
    lat: Number(await p.getByLabel('Latitude').inputValue()),
    lon: Number(await p.getByLabel('Longitude').inputValue()),
  };
  if (screen) await checkScreen(p, screen);
  await p.getByRole('button', { name: 'Close the map' }).click();
  return point;
}

/**
 * Fills the enumeration form from the collection home: the structure, and a household if one. The
 * place is typed, or tapped on the map; a tapped place comes back as the point the form took.
 */
export async function enumerate(
  p: Page,
  number: string,
  at: Point | Tap,
  rooms: string,
  household?: Household,
): Promise<Point | null> {
  let tapped: Point | null = null;
  await card(p).getByRole('link', { name: 'Start a new form' }).click();
  await p.getByLabel('Painted number', { exact: true }).fill(number);
  await p.getByLabel('Section code').fill('A');
  if ('dx' in at) tapped = await placeOnMap(p, at);
  else {
    await p.getByLabel('Latitude').fill(at.lat.toFixed(6));
    await p.getByLabel('Longitude').fill(at.lon.toFixed(6));
  }
  await p.getByLabel('Rooms').fill(rooms);
  await p.getByRole('button', { name: 'Next' }).click();
  await expect(p.getByRole('heading', { name: 'Household', exact: true })).toBeVisible();
  // Nobody home (or numbering only): no household entry.
  for (let n = await p.getByRole('button', { name: /^Remove Household/ }).count(); n > 0; n--)
    await p
      .getByRole('button', { name: /^Remove Household/ })
      .first()
      .click();
  if (household) {
    await p.getByRole('button', { name: 'Add Household' }).click();
    await p.getByLabel('People in the household').fill(household.size);
    await p.getByLabel('Signed').check();
    await p.getByLabel('The person themselves').check();
    await p.getByLabel('Consent notice version').fill('v1');
    await p.getByLabel('Language of the notice').fill('zu');
    await p.getByLabel('Community planning').check();
    await p.getByLabel('Totals shared with the municipality').check();
    const members = p.locator('.frepeat-entry .frepeat-entry');
    for (let n = await members.count(); n > 0; n--)
      await p
        .getByRole('button', { name: /^Remove Member/ })
        .first()
        .click();
    for (const [i, age] of household.ages.entries()) {
      await p.getByRole('button', { name: 'Add Member' }).click();
      const member = members.nth(i);
      await member.getByLabel('Age').fill(age);
      await member.getByLabel(i === 1 ? 'Male' : 'Female', { exact: true }).check();
    }
    if (household.screen) await checkScreen(p, household.screen);
  }
  await p.getByRole('button', { name: 'Finish' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'My collection work' })).toBeVisible();
  return tapped;
}

export async function unlockOffline(p: Page, password: string) {
  await expect(p.getByRole('heading', { level: 1, name: 'Open my work on this phone' })).toBeVisible();
  await p.getByLabel('Imran Shaikh').check();
  await p.getByLabel('Password', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'Open my work' }).click();
}

/** The structure page of the form, with no household, up to the Finish button (not pressed). */
export async function numberOnly(p: Page, number: string, at: Point, photo = false) {
  await card(p).getByRole('link', { name: 'Start a new form' }).click();
  await p.getByLabel('Painted number', { exact: true }).fill(number);
  await p.getByLabel('Section code').fill('A');
  await p.getByLabel('Latitude').fill(at.lat.toFixed(6));
  await p.getByLabel('Longitude').fill(at.lon.toFixed(6));
  if (photo)
    await p
      .getByLabel('Photo of the door')
      .setInputFiles({ name: 'IMG_0002.png', mimeType: 'image/png', buffer: await cameraPhoto(p) });
  await finishPage(p);
}

export async function finishPage(p: Page) {
  await p.getByRole('button', { name: 'Next' }).click();
  await expect(p.getByRole('heading', { name: 'Household', exact: true })).toBeVisible();
  for (let n = await p.getByRole('button', { name: /^Remove Household/ }).count(); n > 0; n--)
    await p
      .getByRole('button', { name: /^Remove Household/ })
      .first()
      .click();
  await p.getByRole('button', { name: 'Finish' }).click();
}

// Finishing seals the answers (and resizes a photo) before going home: slow on a loaded machine.
export const atHome = (p: Page) =>
  expect(p.getByRole('heading', { level: 1, name: 'My collection work' })).toBeVisible({
    timeout: 15_000,
  });
export const warning = (p: Page) => p.getByRole('alert').filter({ hasText: 'is already used' });
