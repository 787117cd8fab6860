import { TokenAdminService } from '../../src/auth/token-admin.service.js';
import { OrganisationsService } from '../../src/organisations/organisations.service.js';
import { dataOf } from '../helpers/graphql.js';
import { TOKENS, type TestApp } from '../helpers/test-app.js';

/**
 * The callers of the authorization matrix (issue 4). The records under test belong to Region
 * Skåne, so "the owner" is Skåne's contact person and "another organisation" Stockholm's. The
 * expired and revoked tokens are Skåne ADMIN tokens: the most a token of the owner can be, so
 * their refusal can only come from the expiry or the revocation.
 *
 * The delegate is a contact person of a central purchasing body (Inköpscentral Syd, created by the
 * operator as the CLI does) to which Skåne's ADMIN has delegated CONTRACTS, FOLLOW_UPS and IMPORTS
 * (issue 12): it acts for Skåne within those scopes and limits, and for nobody else.
 */
export const CALLERS = [
  'noToken',
  'expired',
  'revoked',
  'supplier',
  'reader',
  'otherContact',
  'ownerContact',
  'coordinator',
  'admin',
  'delegate',
] as const;
export type Caller = (typeof CALLERS)[number];

/** What each caller holds: organisation (code) and role, for messages and rules. */
export const CALLER_INFO: Record<Caller, { organisation: string | null; role: string | null }> = {
  noToken: { organisation: null, role: null },
  expired: { organisation: 'region-skane', role: 'ADMIN' },
  revoked: { organisation: 'region-skane', role: 'ADMIN' },
  /** A member of a supplier (the demo supplier Lekverket), in the supplier's own organisation `supplier-<id>`. */
  supplier: { organisation: 'supplier-', role: 'SUPPLIER' },
  reader: { organisation: 'region-uppsala', role: 'READER' },
  otherContact: { organisation: 'region-stockholm', role: 'CONTACT_PERSON' },
  ownerContact: { organisation: 'region-skane', role: 'CONTACT_PERSON' },
  coordinator: { organisation: 'region-vastra-gotaland', role: 'COORDINATOR' },
  admin: { organisation: 'adda', role: 'ADMIN' },
  delegate: { organisation: 'inkopscentral-syd', role: 'CONTACT_PERSON' },
};

