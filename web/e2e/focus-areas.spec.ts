import { expect, test } from '@playwright/test';
import { checkPage, gql, signIn, TOKENS } from './pages';

/** The demo focus area (seeds/demo/focus-areas.json), in SAMPLING. */
const MJUKT = '3cb66453-e82c-5857-8cbb-4847485cca2f';

test('a coordinator and a region follow the demo focus area: candidates, plan, cost shares, progress', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
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

  // In SAMPLING there are no contracts to submit: the steps shown are numbered 1, 2, 3… all the same.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    '1. Deltagare',
    '2. Kandidatprodukter',
    '3. Provtagningsplan',
    '4. Kostnadsfördelning',
    '5. Framsteg',
    '6. Våra resultat',
  ]);
  const participants = page.getByRole('table', { name: '1. Deltagare' });
  await expect(participants.getByRole('rowheader', { name: 'Region Skåne' })).toBeVisible();
  const candidates = page.getByRole('table', { name: '2. Kandidatprodukter' });
  await expect(candidates.getByRole('columnheader', { name: 'Farlighet' })).toBeVisible();
  expect(await candidates.getByRole('row').count()).toBeGreaterThan(2);
  await expect(candidates.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('1');
  // The candidates' last column, with its add buttons, is on the page at 1280 px: the table fits, and
  // would it not, it scrolls inside a region of its own that the keyboard reaches.
  const scroller = candidates.locator('xpath=..');
  await expect(scroller).toHaveAttribute('role', 'region');
  await expect(scroller).toHaveAttribute('aria-label', '2. Kandidatprodukter');
  await expect(scroller).toHaveAttribute('tabindex', '0');
  expect(await scroller.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  const shown = (await scroller.boundingBox())!;
  const add = (await candidates
    .getByRole('button', { name: /^Lägg till .* i planen$/ })
    .first()
    .boundingBox())!;
  expect(add.x).toBeGreaterThanOrEqual(shown.x);
  expect(add.x + add.width).toBeLessThanOrEqual(Math.min(shown.x + shown.width, 1280));

  const plan = page.getByRole('table', { name: '3. Provtagningsplan' });
  expect(await plan.getByRole('row').count()).toBeGreaterThanOrEqual(3);
  const shares = page.getByRole('table', { name: '4. Kostnadsfördelning' });
  await expect(shares.getByRole('rowheader', { name: 'Region Stockholm' })).toBeVisible();
  await expect(page.getByText(/^Totalt: .*kr/)).toBeVisible();
  // The rounding rule in the page's language, not in the service's English.
  const costStep = page.getByRole('region', { name: '4. Kostnadsfördelning' });
  await expect(costStep).toContainText('Varje andel avrundas nedåt till hela ören');
  await expect(costStep).not.toContainText('rounded');
  await expect(page.getByRole('table', { name: '5. Framsteg' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ladda ner resultaten (XLSX)' })).toBeVisible();
  await checkPage(page, testInfo, 'focus-area-coordinator');
  // In English: the rule in English, the steps numbered alike, the candidates still on the page.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: '4. Cost shares' })).toContainText(
    'Each share is rounded down to whole öre',
  );
  const candidatesEn = page.getByRole('table', { name: '2. Candidate products' });
  expect(await candidatesEn.locator('xpath=..').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await checkPage(page, testInfo, 'focus-area-coordinator-en');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '2. Kandidatprodukter' })).toBeVisible();

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
  await expect(page.getByRole('table', { name: '2. Kandidatprodukter' })).toBeVisible();
  await expect(page.getByRole('table', { name: '4. Kostnadsfördelning' })).toBeVisible();
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

test('a focus area driven to REPORTING has a public report with charts, tables and "< 3", printable', async ({
  page,
  request,
}, testInfo) => {
  // Its own focus area, so that nothing another spec does (or a second run) changes what it shows.
  const coordinator = TOKENS.coordinator;
  const requirement = await gql(
    request,
    coordinator,
    '{ requirements(filter: { search: "K-PHT-01" }) { nodes { id code } } }',
  );
  const requirementId = requirement.requirements.nodes.find((r: { code: string }) => r.code === 'K-PHT-01').id;
  const title = `E2E-rapport ${Date.now()}`;
  const created = await gql(
    request,
    coordinator,
    'mutation ($input: CreateFocusAreaInput!) { createFocusArea(input: $input) { id } }',
    { input: { title, year: 2026, categoryCodes: ['CHILD'], requirementIds: [requirementId] } },
  );
  const id: string = created.createFocusArea.id;
  for (const token of [coordinator, TOKENS.skane, TOKENS.stockholm]) {
    await gql(request, token, 'mutation ($id: ID!) { joinFocusArea(focusAreaId: $id) { id } }', { id });
    const mine = await gql(request, token, '{ me { organisation { id } } }');
    const contracts = await gql(
      request,
      token,
      'query ($o: ID!) { contracts(first: 100, filter: { organisationId: $o }) { nodes { id categories { code } } } }',
      { o: mine.me.organisation.id },
    );
    const inArea = contracts.contracts.nodes
      .filter((c: { categories: { code: string }[] }) => c.categories.some((k) => k.code.startsWith('CHILD')))
      .map((c: { id: string }) => c.id);
    await gql(
      request,
      token,
      'mutation ($id: ID!, $c: [ID!]!) { submitContracts(focusAreaId: $id, contractIds: $c) { id } }',
      { id, c: inArea },
    );
  }
  const candidates = await gql(
    request,
    coordinator,
    'query ($id: ID!) { candidateProducts(focusAreaId: $id) { product { id } } me { organisation { id } } }',
    { id },
  );
  const sample = await gql(
    request,
    coordinator,
    'mutation ($id: ID!, $p: ID!) { addToSamplingPlan(focusAreaId: $id, productId: $p, analyses: ["Ftalater"], laboratory: "Eurofins", estimatedCost: 100000) { id } }',
    { id, p: candidates.candidateProducts[0].product.id },
  );
  const move = (status: string) =>
    gql(
      request,
      coordinator,
      'mutation ($id: ID!, $s: FocusAreaStatus!) { moveFocusArea(id: $id, status: $s) { status } }',
      {
        id,
        s: status,
      },
    );
  await move('SAMPLING');
  const assigned = await gql(
    request,
    coordinator,
    'mutation ($s: ID!, $o: ID!) { assignSample(sampleId: $s, organisationId: $o) { followUp { id } } }',
    { s: sample.addToSamplingPlan.id, o: candidates.me.organisation.id },
  );
  const followUpId: string = assigned.assignSample.followUp.id;
  const started = await gql(request, coordinator, 'mutation ($id: ID!) { startFollowUp(id: $id) { version } }', {
    id: followUpId,
  });
  await gql(
    request,
    coordinator,
    'mutation ($id: ID!, $v: Int!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, expectedVersion: $v, input: $input) { id } }',
    {
      id: followUpId,
      v: started.startFollowUp.version,
      input: {
        performedOn: '2026-10-01',
        measurements: [{ substanceCas: '117-81-7', part: 'PVC', detected: true, value: 12, unit: 'MG_PER_KG' }],
      },
    },
  );
  await gql(request, coordinator, 'mutation ($id: ID!) { completeFollowUp(id: $id) { id } }', { id: followUpId });
  await move('ANALYSING');
  await move('REPORTING');

  // Anonymous: no sign-in.
  await page.goto(`/focus-areas/${id}/report`);
  await expect(page.getByRole('heading', { level: 1, name: `${title} 2026: rapport` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Resultat per produktområde' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Resultat per ämnesgrupp' })).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Resultat per ämnesgrupp' }).getByRole('rowheader', { name: 'Ortoftalater' }),
  ).toBeVisible();
  // One sampled product: every count is below 3, withheld and said so.
  await expect(page.getByRole('cell', { name: '< 3' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible();
  await checkPage(page, testInfo, 'focus-area-report');
  // Printed: no header, navigation or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Resultat per produktområde' })).toBeVisible();
});

test('a coordinator creates a focus area, joins it, submits contracts, plans a sample, edits it and leaves', async ({
  page,
}, testInfo) => {
  const title = `E2E-skapat ${Date.now()}`;
  await signIn(page, TOKENS.coordinator);
  await page.goto('/focus-areas');
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Produktområden (koder, kommaseparerade)').fill('CHILD');
  await page.getByLabel('Kostnadsfördelning').selectOption('BY_CONTRACTS');
  await page.getByRole('button', { name: 'Skapa fokusområde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Planering', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Delta i fokusområdet' }).click();
  await expect(page.getByRole('status')).toHaveText('Er organisation deltar nu.');
  // A participant in PLANNING submits contracts: that step is the second.
  await expect(page.getByRole('heading', { level: 2 }).nth(1)).toHaveText('2. Skicka in våra avtal');
  await expect(page.getByRole('heading', { level: 2 }).nth(2)).toHaveText('3. Kandidatprodukter');
  const contracts = page.getByRole('group', { name: 'Våra avtal' });
  await contracts.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Skicka in valda avtal' }).click();
  await expect(page.getByRole('status')).toHaveText('Avtalen är inskickade.');
  const candidates = page.getByRole('table', { name: '3. Kandidatprodukter' });
  await candidates
    .getByRole('button', { name: /^Lägg till .* i planen$/ })
    .first()
    .click();
  await page.getByLabel('Analyser (kommaseparerade)').fill('Ftalater i PVC');
  await page.getByLabel('Laboratorium').fill('Eurofins');
  await page.getByLabel('Beräknad kostnad (kr)').fill('1500');
  await page.getByRole('button', { name: 'Lägg till i planen', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/är tillagd i provtagningsplanen/);
  await expect(
    page.getByRole('table', { name: '4. Provtagningsplan' }).getByRole('cell', { name: 'Eurofins' }),
  ).toBeVisible();
  await expect(page.getByText(/^Totalt: 1\s500,00\s*kr/)).toBeVisible();
  await checkPage(page, testInfo, 'focus-area-planning');

  await page.getByText('Ändra fokusområdet').click();
  await page.getByLabel('Titel').fill(`${title} (ändrat)`);
  await page.getByRole('button', { name: 'Spara ändringarna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${title} (ändrat)` })).toBeVisible();

  await page.getByRole('button', { name: 'Lämna fokusområdet' }).click();
  await expect(page.getByRole('status')).toHaveText('Er organisation har lämnat fokusområdet.');
  await expect(page.getByRole('button', { name: 'Delta i fokusområdet' })).toBeVisible();
});
