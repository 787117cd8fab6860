import { Role } from '../src/auth/role.js';
import { TokenService } from '../src/auth/token.service.js';
import { SeedService } from '../src/seeding/seed.service.js';
import { DEMO_TOKENS } from '../src/seeding/demo-tokens.js';
import { IdentityProvidersService } from '../src/sign-in/identity-providers.service.js';
import { SecretKeyring } from '../src/sign-in/secret-keyring.js';
import { expectError } from './helpers/graphql.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Demo tokens exist only in the demo data, never when NODE_ENV=production (issue 4): the start-up
 * seed skips them, an explicit demo seed is refused, and a database that once held them (say, a
 * copy of a development database) does not open production to the README's well-known tokens.
 */
describe('auth in production: no demo tokens', () => {
  let sut: TestApp;
  const nodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    sut = await startTestApp({ demo: true }); // asks for the demo data: production must say no
  }, 60_000);
  afterAll(async () => {
    await sut?.close();
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });

  const count = async (table: string) =>
    Number((await sut.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it('the start-up seed loads the reference data but no demo data, no principal and no token', async () => {
    expect(await count('organisations')).toBeGreaterThan(0);
    expect(await count('substances')).toBeGreaterThan(0);
    expect(await count('principals')).toBe(0);
    expect(await count('api_tokens')).toBe(0);
    expect(await count('follow_ups')).toBe(0);
  });

  it.each(DEMO_TOKENS.map((t) => [t.token]))('%s is refused (UNAUTHENTICATED)', async (token) => {
    expectError(await sut.gql('{ me { role } }', {}, token), 'UNAUTHENTICATED');
  });

  it('an explicit seed with demo data still creates no demo token', async () => {
    await sut.app.get(SeedService).seed({ demo: true });

    expect(await count('api_tokens')).toBe(0);
    expect(await count('principals')).toBe(0);
    expect(await count('suppliers')).toBe(0);
  });

  it('a demo token already in the database (a copied development database) is refused in production', async () => {
    const [organisation] = await sut.dataSource.query("SELECT id FROM organisations WHERE code = 'adda'");
    await sut.dataSource.query(
      `INSERT INTO principals (id, organisation_id, kind, name, email, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', '${organisation.id}', 'MEMBER', 'Demo Admin', NULL, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
    );
    await sut.app.get(TokenService).issue(sut.dataSource.manager, {
      principalId: '00000000-0000-4000-8000-000000000001',
      role: Role.ADMIN,
      name: 'copied demo token',
      token: 'kk_demo_admin',
    });

    expectError(
      await sut.gql('{ me { role } }', {}, 'kk_demo_admin'),
      'UNAUTHENTICATED',
      'demo tokens are not accepted in production',
    );
  });
  it('without IDP_SECRET_KEY: no development identity provider, no provider can be added, and stored ones stop the start', async () => {
    expect(await count('identity_providers')).toBe(0);
    const [organisation] = await sut.dataSource.query("SELECT id FROM organisations WHERE code = 'adda'");
    const input = {
      organisationId: organisation.id,
      issuer: 'https://login.example.se/tenant/v2.0',
      clientId: 'kk',
      clientSecret: 'secret',
      roleClaim: 'roles',
      roleMappings: [{ claimValue: 'kk', role: 'READER' as const }],
    };
    await expect(sut.app.get(IdentityProvidersService).add(input, null)).rejects.toThrow(/IDP_SECRET_KEY is not set/);
    expect(await count('identity_providers')).toBe(0);
    // A provider stored with a key (say, the key was dropped from the deployment): the start is refused.
    await sut.dataSource.query(
      `INSERT INTO identity_providers (id, organisation_id, issuer, client_id, client_secret_encrypted, scopes, subject_claim, role_claim, role_mappings, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000002', '${organisation.id}', 'https://login.example.se', 'kk', 'v1.x.y.z', 'openid', 'sub', 'roles', '[]', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
    );
    await expect(sut.app.get(SecretKeyring).onApplicationBootstrap()).rejects.toThrow(
      /IDP_SECRET_KEY is not set, but identity providers are stored/,
    );
  });
});
