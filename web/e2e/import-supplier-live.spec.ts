import { expect, test, type WebSocketRoute } from '@playwright/test';
import ExcelJS from 'exceljs';
import { checkPage, gql, recordFollowUp, signIn, TOKENS } from './pages';

const HEADER =
  'follow_up_key,organisation,product_id,product_gtin,supplier_id,supplier_organisation_number,contract_id,requirement_codes,method,status,performed_on,valid_until,visibility,laboratory,report_reference,notes,confidential_notes,substance_cas,part,detected,value,loq,unit,uncertainty,analytical_method';
const row = (key: string, cas: string, value: string, unit = 'MG_PER_KG') =>
  `${key},region-skane,,7350012340025,,,,K-PHT-01,LAB_ANALYSIS,COMPLETED,2026-09-15,,SHARED,Eurofins,IMP-${key},,,${cas},Tyg,true,${value},,${unit},,GC-MS`;

test('import: a dry run lists every row error; a clean file is checked, then imported', async ({ page }, testInfo) => {
  await signIn(page, TOKENS.skane);
  await page.getByRole('link', { name: 'Importera' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importera uppföljningar' })).toBeVisible();
  await checkPage(page, testInfo, 'import');

  const choose = async (name: string, csv: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Välj en CSV- eller Excel-fil' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByText(`Vald fil: ${name}`)).toBeVisible();
  };

  await choose(
    'fel.csv',
    [HEADER, row('e2e-a', '117-81-8', '12'), row('e2e-a', '84-74-2', 'tolv'), row('e2e-a', '85-68-7', '3', 'XX')].join(
      '\n',
    ),
  );
  await expect(page.getByRole('button', { name: 'Importera filen' })).toBeDisabled();
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  const errors = page.getByRole('table', { name: /Filen har \d+ fel/ });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('row', { name: /^2 substance_cas/ })).toBeVisible();
  await expect(errors.getByRole('row', { name: /^3 value/ })).toBeVisible();
  await expect(errors.getByRole('row', { name: /^4 unit/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importera filen' })).toBeDisabled();
  await checkPage(page, testInfo, 'import-errors');

  await choose('ratt.csv', [HEADER, row('e2e-b', '117-81-7', '12'), row('e2e-b', '84-74-2', '3')].join('\n'));
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Filen är korrekt: 1 uppföljningar med 2 analysresultat' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Importera filen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Klart: 1 uppföljningar med 2 analysresultat' }),
  ).toBeVisible();
  const stored = await gql(page.request, TOKENS.skane, '{ followUps(first: 100) { nodes { reportReference } } }');
  expect(stored.followUps.nodes.map((f: { reportReference: string }) => f.reportReference)).toContain('IMP-e2e-b');

  // The same file again stores nothing: its follow-up is there, unchanged.
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'oförändrade: 1' })).toBeVisible();

  // An Excel workbook with the same layout goes to POST /imports.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Uppföljningar');
  for (const line of [HEADER, row('e2e-c', '117-81-7', '7'), row('e2e-c', '84-69-5', '2')])
    sheet.addRow(line.split(',').map((cell) => (/^\d+$/.test(cell) && cell.length < 5 ? Number(cell) : cell)));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Välj en CSV- eller Excel-fil' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'analyser.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Filen är korrekt: 1 uppföljningar med 2 analysresultat' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Importera filen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Klart: 1 uppföljningar med 2 analysresultat' }),
  ).toBeVisible();
});

