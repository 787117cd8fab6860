import { expect, test } from '@playwright/test';
import { checkPage, gql, TOKENS } from './pages';

/**
 * Sign-in through the organisation's identity provider: the development provider that `npm start`
 * runs (a real oidc-provider), with its own login page, into the web app and back out through the
 * provider's sign-out (RP-initiated logout). And a person whose claims give no role.
 */
test('a person signs in with their organisation at its identity provider, and signs out there too', async ({
  page,
}, testInfo) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Logga in med din organisation' })).toBeVisible();
  await checkPage(page, testInfo, 'sign-in-organisation');
  await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Region Skåne' });
  await page.getByRole('button', { name: 'Fortsätt till din organisations inloggning' }).click();

  // The provider's own login page (another origin).
  await page.getByPlaceholder('Enter any login').fill('region-skane.contact_person');
  await page.getByPlaceholder('and password').fill('demo');
  await page.getByRole('button', { name: 'Sign-in' }).click();

  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await expect(page.getByText('Demo contact person (region-skane), Region Skåne (miljökontaktperson)')).toBeVisible();
  await checkPage(page, testInfo, 'signed-in-with-organisation');
  // The session (an HttpOnly cookie) is not readable by the page's script.
  expect(await page.evaluate(() => document.cookie)).not.toContain('kk_session');

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
});

test('a person without a role in kemkollen sees whom to ask, and is not signed in', async ({ page }, testInfo) => {
  await page.goto('/sign-in?organisation=region-uppsala');
  await page.getByPlaceholder('Enter any login').fill('region-uppsala.none');
  await page.getByPlaceholder('and password').fill('demo');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(/\/no-access$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Du har ingen behörighet till kemkollen' })).toBeVisible();
  await expect(page.getByText('Be din organisations administratör om behörighet')).toBeVisible();
  await checkPage(page, testInfo, 'no-access');
  await expect(page.getByRole('link', { name: 'Logga in' }).first()).toBeVisible();
});

test('a session an ADMIN ends sends the person back to sign in, saying so', async ({ page, request }, testInfo) => {
  await page.goto('/sign-in?organisation=adda');
  await page.getByPlaceholder('Enter any login').fill('adda.coordinator');
  await page.getByPlaceholder('and password').fill('demo');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();

  const { sessions } = await gql(request, TOKENS.admin, '{ sessions { id principal { name } } }');
  const mine = sessions.find((s: { principal: { name: string } }) => s.principal.name === 'Demo coordinator (adda)');
  await gql(request, TOKENS.admin, 'mutation ($id: ID!) { endSession(id: $id) { id } }', { id: mine.id });

  // The page learns of it at its next request (here a search), or sooner, when a live query of the
  // header is answered UNAUTHENTICATED: either way it goes to the sign-in page.
  try {
    await page.getByRole('link', { name: 'Sök', exact: true }).click({ timeout: 3000 });
    await page.getByLabel('Sök', { exact: true }).fill('lek', { timeout: 3000 });
    await page.getByRole('button', { name: 'Sök', exact: true }).click({ timeout: 3000 });
  } catch {
    // Already sent to the sign-in page.
  }
  await expect(page).toHaveURL(/\/sign-in\?error=ended$/);
  await expect(page.getByRole('alert')).toContainText('Din session har upphört');
  await checkPage(page, testInfo, 'session-ended');
  // The ended session's cookie is gone: the public pages work again.
  await page.goto('/statistics');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik över uppföljningar' })).toBeVisible();
});
