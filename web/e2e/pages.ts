/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers read as a client reads JSON */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, type TestInfo } from '@playwright/test';

/** Demo tokens of the demo data (README: Try it). */
export const TOKENS = {
  /** The COORDINATOR of Region Västra Götaland (creates and moves focus areas). */
  coordinator: 'kk_demo_coordinator',
  stockholm: 'kk_demo_stockholm',
  skane: 'kk_demo_skane',
  reader: 'kk_demo_reader',
  admin: 'kk_demo_admin',
  /** A member of the demo supplier Lekverket Nordic AB (role SUPPLIER). */
  supplier: 'kk_demo_supplier',
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

/** A GraphQL request with a token, as another region's tool would send it (not through the page). */
export async function gql<T = any>(
  request: APIRequestContext,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** Records a completed lab follow-up of the product with this GTIN, for the token's organisation. */
export async function recordFollowUp(
  request: APIRequestContext,
  token: string,
  gtin: string,
  options: { dehp?: number; reportReference?: string; performedOn?: string; requiresSupplierRelease?: boolean } = {},
): Promise<string> {
  const found = await gql(
    request,
    token,
    `query ($gtin: String!) { products(filter: { gtin: $gtin }) { nodes { id } } requirements(filter: { search: "K-PHT-01" }) { nodes { id code } } }`,
    { gtin },
  );
  const productId = found.products.nodes[0].id;
  const requirementId = found.requirements.nodes.find((r: { code: string }) => r.code === 'K-PHT-01').id;
  const recorded = await gql(
    request,
    token,
    `mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`,
    {
      input: {
        productId,
        requirementIds: [requirementId],
        method: 'LAB_ANALYSIS',
        performedOn: options.performedOn ?? '2026-10-01',
        reportReference: options.reportReference ?? 'E2E',
        requiresSupplierRelease: options.requiresSupplierRelease ?? false,
        measurements: [
          { substanceCas: '117-81-7', part: 'Päls', detected: true, value: options.dehp ?? 12, unit: 'MG_PER_KG' },
        ],
      },
    },
  );
  return recorded.recordFollowUp.id;
}
