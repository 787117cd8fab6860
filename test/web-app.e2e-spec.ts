import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The web app beside /graphql (issue 14): index.html at `/` and at the app's own paths, hashed assets
 * cached for good, index.html revalidated, the Content-Security-Policy on the app's pages and not on
 * the API. Served from a small build of its own (WEB_DIST), so the suite does not depend on `web/`.
 */
describe('web app', () => {
  let sut: TestApp;
  let dist: string;
  let origin: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'kemkollen-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>kemkollen</title><script src="/assets/index-AbC12345.js"></script>',
    );
    writeFileSync(join(dist, 'assets', 'index-AbC12345.js'), 'console.log("kemkollen")');
    writeFileSync(join(dist, 'assets', 'index-Zy9_8-7x.css'), 'body{margin:0}');
    sut = await startTestApp({ env: { WEB_DIST: dist } });
    origin = new URL(sut.url).origin;
  });
  afterAll(async () => {
    await sut.close();
    delete process.env.WEB_DIST;
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache and a Content-Security-Policy that allows only this service', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<title>kemkollen</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("serves index.html at the app's own paths, and 404 for a missing file", async () => {
    const page = await fetch(`${origin}/products/79d99e1c-4306-50c5-b5a7-e424733247b3`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>kemkollen</title>');
    const missing = await fetch(`${origin}/assets/index-00000000.js`);
    expect(missing.status).toBe(404);
  });

  it('serves hashed assets cached for a year, immutable', async () => {
    for (const [path, type] of [
      ['/assets/index-AbC12345.js', /javascript/],
      ['/assets/index-Zy9_8-7x.css', /text\/css/],
    ] as const) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('leaves /graphql to the API: no CSP of the app there, GraphQL answers as before', async () => {
    const res = await sut.gql('{ publicStatistics { followUpCount } }');
    expect(res.status).toBe(200);
    expect(res.data.publicStatistics.followUpCount).toBeGreaterThanOrEqual(0);
    const raw = await fetch(sut.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(raw.headers.get('content-security-policy')).toBeNull();
  });
});
