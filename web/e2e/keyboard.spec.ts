import { expect, type Locator, type Page, test } from '@playwright/test';
import { TOKENS } from './pages';

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through the page;
 * fails when it is never reached (not focusable, or hidden from the tab order).
 */
async function tabTo(page: Page, target: Locator, backwards = false, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`never reached by ${backwards ? 'Shift+Tab' : 'Tab'}: ${target.toString()}`);
}

const ROWS = [
  ['117-81-7', 'PVC-yta', '<10', 'mg/kg', ''],
  ['84-74-2', 'PVC-yta', '<10', 'mg/kg', ''],
  ['85-68-7', 'PVC-yta', 'femtio', 'mg/kg', ''],
  ['84-69-5', 'PVC-yta', '40', 'mg/kg', '8'],
];

test('log a follow-up by keyboard alone: sign in, pick, paste, fix a problem from the summary, preview, save', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await tabTo(page, page.getByLabel('Token'));
  await page.keyboard.type(TOKENS.stockholm);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: 'Registrera uppföljning' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera en uppföljning' })).toBeVisible();

  await tabTo(page, page.getByRole('combobox', { name: 'Vara' }));
  await page.keyboard.type('Lekmatta PVC');
  await expect(page.getByRole('option', { name: /Lekmatta PVC 120x180/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Vara' })).toHaveValue('Lekmatta PVC 120x180');

  await tabTo(page, page.getByRole('button', { name: /Mitt avtal/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: /Lek- och barnmiljöprodukter/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: /K-PHT-01/ })).toBeChecked();
  // Leave out a requirement by keyboard: Space toggles the checkbox.
  await tabTo(page, page.getByRole('checkbox', { name: /K-PFAS-01/ }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: /K-PFAS-01/ })).not.toBeChecked();

  // The new-product dialog opens and closes by keyboard, and gives the focus back.
  const open = page.getByRole('button', { name: 'Finns inte varan? Lägg till den' });
  await tabTo(page, open, true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Lägg till en vara' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(open).toBeFocused();

  await tabTo(page, page.getByLabel('Utförd (datum)'));
  await page.keyboard.type('2026-11-03');
  await expect(page.getByLabel('Utförd (datum)')).toHaveValue('2026-11-03');

  await tabTo(page, page.getByLabel('Klistra in rader från Excel'));
  await page.keyboard.insertText(ROWS.map((row) => row.join('\t')).join('\n'));
  await tabTo(page, page.getByRole('button', { name: 'Läs in raderna' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: '4 analysresultat' })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Spara uppföljningen' }));
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns 1 problem' });
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(summary.getByRole('link', { name: /Rad 3, Värde eller <LOQ/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Rad 3, Värde eller <LOQ')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('50');

  await tabTo(page, page.getByRole('button', { name: 'Förhandsgranska bedömningen' }));
  await page.keyboard.press('Enter');
  const preview = page.getByRole('region', { name: /Förhandsgranskning mot avtalet/ });
  await expect(preview.getByRole('row', { name: /K-PHT-01/ })).toContainText('Går inte att avgöra');

  await tabTo(page, page.getByRole('button', { name: 'Spara uppföljningen' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/follow-ups\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('table', { name: '4 analysresultat' })).toBeVisible();
});
