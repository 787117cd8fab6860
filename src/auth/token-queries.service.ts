import { SessionEntity } from '../sign-in/sign-in.entities.js';
import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors/domain-error.js';
import type { ConnectionShape } from '../common/pagination/connection.js';
import { PageReader } from '../database/read/page-reader.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { SqlWhere } from '../database/read/sql-where.js';
import type { TableReader } from '../database/read/table-reader.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { assertManages } from './ownership.js';
import { ApiTokenEntity, PrincipalEntity } from './principal.entity.js';
import type { Principal } from './principal.js';
import type { PrincipalsArgs, TokensArgs } from './token-admin.inputs.js';

/** What `me` answers: the caller's principal and the token it used. */
export interface MeView {
  principal: PrincipalEntity;
  token: ApiTokenEntity;
}

/**
 * Reads for the token administration: the caller itself (`me`), and an ADMIN's lists of the
 * principals and tokens of its own organisation (never the token hashes: the GraphQL types have
 * no field for them). Another organisation's lists are FORBIDDEN, as for the writes.
 */
@Injectable()
export class TokenQueriesService {
  private readonly tokenRows: TableReader<ApiTokenEntity>;
  private readonly principalRows: TableReader<PrincipalEntity>;

  constructor(
    private readonly reader: SqlReader,
    pages: PageReader,
  ) {
    // Oldest first.
    this.tokenRows = pages.table(ApiTokenEntity, 'ApiToken', 't', { column: 't.created_at', property: 'createdAt' });
    this.principalRows = pages.table(PrincipalEntity, 'Principal', 'p', {
      column: 'p.created_at',
      property: 'createdAt',
    });
  }

  async me(caller: Principal): Promise<MeView> {
    // The token was read moments ago by the guard; a row gone since means it was deleted meanwhile.
    const [principal, token] = await Promise.all([
      this.reader.findOneBy(PrincipalEntity, { id: caller.principalId }),
      this.reader.findOneBy(ApiTokenEntity, { id: caller.tokenId }),
    ]);
    if (!principal || !token) throw notFound('Principal', caller.principalId);
    return { principal, token };
  }

  /** `me` for a person signed in through an identity provider: the principal and the session used. */
  async meBySession(caller: Principal): Promise<{ principal: PrincipalEntity; session: SessionEntity }> {
    const [principal, session] = await Promise.all([
      this.reader.findOneBy(PrincipalEntity, { id: caller.principalId }),
      this.reader.findOneBy(SessionEntity, { id: caller.sessionId! }),
    ]);
    if (!principal || !session) throw notFound('Principal', caller.principalId);
    return { principal, session };
  }

  async tokens(args: TokensArgs, viewer: Principal): Promise<ConnectionShape<ApiTokenEntity>> {
    const f = args.filter ?? {};
    const organisationId = await this.organisation(f.organisationId ?? viewer.organisationId, viewer, 'tokens');
    const where = new SqlWhere().and('p.organisation_id = ?', organisationId);
    if (f.principalId) {
      await this.principal(f.principalId, viewer, 'tokens');
      where.and('t.principal_id = ?', f.principalId);
    }
    if (!f.includeRevoked) where.and('t.revoked_at IS NULL');
    return this.tokenRows.list(where, args, 'INNER JOIN principals p ON p.id = t.principal_id');
  }

  async principals(args: PrincipalsArgs, viewer: Principal): Promise<ConnectionShape<PrincipalEntity>> {
    const f = args.filter ?? {};
    const organisationId = await this.organisation(f.organisationId ?? viewer.organisationId, viewer, 'principals');
    const where = new SqlWhere().and('p.organisation_id = ?', organisationId).equal('p.kind', f.kind);
    return this.principalRows.list(where, args);
  }

  /** An existing organisation (else NOT_FOUND) that the viewer manages (else FORBIDDEN). */
  private async organisation(id: string, viewer: Principal, what: string): Promise<string> {
    if (!(await this.reader.existsBy(OrganisationEntity, { id }))) throw notFound('Organisation', id);
    assertManages(viewer, id, what);
    return id;
  }

  private async principal(id: string, viewer: Principal, what: string): Promise<PrincipalEntity> {
    const found = await this.principalRows.get(id);
    assertManages(viewer, found.organisationId, what);
    return found;
  }
}
