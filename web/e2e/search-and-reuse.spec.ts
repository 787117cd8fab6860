import { expect, test } from '@playwright/test';
import { checkPage, signIn, TOKENS } from './pages';

test('search → product → verdict against my contract → record the reuse of another region’s follow-up', async ({
  page,
}, testInfo) => {
  await signIn(page, TOKENS.stockholm);
  await expect(
    page.getByRole('heading', { name: 'Senaste uppföljningarna hos leverantörerna i era avtal' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lekmatta PVC 120x180' }).first()).toBeVisible();
  await checkPage(page, testInfo, 'start-recent');

  await page.getByRole('navigation').getByRole('link', { name: 'Sök' }).click();
  await page.getByRole('searchbox', { name: 'Sök' }).fill('7350012340018');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const products = page.getByRole('region', { name: 'Varor' });
  await expect(products.getByRole('link', { name: 'Lekmatta PVC 120x180' })).toBeVisible();
  await checkPage(page, testInfo, 'search-gtin');

  // Grouped by kind: a supplier and its products for "lekverket".
  await page.getByRole('searchbox', { name: 'Sök' }).fill('lekverket');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Leverantörer' }).getByRole('link', { name: /Lekverket/ }),
  ).toBeVisible();
  await page.getByRole('searchbox', { name: 'Sök' }).fill('117-81-7');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Ämnen' })).toContainText('117-81-7');
  await page.getByRole('searchbox', { name: 'Sök' }).fill('7350012340018');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();

  await page.getByRole('region', { name: 'Varor' }).getByRole('link', { name: 'Lekmatta PVC 120x180' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lekmatta PVC 120x180' })).toBeVisible();
  await expect(page.getByRole('table', { name: /analysresultat/ }).first()).toBeVisible();
  await checkPage(page, testInfo, 'product');

  // Watch the product: a toggle button, kept by the service.
  const watch = page.getByRole('button', { name: 'Bevaka' });
  await expect(watch).toHaveAttribute('aria-pressed', 'false');
  await watch.click();
  await expect(watch).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Bevaka' })).toHaveAttribute('aria-pressed', 'true');

  // Stockholm's own limit for phthalates is 100 mg/kg: Skåne's 800 mg/kg DEHP fails it.
  await page.getByRole('button', { name: /Mitt avtal/ }).click();
  await page.getByRole('option', { name: /Lek- och barnmiljöprodukter/ }).click();
  const verdicts = page.getByRole('table', { name: 'Bedömning per krav' });
  const phthalates = verdicts.getByRole('row', { name: /K-PHT-01/ });
  await expect(phthalates).toContainText('Underkänd');
  await expect(phthalates).toContainText('100 mg/kg');
  await expect(phthalates).toContainText('avtalets eget gränsvärde');
  await checkPage(page, testInfo, 'product-evaluation');

  const record = page.getByRole('button', { name: /Registrera att vi återanvänder uppföljningen från Region Skåne/ });
  await expect(page.getByText('Ja, den kan återanvändas för avtalet').first()).toBeVisible();
  await record.first().click();
  await expect(page.getByText('Återanvändningen är registrerad.').first()).toBeVisible();
  // Recorded for good: after a reload the page says so instead of offering the button again.
  await page.reload();
  await expect(page.getByText('Återanvändningen är registrerad.').first()).toBeVisible();
  await checkPage(page, testInfo, 'product-reused');
});