test('supplier page: traffic light, open a deviation past its due date (red), resolve it', async ({
  page,
}, testInfo) => {
  await recordFollowUp(page.request, TOKENS.stockholm, '7350012340032', { reportReference: 'E2E-DEVIATION' });
  await signIn(page, TOKENS.stockholm);
  await page.goto('/search?q=Lekverket');
  await page
    .getByRole('region', { name: 'Leverantörer' })
    .getByRole('link', { name: /Lekverket/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Lekverket/ })).toBeVisible();
  await expect(page.getByText(/^(Grönt|Gult|Rött):/)).toBeVisible();
  await checkPage(page, testInfo, 'supplier');

  await page.getByRole('button', { name: /Uppföljning/ }).click();
  await page
    .getByRole('option', { name: /Mjukdjur Björn 30 cm, Laboratorieanalys, Region Stockholm/ })
    .first()
    .click();
  await page.getByRole('radiogroup', { name: 'Allvarlighet' }).getByText('Större avvikelse').click();
  await page.getByLabel('Beskrivning').fill('DEHP över gränsvärdet i pälsen');
  await page.getByLabel('Åtgärdas senast').fill('2026-01-31');
  await page.getByLabel('Åtgärdsplan').fill('Byt leverantör av päls');
  await page.getByRole('button', { name: 'Öppna avvikelsen' }).click();
  const card = page.getByRole('article', { name: /Större avvikelse: DEHP över gränsvärdet i pälsen/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText('försenad');
  await expect(page.getByText('Rött: avvikelser som passerat sitt datum')).toBeVisible();
  await checkPage(page, testInfo, 'supplier-deviation');

  await card.getByLabel('Hur avvikelsen löstes').fill('Ny päls utan ftalater');
  await card.getByRole('button', { name: 'Markera avvikelsen som löst' }).click();
  await expect(card).toHaveCount(0);
});

test("supplier page: the supplier's action plan accepted or rejected with a reason", async ({ page }, testInfo) => {
  const followUpId = await recordFollowUp(page.request, TOKENS.stockholm, '7350012340032', {
    reportReference: 'E2E-PLAN',
  });
  const opened = await gql(
    page.request,
    TOKENS.stockholm,
    'mutation ($input: OpenDeviationInput!) { openDeviation(input: $input) { id supplier { id } } }',
    {
      input: { followUpId, severity: 'MINOR', description: 'Etiketten saknar ämnesinformation', dueDate: '2027-06-30' },
    },
  );
  const invited = await gql(
    page.request,
    TOKENS.stockholm,
    'mutation ($s: ID!) { inviteSupplierMember(supplierId: $s, name: "Kvalitetschef", email: "kvalitet@lekverket.example") { token } }',
    { s: opened.openDeviation.supplier.id },
  );
  await gql(
    page.request,
    invited.inviteSupplierMember.token,
    'mutation ($d: ID!) { respondToDeviation(deviationId: $d, actionPlan: "Ny etikett från januari", dueDate: "2027-01-31") { id } }',
    { d: opened.openDeviation.id },
  );

  await signIn(page, TOKENS.stockholm);
  await page.goto(`/suppliers/${opened.openDeviation.supplier.id}`);
  const card = page.getByRole('article', { name: /Etiketten saknar ämnesinformation/ });
  await expect(card).toContainText('Ny etikett från januari');
  await expect(card).toContainText('föreslagen av leverantören');
  await expect(card.getByRole('button', { name: 'Avvisa åtgärdsplanen' })).toBeDisabled();
  await checkPage(page, testInfo, 'supplier-action-plan');
  await card.getByLabel('Skäl att avvisa planen').fill('Ange vilka ämnen etiketten ska nämna');
  await card.getByRole('button', { name: 'Avvisa åtgärdsplanen' }).click();
  await expect(card).toContainText('avvisad');
  await expect(card).toContainText('Ange vilka ämnen etiketten ska nämna');
  await expect(card.getByRole('button', { name: 'Godkänn åtgärdsplanen' })).toHaveCount(0);
});

test('live: a follow-up recorded by another region shows within seconds with an unseen count, and none is lost over a reconnect', async ({
  page,
}, testInfo) => {
  // The socket goes through the test, which can drop it (as a network does) and keep it down a while.
  let current: WebSocketRoute | null = null;
  let down = false;
  let connections = 0;
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    if (down) return void ws.close({ code: 1012, reason: 'network down (test)' });
    connections++;
    current = ws;
    ws.connectToServer();
  });
  await signIn(page, TOKENS.stockholm);
  await page.goto('/');
  const live = page.getByRole('navigation').getByRole('link', { name: /^Nytt/ });
  await expect(live).toHaveText('Nytt');
  await expect.poll(() => connections).toBeGreaterThan(0);
  await page.waitForTimeout(1000);
  const before = connections;

  await recordFollowUp(page.request, TOKENS.skane, '7350012340032', { reportReference: 'E2E-LIVE-1' });
  await expect(live).toHaveText('Nytt 1 ny', { timeout: 5000 });

  // The connection drops; a follow-up recorded while it is down arrives once it is back, once.
  down = true;
  await current!.close({ code: 1012, reason: 'dropped (test)' });
  await recordFollowUp(page.request, TOKENS.skane, '73500124', { reportReference: 'E2E-LIVE-2' });
  await page.waitForTimeout(500);
  down = false;
  await expect.poll(() => connections, { timeout: 20_000 }).toBe(before + 1);
  await expect(live).toHaveText('Nytt 2 nya', { timeout: 10_000 });

  await live.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nytt i era avtal' })).toBeVisible();
  const feed = page.getByRole('list', { name: 'Nytt i era avtal' });
  await expect(feed.getByRole('listitem')).toHaveCount(2);
  await expect(feed).toContainText('Mjukdjur Björn 30 cm');
  await expect(feed).toContainText('Lekboll PVC 22 cm');
  await expect(live).toHaveText('Nytt');
  await checkPage(page, testInfo, 'live');
});
