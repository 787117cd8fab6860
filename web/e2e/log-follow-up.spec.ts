import { expect, type Page, test } from '@playwright/test';
import { checkPage, signIn, TOKENS } from './pages';

const PARTS = ['PVC-yta', 'Skumkärna', 'Handtag', 'Dragkedja', 'Etikett'];
const SUBSTANCES = ['117-81-7', 'Dibutyl phthalate (DBP)', '85-68-7', '84-69-5'];

/** 20 measurements as Excel copies them (tab-separated, Swedish decimal commas), with a heading row. */
function tsv(): string {
  const rows = ['Ämne\tDel\tVärde\tEnhet\tOsäkerhet'];
  for (const part of PARTS)
    for (const substance of SUBSTANCES) {
      const value = part === 'Handtag' && substance === '117-81-7' ? '0,02' : '<10';
      const unit = value === '0,02' ? '%' : 'mg/kg';
      rows.push([substance, part, value, unit, value === '0,02' ? '0,004' : ''].join('\t'));
    }
  // Two bad rows: an unknown substance (row 3) and a value that is not a number (row 7).
  const lines = rows;
  lines[3] = lines[3]!.replace('85-68-7', 'Ftalat X');
  lines[7] = lines[7]!.replace('<10', 'tolv');
  return lines.join('\n');
}

async function chooseProductAndContract(page: Page) {
  await page.getByRole('combobox', { name: 'Vara' }).fill('Lekmatta');
  await page.getByRole('option', { name: /Lekmatta PVC 120x180/ }).click();
  await page.getByRole('button', { name: /Mitt avtal/ }).click();
  await page.getByRole('option', { name: /Lek- och barnmiljöprodukter/ }).click();
  await expect(page.getByRole('checkbox', { name: /K-PHT-01/ })).toBeChecked();
}

test('log a follow-up with 20 measurements pasted from Excel: two bad rows shown at their rows, fixed, previewed, saved', async ({
  page,
}, testInfo) => {
  await signIn(page, TOKENS.stockholm);
  await page.getByRole('link', { name: 'Registrera uppföljning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera en uppföljning' })).toBeVisible();
  await checkPage(page, testInfo, 'log-empty');

  await chooseProductAndContract(page);
  await page.getByLabel('Utförd (datum)').fill('2026-11-02');
  await page.getByLabel('Laboratorium').fill('Eurofins Product Testing Sverige');
  await page.getByLabel('Rapportreferens').fill('AR-26-SE-009999');
  await page.getByLabel('Konfidentiella anteckningar').fill('Pris 4 200 kr');
  await page.getByLabel('Klistra in rader från Excel').fill(tsv());
  await page.getByRole('button', { name: 'Läs in raderna' }).click();
  await expect(page.getByRole('table', { name: '20 analysresultat' })).toBeVisible();

  await page.getByRole('button', { name: 'Förhandsgranska bedömningen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Det finns 2 problem' });
  await expect(summary).toBeVisible();
  await expect(
    summary.getByRole('link', { name: /Rad 3, Ämne eller CAS: ”Ftalat X” är inget känt ämne/ }),
  ).toBeVisible();
  await expect(summary.getByRole('link', { name: /Rad 7, Värde eller <LOQ: ”tolv” är inget tal/ })).toBeVisible();
  await expect(page.getByLabel('Rad 3, Ämne eller CAS')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Rad 7, Värde eller <LOQ')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Rad 4, Ämne eller CAS')).not.toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, testInfo, 'log-problems');

  // The summary's link takes the user to the field.
  await summary.getByRole('link', { name: /Rad 7/ }).click();
  await expect(page.getByLabel('Rad 7, Värde eller <LOQ')).toBeFocused();
  await page.getByLabel('Rad 7, Värde eller <LOQ').fill('<10');
  await page.getByLabel('Rad 3, Ämne eller CAS').fill('85-68-7');

  await page.getByRole('button', { name: 'Förhandsgranska bedömningen' }).click();
  const preview = page.getByRole('region', { name: /Förhandsgranskning mot avtalet/ });
  await expect(preview.getByRole('row', { name: /K-PHT-01/ })).toContainText('Underkänd');
  await expect(preview.getByRole('row', { name: /K-PHT-01/ })).toContainText('Handtag: Underkänd');
  await checkPage(page, testInfo, 'log-preview');

  await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
  await expect(page).toHaveURL(/\/follow-ups\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /Lekmatta PVC 120x180 – Slutförd/ })).toBeVisible();
  await expect(page.getByRole('table', { name: '20 analysresultat' })).toBeVisible();
  const verdicts = page.getByRole('table', { name: 'Bedömning per krav' });
  await expect(verdicts.getByRole('row', { name: /K-PHT-01/ })).toContainText('Underkänd');
  await checkPage(page, testInfo, 'follow-up');

  // Lifecycle: close it; a change made meanwhile elsewhere makes the page ask for a reload.
  await page.getByRole('button', { name: 'Avsluta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /– Avslutad/ })).toBeVisible();
});

test('a change made by someone else meanwhile is refused: "changed by someone else: reload"', async ({
  page,
  browser,
}) => {
  await signIn(page, TOKENS.stockholm);
  await page.goto('/follow-ups/new');
  await chooseProductAndContract(page);
  await page.getByRole('radiogroup', { name: 'Status' }).getByText('Planerad').click();
  await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /– Planerad/ })).toBeVisible();
  const url = page.url();

  const other = await browser.newPage();
  await signIn(other, TOKENS.stockholm);
  await other.goto(url);
  await other.getByRole('button', { name: 'Påbörja' }).click();
  await expect(other.getByRole('heading', { level: 1, name: /– Pågår/ })).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: 'Markera som slutförd' }).click();
  await expect(page.getByRole('alert')).toContainText('har ändrats av någon annan');
  await page.getByRole('button', { name: 'Ladda om' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /– Pågår/ })).toBeVisible();
});

test('log a desk audit of a supplier as a whole', async ({ page }, testInfo) => {
  await signIn(page, TOKENS.stockholm);
  await page.goto('/follow-ups/new');
  await page.getByRole('radiogroup', { name: 'Uppföljningen gäller' }).getByText('En leverantör').click();
  await page.getByRole('combobox', { name: 'Leverantör' }).fill('Lekverket');
  await page.getByRole('option', { name: /Lekverket/ }).click();
  await page.getByRole('button', { name: /Mitt avtal/ }).click();
  await page.getByRole('option', { name: /Lek- och barnmiljöprodukter/ }).click();
  await page.getByRole('radiogroup', { name: 'Metod' }).getByText('Skrivbordsrevision').click();
  await page.getByLabel('Utförd (datum)').fill('2026-10-20');
  await checkPage(page, testInfo, 'log-supplier');
  await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Lekverket.* – Slutförd/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Skrivbordsrevision · Region Stockholm/ })).toBeVisible();
});
