import { expect, test } from '@playwright/test';
import { checkPage, gql, recordFollowUp, signIn, TOKENS } from './pages';

const PLAYMAT = '7350012340018'; // Lekmatta PVC 120x180, a product of the demo supplier Lekverket Nordic AB

// Each run's own deviations: an earlier journey on the shared database may have opened one alike.
const RUN = Date.now().toString(36);
const PLAN_ASKED = `DEHP över gränsvärdet i pälsen, parti ${RUN}`;
const PLAN_GIVEN = `Saknar säkerhetsdatablad för mjukgöraren, parti ${RUN}`;

const OPEN_DEVIATION = `mutation ($input: OpenDeviationInput!) { openDeviation(input: $input) { id } }`;

async function supplierOf(request: Parameters<typeof gql>[0], followUpId: string): Promise<string> {
  const found = await gql(request, TOKENS.stockholm, `query ($id: ID!) { followUp(id: $id) { supplier { id } } }`, {
    id: followUpId,
  });
  return found.followUp.supplier.id;
}

test('a supplier answers a deviation with an action plan, releases the report and comments on the result', async ({
  page,
  request,
}, testInfo) => {
  const followUpId = await recordFollowUp(request, TOKENS.stockholm, PLAYMAT, {
    performedOn: '2026-09-17',
    reportReference: 'AR-SUPP-0917',
    requiresSupplierRelease: true,
  });
  await gql(request, TOKENS.stockholm, OPEN_DEVIATION, {
    input: { followUpId, severity: 'MAJOR', description: PLAN_ASKED, dueDate: '2027-01-15' },
  });
  // At least 13 shared follow-ups of the supplier, as the review saw it, the others performed earlier.
  const supplierId = await supplierOf(request, followUpId);
  const shownBefore = await gql(
    request,
    TOKENS.supplier,
    `query ($s: ID!) { followUps(filter: { supplierId: $s }) { totalCount } }`,
    { s: supplierId },
  );
  for (let i = shownBefore.followUps.totalCount; i < 13; i++)
    await recordFollowUp(request, TOKENS.stockholm, PLAYMAT, {
      performedOn: `2026-08-${String(10 + i).padStart(2, '0')}`,
      reportReference: `AR-PAGE-${i}`,
    });
  const report = `query ($id: ID!) { followUp(id: $id) { reportReference reportReleasedAt comments { text } } }`;
  const before = await gql(request, TOKENS.skane, report, { id: followUpId });
  expect(before.followUp.reportReference).toBeNull();

  await signIn(page, TOKENS.supplier);
  // The navigation offers only what a supplier's member may use.
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('link', { name: 'Våra resultat' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Aviseringar' })).toBeVisible();
  for (const hidden of ['Sök', 'Registrera uppföljning', 'Importera', /Nytt/])
    await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Lekverket Nordic AB' })).toBeVisible();
  await expect(page.getByText(/leverantör\)/)).toBeVisible();
  // 10 follow-ups a page, none with an open comment form: the page is far shorter than it was with all
  // 13 on it, each carrying its form (9,400 px with this journey's data alone, 10,800 px where the
  // review saw it; 5,900 px now). The height itself is not asserted: it grows with what the other
  // journeys record for this supplier (7,400 px after the whole suite); what made the page long is.
  const shared = page.getByRole('region', { name: /delade uppföljningar av era varor/ });
  await expect(shared.getByRole('button', { name: 'Kommentera resultatet' })).toHaveCount(10);
  await expect(shared.getByRole('textbox', { name: 'Kommentar till resultatet' })).toHaveCount(0);
  // Opening one form opens that one only.
  await shared.getByRole('button', { name: 'Kommentera resultatet' }).first().click();
  await expect(shared.getByRole('textbox', { name: 'Kommentar till resultatet' })).toHaveCount(1);
  await expect(shared.getByRole('textbox', { name: 'Kommentar till resultatet' })).toBeFocused();
  await shared.getByRole('button', { name: 'Avbryt' }).click();
  await expect(shared.getByRole('textbox', { name: 'Kommentar till resultatet' })).toHaveCount(0);
  await checkPage(page, testInfo, 'supplier-view');
  // The next page has the rest; the focus goes to the list's heading, and back.
  await shared.getByRole('button', { name: 'Nästa sida' }).click();
  await expect(shared.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(shared.getByRole('button', { name: 'Kommentera resultatet' })).not.toHaveCount(0);
  await expect(shared.getByRole('button', { name: 'Nästa sida' })).toHaveCount(0);
  await shared.getByRole('button', { name: 'Föregående sida' }).click();
  await expect(shared.getByRole('button', { name: 'Kommentera resultatet' })).toHaveCount(10);

  // Answer the deviation: both fields missing are listed at once, then the plan is sent.
  const deviation = page.getByRole('article', { name: PLAN_ASKED });
  await deviation.getByRole('button', { name: 'Skicka åtgärdsplanen' }).click();
  const problems = deviation.getByRole('alert');
  await expect(problems).toContainText('Beskriv hur ni åtgärdar avvikelsen');
  await expect(problems).toContainText('Skriv när åtgärden är klar');
  await expect(deviation.getByRole('textbox', { name: 'Åtgärdsplan' })).toHaveAttribute('aria-invalid', 'true');
  await checkPage(page, testInfo, 'supplier-view-problems');
  await deviation
    .getByRole('textbox', { name: 'Åtgärdsplan' })
    .fill('Byter mjukgörare till DINCH i nästa tillverkningsomgång.');
  await deviation.getByLabel('Klart senast (datum)').fill('2027-02-01');
  await deviation.getByRole('button', { name: 'Skicka åtgärdsplanen' }).click();
  await expect(deviation).toContainText('föreslagen av leverantören');
  await expect(deviation).toContainText('Byter mjukgörare till DINCH');

  // Release the report the region asked to have reviewed, and reply beside the result.
  const result = page.getByRole('group', { name: /17 sep\. 2026/ });
  await expect(result).toContainText('Väntar på att leverantören släpper rapporten');
  await result.getByRole('button', { name: 'Släpp rapporten' }).click();
  await expect(result).toContainText('Släppt av leverantören');
  await expect(result.getByRole('button', { name: 'Släpp rapporten' })).toHaveCount(0);
  // The comment form opens on demand, with the focus in its text box; sent, it closes again.
  await result.getByRole('button', { name: 'Kommentera resultatet' }).click();
  await expect(result.getByLabel('Kommentar till resultatet')).toBeFocused();
  await page.keyboard.type('Partiet är spärrat i vårt lager.');
  await result.getByRole('button', { name: 'Skicka kommentaren' }).click();
  await expect(result.getByRole('listitem').filter({ hasText: 'Partiet är spärrat i vårt lager.' })).toBeVisible();
  await expect(result.getByLabel('Kommentar till resultatet')).toHaveCount(0);
  await expect(result.getByRole('button', { name: 'Kommentera resultatet' })).toBeFocused();
  await checkPage(page, testInfo, 'supplier-view-answered');

  // Another region now reads the report's reference and the supplier's reply.
  const after = await gql(request, TOKENS.skane, report, { id: followUpId });
  expect(after.followUp.reportReference).toBe('AR-SUPP-0917');
  expect(after.followUp.comments).toEqual([{ text: 'Partiet är spärrat i vårt lager.' }]);
});

test('a region accepts the supplier’s action plan and invites a contact person of the supplier', async ({
  page,
  browser,
  request,
}, testInfo) => {
  const followUpId = await recordFollowUp(request, TOKENS.stockholm, PLAYMAT, { performedOn: '2026-09-18' });
  const opened = await gql(request, TOKENS.stockholm, OPEN_DEVIATION, {
    input: { followUpId, severity: 'MINOR', description: PLAN_GIVEN },
  });
  await gql(
    request,
    TOKENS.supplier,
    `mutation ($id: ID!) { respondToDeviation(deviationId: $id, actionPlan: "Skickar databladet inom en vecka.", dueDate: "2027-03-01") { id } }`,
    { id: opened.openDeviation.id },
  );
  const supplierId = await supplierOf(request, followUpId);

  await signIn(page, TOKENS.stockholm);
  await page.goto(`/suppliers/${supplierId}`);
  const deviation = page.getByRole('article', { name: PLAN_GIVEN });
  await expect(deviation).toContainText('Skickar databladet inom en vecka.');
  await expect(deviation).toContainText('föreslagen av leverantören');
  await checkPage(page, testInfo, 'supplier-plan-proposed');
  await deviation.getByRole('button', { name: 'Godkänn åtgärdsplanen' }).click();
  await expect(deviation).toContainText('Åtgärdsplan godkänd');
  await expect(deviation.getByRole('button', { name: 'Godkänn åtgärdsplanen' })).toHaveCount(0);
  const state = await gql(
    request,
    TOKENS.stockholm,
    `query ($id: ID!) { node(id: $id) { ... on Deviation { status actionPlanStatus } } }`,
    {
      id: opened.openDeviation.id,
    },
  );
  expect(state.node).toEqual({ status: 'ACTION_PLAN_AGREED', actionPlanStatus: 'ACCEPTED' });

  // The region asks, on its own follow-up, that the supplier release the report first.
  await page.goto(`/follow-ups/${followUpId}`);
  await page.getByText(/^Leverantören ska släppa rapporten/).click();
  await expect(page.getByRole('checkbox', { name: /Leverantören ska släppa rapporten/ })).toBeChecked();
  await expect(page.getByText('Väntar på att leverantören släpper rapporten')).toBeVisible();
  await checkPage(page, testInfo, 'follow-up-awaiting-release');
  await page.goto(`/suppliers/${supplierId}`);

  // Invite a contact person: the token is shown once, and signs the person in to the supplier's view.
  const invite = page.getByRole('form', { name: 'Bjud in en kontaktperson hos leverantören' });
  await invite.getByRole('button', { name: 'Bjud in' }).click();
  await expect(invite.getByRole('alert')).toContainText('Skriv kontaktpersonens namn');
  await invite.getByLabel('Namn').fill('Lena Lund');
  await invite.getByLabel('E-postadress').fill('lena@lekverket.example');
  await invite.getByRole('button', { name: 'Bjud in' }).click();
  const shown = invite.getByRole('region', { name: 'Lena Lund är inbjuden' });
  await expect(shown).toBeFocused();
  await checkPage(page, testInfo, 'supplier-invited');
  const token = ((await shown.locator('code').textContent()) ?? '').trim();
  expect(token.length).toBeGreaterThan(20);

  const lena = await browser.newPage();
  await signIn(lena, token);
  await expect(lena.getByRole('heading', { level: 1, name: 'Lekverket Nordic AB' })).toBeVisible();
  await expect(lena.getByText(/Lena Lund/)).toBeVisible();
  await lena.close();
});

test('notification settings: e-mail mode, a webhook with its secret shown once, turned off after failures and on again', async ({
  page,
  request,
}, testInfo) => {
  const followUpId = await recordFollowUp(request, TOKENS.stockholm, PLAYMAT, { performedOn: '2026-09-19' });
  const supplierId = await supplierOf(request, followUpId);

  await signIn(page, TOKENS.skane);
  await page.goto(`/suppliers/${supplierId}`);
  await page.getByRole('button', { name: 'Bevaka' }).click();
  await expect(page.getByRole('button', { name: 'Bevaka' })).toHaveAttribute('aria-pressed', 'true');

  // A requirement of the library, found by the search, and our organisation's contracts are watched too.
  await page.goto('/search?q=K-PHT-01');
  await page.getByRole('link', { name: /K-PHT-01/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /K-PHT-01/ })).toBeVisible();
  await page.getByRole('button', { name: 'Bevaka' }).click();
  await expect(page.getByRole('button', { name: 'Bevaka' })).toHaveAttribute('aria-pressed', 'true');
  await checkPage(page, testInfo, 'requirement');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Bevaka våra avtal' }).click();
  await expect(page.getByRole('button', { name: 'Bevaka våra avtal' })).toHaveAttribute('aria-pressed', 'true');
  const watches = await gql(request, TOKENS.skane, `{ watches { kind } }`);
  expect(watches.watches.map((w: { kind: string }) => w.kind).sort()).toEqual(['CONTRACTS', 'REQUIREMENT', 'SUPPLIER']);

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aviseringar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aviseringar' })).toBeVisible();
  await checkPage(page, testInfo, 'notifications');

  await page
    .getByRole('radiogroup', { name: 'Hur vill du få e-post?' })
    .getByText('En sammanfattning om dagen')
    .click();
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toHaveText(
    'Sparat: En sammanfattning om dagen.',
  );
  const mode = await gql(request, TOKENS.skane, `{ emailNotifications }`);
  expect(mode.emailNotifications).toBe('DAILY_DIGEST');

  // A webhook: the address is required; then the secret is shown once, with how to check the signature.
  const form = page.getByRole('form', { name: 'Ny webhook' });
  await form.getByRole('button', { name: 'Skapa webhooken' }).click();
  await expect(form.getByRole('alert')).toContainText('Skriv adressen som ska ta emot aviseringarna');
  // Nothing listens on port 9: every delivery fails, so the webhook is turned off (WEBHOOK_DISABLE_AFTER=2).
  const url = 'http://127.0.0.1:9/kemkollen';
  await form.getByLabel('Adress (URL)').fill(url);
  await form.getByRole('button', { name: 'Skapa webhooken' }).click();
  const secret = form.getByRole('region', { name: 'Spara hemligheten nu' });
  await expect(secret).toBeFocused();
  await expect(secret).toContainText('x-kemkollen-signature');
  await expect(secret.locator('code').first()).toHaveText(/^whsec_/);
  const row = page.getByRole('row', { name: new RegExp(url) });
  await expect(row).toContainText('På');
  await checkPage(page, testInfo, 'notifications-webhook-created');

  // The supplier replies: a SUPPLIER_ANSWER for Skåne, who watches the supplier; the deliveries fail.
  await gql(
    request,
    TOKENS.supplier,
    `mutation ($id: ID!) { commentOnFollowUp(followUpId: $id, text: "Vi ser över det.") { id } }`,
    {
      id: followUpId,
    },
  );
  await expect
    .poll(async () => (await gql(request, TOKENS.skane, `{ webhooks { url enabled } }`)).webhooks, { timeout: 20_000 })
    .toContainEqual({ url, enabled: false });
  await page.reload();
  await expect(row).toContainText('Avstängd');
  await expect(row).toContainText('2 misslyckade leveranser i rad');
  await row.getByRole('button', { name: `Leveranslogg för ${url}` }).click();
  const log = page.getByRole('table', { name: /leverans/ });
  await expect(log.getByRole('row', { name: /En leverantör har svarat/ })).toBeVisible();
  await checkPage(page, testInfo, 'notifications-deliveries');

  await row.getByRole('button', { name: `Slå på ${url} igen` }).click();
  await expect(row).toContainText('På');
  await expect(row.getByRole('button', { name: `Slå på ${url} igen` })).toHaveCount(0);
});