export interface CallerSet {
  token(caller: Caller): string | null;
  /** The principal and organisation ids behind a valid caller's token (from `me`). */
  principalId(caller: Caller): string;
  organisationId(caller: Caller): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes the expired and revoked tokens through TokenAdminService, as the operator's CLI does:
 * the expired one is issued with an expiry 1.5 s ahead (an expiry in the past is refused) and
 * used after it has passed.
 */
export async function setUpCallers(sut: TestApp): Promise<CallerSet> {
  const admin = sut.app.get(TokenAdminService);
  const expiresAt = new Date(Date.now() + 1500).toISOString();
  const expired = await admin.create({
    organisationCode: 'region-skane',
    role: 'ADMIN',
    name: 'Utgången Admin Skåne',
    email: 'utgangen@example.org',
    expiresAt,
  });
  const revoked = await admin.create({
    organisationCode: 'region-skane',
    role: 'ADMIN',
    name: 'Återkallad Admin Skåne',
    email: 'aterkallad@example.org',
  });
  await admin.revoke(revoked.summary.id);
  await sut.app
    .get(OrganisationsService)
    .create({ code: 'inkopscentral-syd', name: 'Inköpscentral Syd', kind: 'OTHER' } as never, null);
  const delegate = await admin.create({
    organisationCode: 'inkopscentral-syd',
    role: 'CONTACT_PERSON',
    name: 'Delegat Inköpscentral Syd',
  });
  const skaneAdmin = await admin.create({ organisationCode: 'region-skane', role: 'ADMIN', name: 'Admin Skåne' });
  const delegateOrganisation = dataOf(await sut.gql('{ me { organisation { id } } }', {}, delegate.token)).me
    .organisation.id;
  const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  dataOf(
    await sut.gql(
      'mutation ($to: ID!, $e: String!) { grantDelegation(toOrganisationId: $to, scopes: [CONTRACTS, FOLLOW_UPS, IMPORTS], expiresOn: $e) { id } }',
      { to: delegateOrganisation, e: expiresOn },
      skaneAdmin.token,
    ),
  );
  const tokens: Record<Caller, string | null> = {
    noToken: null,
    expired: expired.token,
    revoked: revoked.token,
    supplier: TOKENS.supplier,
    reader: TOKENS.reader,
    otherContact: TOKENS.stockholm,
    ownerContact: TOKENS.skane,
    coordinator: TOKENS.coordinator,
    admin: TOKENS.admin,
    delegate: delegate.token,
  };
  const ids = new Map<Caller, { principalId: string; organisationId: string }>();
  for (const caller of [
    'supplier',
    'reader',
    'otherContact',
    'ownerContact',
    'coordinator',
    'admin',
    'delegate',
  ] as const) {
    const me = dataOf(
      await sut.gql('{ me { principal { id } organisation { id code } role } }', {}, tokens[caller]),
    ).me;
    const organisation = CALLER_INFO[caller].organisation!;
    const sameOrganisation = organisation.endsWith('-')
      ? me.organisation.code.startsWith(organisation)
      : me.organisation.code === organisation;
    if (!sameOrganisation || me.role !== CALLER_INFO[caller].role) {
      throw new Error(`${caller}: expected ${JSON.stringify(CALLER_INFO[caller])}, me says ${JSON.stringify(me)}`);
    }
    ids.set(caller, { principalId: me.principal.id, organisationId: me.organisation.id });
  }
  const wait = Date.parse(expiresAt) + 50 - Date.now();
  if (wait > 0) await sleep(wait);
  const of = (caller: Caller) => {
    const found = ids.get(caller);
    if (!found) throw new Error(`${caller} has no valid token`);
    return found;
  };
  return {
    token: (c) => tokens[c],
    principalId: (c) => of(c).principalId,
    organisationId: (c) => of(c).organisationId,
  };
}

/**
 * Everything a write could change, read straight from the database: for every table its row
 * count and, where it has one, its latest `updated_at`; the follow-ups' summed versions and
 * revocations; and the event log's length and last seq. A refused call must leave it equal.
 */
export async function databaseSnapshot(sut: TestApp): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const meta of sut.dataSource.entityMetadatas) {
    const table = meta.tablePath;
    const hasUpdatedAt = meta.columns.some((c) => c.databaseName === 'updated_at');
    const [row] = await sut.dataSource.query(
      `SELECT COUNT(*) AS n${hasUpdatedAt ? ', MAX(updated_at) AS u' : ''} FROM ${table}`,
    );
    snapshot[table] = `${Number(row.n)}${hasUpdatedAt ? ` @${row.u}` : ''}`;
  }
  const [extra] = await sut.dataSource.query(
    `SELECT (SELECT COALESCE(SUM(version), 0) FROM follow_ups) AS versions,
            (SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NOT NULL) AS revoked,
            (SELECT COALESCE(MAX(seq), 0) FROM events) AS seq`,
  );
  snapshot['follow_ups.versions'] = String(Number(extra.versions));
  snapshot['api_tokens.revoked'] = String(Number(extra.revoked));
  snapshot['events.seq'] = String(Number(extra.seq));
  return snapshot;
}

/** The newest event: who the log says acted. */
export async function lastEvent(sut: TestApp): Promise<{
  seq: number;
  type: string;
  actorPrincipalId: string | null;
  actorOrganisationId: string | null;
  payload: string | null;
}> {
  const [row] = await sut.dataSource.query(
    'SELECT seq, type, actor_principal_id, actor_organisation_id, payload FROM events ORDER BY seq DESC LIMIT 1',
  );
  return {
    seq: Number(row.seq),
    type: row.type,
    actorPrincipalId: row.actor_principal_id,
    actorOrganisationId: row.actor_organisation_id,
    payload: row.payload,
  };
}
