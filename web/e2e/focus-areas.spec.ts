import { expect, test } from '@playwright/test';
import { checkPage, signIn, TOKENS } from './pages';

/** The demo focus area (seeds/demo/focus-areas.json), in SAMPLING. */
const MJUKT = '3cb66453-e82c-5857-8cbb-4847485cca2f';

test('a coordinator and a region follow the demo focus area: candidates, plan, cost shares, progress', async ({
  page,
}, testInfo) => {
  await signIn(page, TOKENS.coordinator);
  await page.getByRole('navigation').getByRole('link', { name: 'Fokusområden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fokusområden' })).toBeVisible();
  // Only a coordinator creates focus areas.
  await expect(page.getByRole('heading', { name: 'Skapa fokusområde' })).toBeVisible();
  await checkPage(page, testInfo, 'focus-areas');
  await page.getByRole('link', { name: 'Mjukt och tryggt' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/focus-areas/${MJUKT}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Mjukt och tryggt' })).toBeVisible();
  await expect(page.getByText('Provtagning', { exact: true })).toBeVisible();

  const participants = page.getByRole('table', { name: '1. Deltagare' });
  await expect(participants.getByRole('rowheader', { name: 'Region Skåne' })).toBeVisible();
  const candidates = page.getByRole('table', { name: '3. Kandidatprodukter' });
  await expect(candidates.getByRole('columnheader', { name: 'Farlighet' })).toBeVisible();
  expect(await candidates.getByRole('row').count()).toBeGreaterThan(2);
  await expect(candidates.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('1');

  const plan = page.getByRole('table', { name: '4. Provtagningsplan' });
  expect(await plan.getByRole('row').count()).toBeGreaterThanOrEqual(3);
  const shares = page.getByRole('table', { name: '5. Kostnadsfördelning' });
  await expect(shares.getByRole('rowheader', { name: 'Region Stockholm' })).toBeVisible();
  await expect(page.getByText(/^Totalt: .*kr/)).toBeVisible();
  await expect(page.getByRole('table', { name: '6. Framsteg' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ladda ner resultaten (XLSX)' })).toBeVisible();
  await checkPage(page, testInfo, 'focus-area-coordinator');

  // While a sample has no buyer, moving on is refused, and the service's reason is shown.
  if ((await plan.getByRole('button', { name: 'Tilldela' }).count()) > 0) {
    await page.getByRole('button', { name: 'Flytta till Analys' }).click();
    await expect(page.getByRole('alert')).toContainText('Går inte just nu:');
    await checkPage(page, testInfo, 'focus-area-refused');
  }

  // The workbook of the results downloads as a file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner resultaten (XLSX)' }).click();
  expect((await download).suggestedFilename()).toBe(`focus-area-${MJUKT}.xlsx`);

  // A region's contact person sees the same steps, but not the coordinator's actions.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await signIn(page, TOKENS.stockholm);
  await page.goto(`/focus-areas/${MJUKT}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mjukt och tryggt' })).toBeVisible();
  await expect(page.getByRole('table', { name: '3. Kandidatprodukter' })).toBeVisible();
  await expect(page.getByRole('table', { name: '5. Kostnadsfördelning' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Flytta till/ })).toHaveCount(0);
  await expect(page.getByText('Ändra fokusområdet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tilldela' })).toHaveCount(0);
  // Joining and leaving are for PLANNING only.
  await expect(page.getByRole('button', { name: 'Lämna fokusområdet' })).toHaveCount(0);
  await checkPage(page, testInfo, 'focus-area-region');
});

test('an anonymous visitor opens a public report; before REPORTING the service says there is none', async ({
  page,
}, testInfo) => {
  await page.goto(`/focus-areas/${MJUKT}/report`);
  await expect(page).toHaveURL(new RegExp(`/focus-areas/${MJUKT}/report$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Fokusområdets rapport' })).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  await checkPage(page, testInfo, 'focus-area-report-unpublished');
});
