import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain-error.js';
import type { ConnectionShape } from '../common/pagination/connection.js';
import { paginate } from '../database/read/page-reader.js';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async me(caller: Principal): Promise<MeView> {
    // The token was read moments ago by the guard; a row gone since means it was deleted meanwhile.
    const [principal, token] = await Promise.all([
      this.dataSource.getRepository(PrincipalEntity).findOneBy({ id: caller.principalId }),
      this.dataSource.getRepository(ApiTokenEntity).findOneBy({ id: caller.tokenId }),
    ]);
    if (!principal || !token) throw notFound('Principal', caller.principalId);
    return { principal, token };
  }

  async tokens(args: TokensArgs, viewer: Principal): Promise<ConnectionShape<ApiTokenEntity>> {
    const f = args.filter ?? {};
    const organisationId = await this.organisation(f.organisationId ?? viewer.organisationId, viewer, 'tokens');
    const qb = this.dataSource
      .getRepository(ApiTokenEntity)
      .createQueryBuilder('t')
      .innerJoin(PrincipalEntity, 'p', 'p.id = t.principal_id')
      .where('p.organisation_id = :organisationId', { organisationId });
    if (f.principalId) {
      await this.principal(f.principalId, viewer, 'tokens');
      qb.andWhere('t.principal_id = :principalId', { principalId: f.principalId });
    }
    if (!f.includeRevoked) qb.andWhere('t.revoked_at IS NULL');
    return paginate(qb, args, [{ column: 't.created_at', property: 'createdAt', direction: 'ASC' }]);
  }

  async principals(args: PrincipalsArgs, viewer: Principal): Promise<ConnectionShape<PrincipalEntity>> {
    const f = args.filter ?? {};
    const organisationId = await this.organisation(f.organisationId ?? viewer.organisationId, viewer, 'principals');
    const qb = this.dataSource
      .getRepository(PrincipalEntity)
      .createQueryBuilder('p')
      .where('p.organisation_id = :organisationId', { organisationId });
    if (f.kind) qb.andWhere('p.kind = :kind', { kind: f.kind });
    return paginate(qb, args, [{ column: 'p.created_at', property: 'createdAt', direction: 'ASC' }]);
  }

  /** An existing organisation (else NOT_FOUND) that the viewer manages (else FORBIDDEN). */
  private async organisation(id: string, viewer: Principal, what: string): Promise<string> {
    if (!(await this.dataSource.getRepository(OrganisationEntity).existsBy({ id }))) throw notFound('Organisation', id);
    assertManages(viewer, id, what);
    return id;
  }

  private async principal(id: string, viewer: Principal, what: string): Promise<PrincipalEntity> {
    const found = await this.dataSource.getRepository(PrincipalEntity).findOneBy({ id });
    if (!found) throw notFound('Principal', id);
    assertManages(viewer, found.organisationId, what);
    return found;
  }
}
