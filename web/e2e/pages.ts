import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Demo tokens of the demo data (README: Try it). */
export const TOKENS = {
  stockholm: 'kk_demo_stockholm',
  skane: 'kk_demo_skane',
  reader: 'kk_demo_reader',
  admin: 'kk_demo_admin',
} as const;

/**
 * Axe on the page as it is now (WCAG 2.1 A and AA rules): no serious or critical violation. A
 * screenshot of the page is attached to the test's results (web/test-results/, not committed).
 */
export async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await testInfo.attach(name, { path: testInfo.outputPath(`${name}.png`), contentType: 'image/png' });
  expect(serious, `axe on ${name}`).toEqual([]);
}

/** Signs in with a token through the sign-in page, as a person does. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
}
