import { expect, test } from '@playwright/test';
import { checkPage, signIn, TOKENS } from './pages';

test('an anonymous visitor sees the public statistics as charts and tables, in Swedish', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik över uppföljningar' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Resultat per produktområde' })).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Resultat per ämne (de tio vanligaste)' })).toBeVisible();
  // Counts below 3 are withheld by the service and said so.
  await expect(page.getByRole('cell', { name: '< 3' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sök' })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
  await checkPage(page, testInfo, 'statistics');
});

test('the language switch turns the page into English and back, and is remembered', async ({ page }, testInfo) => {
  await page.goto('/statistics');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up statistics' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up statistics' })).toBeVisible();
  await checkPage(page, testInfo, 'statistics-en');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik över uppföljningar' })).toBeVisible();
});

test('sign in with a token shows the organisation and role; a bad token is refused; sign out', async ({
  page,
}, testInfo) => {
  await page.goto('/sign-in');
  await checkPage(page, testInfo, 'sign-in');
  await page.getByLabel('Token').fill('kk_not_a_token');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Token gäller inte');
  await checkPage(page, testInfo, 'sign-in-error');

  await signIn(page, TOKENS.stockholm);
  await expect(page.getByText('Region Stockholm (miljökontaktperson)')).toBeVisible();
  await checkPage(page, testInfo, 'start');
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
  await expect(page.getByText('Region Stockholm')).toHaveCount(0);
});

test('a reader sees search and statistics, not the pages that write', async ({ page }) => {
  await signIn(page, TOKENS.reader);
  await expect(page.getByText('Region Uppsala (läsare)')).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Sök' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Registrera uppföljning' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Importera' })).toHaveCount(0);
});

test('the accessibility statement says how to report a problem', async ({ page }, testInfo) => {
  await page.goto('/accessibility');
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rapportera brister' })).toBeVisible();
  await checkPage(page, testInfo, 'accessibility');
});
