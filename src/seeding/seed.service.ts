import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { PrincipalEntity, ApiTokenEntity } from '../auth/principal.entity.js';
import { hashToken, TokenService } from '../auth/token.service.js';
import { ContractCategoryEntity, ContractEntity, ContractRequirementEntity } from '../contracts/contract.entity.js';
import { nowIso } from '../common/time.js';
import { APP_CONFIG, type AppConfig } from '../config/configuration.js';
import { TransactionService, type UnitOfWork } from '../database/transaction.service.js';
import { defaultValidUntil } from '../evaluation/reuse.js';
import { DeviationEntity } from '../follow-ups/deviation.entity.js';
import { FollowUpWriter } from '../follow-ups/follow-up-writer.js';
import { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { organisationSearchText } from '../organisations/organisations.service.js';
import { ProductCategoryEntity } from '../products/product-category.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import {
  RequirementCategoryEntity,
  RequirementEntity,
  RequirementSubstanceEntity,
} from '../requirements/requirement.entity.js';
import { SubstanceEntity, SubstanceGroupEntity, SubstanceListEntity } from '../substances/substance.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { newSupplierOrganisation } from '../suppliers/supplier-members.service.js';
import { DEMO_TOKENS } from './demo-tokens.js';
import { seedFocusArea, type FocusAreaSeed } from '../focus-areas/focus-area-seed.js';
import { IdentityProviderEntity } from '../sign-in/sign-in.entities.js';
import { SecretKeyring } from '../sign-in/secret-keyring.js';
import { DEV_IDP_ORGANISATIONS, devClient, devIssuer, devRoleMappings } from '../sign-in/dev-identity-provider.js';
import {
  type CategorySeed,
  type ContractSeed,
  type FollowUpSeed,
  type OrganisationSeed,
  type ProductSeed,
  readSeed,
  type RequirementSeed,
  type SubstanceSeed,
  type SupplierSeed,
} from './seed-files.js';
import { createHash } from 'node:crypto';
import type { Unit } from '../vocabulary/vocabulary.js';
import { requirementSearchText } from '../requirements/requirements.service.js';
import { substanceSearchText } from '../substances/substances.service.js';

/**
 * Seeded records get ids derived from their natural key (a name-based, version-5-style UUID), so
 * the same seed gives the same ids on every machine and the README's examples can name them.
 */
export function seedId(kind: string, key: string): string {
  const h = createHash('sha1').update(`kemkollen:${kind}:${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface SeedReport {
  inserted: Record<string, number>;
}

/**
 * Loads seeds/ idempotently: each record is matched by its natural key (code, CAS number,
 * organisationsnummer, GTIN, contract reference, report reference) and inserted only when
 * missing, so running it again changes nothing. Reference data always; the demo scenario
 * (fictional suppliers, contracts, follow-ups and demo tokens) only when asked, never in production.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly tokens: TokenService,
    private readonly writer: FollowUpWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keyring: SecretKeyring,
  ) {}

  async seedIfEmpty(options: { demo: boolean }): Promise<SeedReport | null> {
    if (await this.dataSource.getRepository(OrganisationEntity).exists()) return null;
    return this.seed(options);
  }

  async seed(options: { demo: boolean }): Promise<SeedReport> {
    // The demo scenario holds the well-known demo tokens (kk_demo_admin…): never in production,
    // whoever asks (the configuration already says no; this is the last line).
    if (options.demo && this.config.production) {
      this.logger.warn('NODE_ENV=production: the demo data and its demo tokens are not loaded');
      options = { ...options, demo: false };
    }
    const inserted: Record<string, number> = {};
    const count = (what: string, n: number) => (inserted[what] = (inserted[what] ?? 0) + n);
    await this.tx.run(async (uow) => {
      await this.reference(uow.manager, count);
      if (options.demo) await this.demo(uow, count);
    });
    this.logger.log(
      `seeded: ${
        Object.entries(inserted)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'nothing new'
      }`,
    );
    return { inserted };
  }

  private async reference(m: EntityManager, count: (what: string, n: number) => void): Promise<void> {
    const orgs = readSeed<OrganisationSeed[]>('reference/organisations.json');
    const existingOrgs = new Set((await m.find(OrganisationEntity, { select: { code: true } })).map((o) => o.code));
    const newOrgs = orgs.filter((o) => !existingOrgs.has(o.code));
    for (const o of newOrgs)
      await m.save(
        OrganisationEntity,
        m.create(OrganisationEntity, {
          id: seedId('organisation', o.code),
          code: o.code,
          name: o.name,
          kind: o.kind,
          countyCode: o.countyCode,
          organisationNumber: o.organisationNumber,
          searchText: organisationSearchText(o),
        }),
      );
    count('organisations', newOrgs.length);

    const categories = readSeed<CategorySeed[]>('reference/product-categories.json');
    const catIds = new Map((await m.find(ProductCategoryEntity)).map((c) => [c.code, c.id]));
    let newCats = 0;
    for (const c of categories) {
      if (catIds.has(c.code)) continue;
      const entity = m.create(ProductCategoryEntity, {
        id: seedId('category', c.code),
        code: c.code,
        name: c.name,
        parentId: c.parentCode ? catIds.get(c.parentCode)! : null,
      });
      await m.save(ProductCategoryEntity, entity);
      catIds.set(c.code, entity.id);
      newCats++;
    }
    count('categories', newCats);

    const substances = readSeed<SubstanceSeed[]>('reference/substances.json');
    const existingSubs = await m.find(SubstanceEntity);
    const subIds = new Map(existingSubs.map((s) => [s.casNumber, s.id]));
    // A reference substance stored before it had a Swedish name gets the seed's (and its search text with it).
    const seededSv = new Map(substances.map((s) => [s.casNumber, s.nameSv]));
    for (const s of existingSubs.filter((x) => !x.nameSv && seededSv.has(x.casNumber))) {
      s.nameSv = seededSv.get(s.casNumber)!;
      await m.update(SubstanceEntity, { id: s.id }, { nameSv: s.nameSv, searchText: substanceSearchText(s) });
    }
    let newSubs = 0;
    for (const s of substances) {
      if (subIds.has(s.casNumber)) continue;
      const values = { name: s.name, nameSv: s.nameSv, casNumber: s.casNumber, ecNumber: s.ecNumber };
      const entity = m.create(SubstanceEntity, {
        id: seedId('substance', s.casNumber),
        ...values,
        searchText: substanceSearchText(values),
      });
      await m.save(SubstanceEntity, entity);
      subIds.set(s.casNumber, entity.id);
      if (s.groups.length)
        await m.insert(
          SubstanceGroupEntity,
          s.groups.map((groupCode) => ({ substanceId: entity.id, groupCode })),
        );
      if (s.lists.length)
        await m.insert(
          SubstanceListEntity,
          s.lists.map((listCode) => ({ substanceId: entity.id, listCode })),
        );
      newSubs++;
    }
    count('substances', newSubs);

    const requirements = readSeed<RequirementSeed[]>('reference/requirements.json');
    const existingReqs = await m.find(RequirementEntity);
    const reqCodes = new Set(existingReqs.map((r) => r.code));
    // A reference requirement stored before it had an English name gets the seed's (and its search text with it).
    const seededEn = new Map(requirements.map((r) => [r.code, r.nameEn]));
    for (const r of existingReqs.filter((x) => !x.nameEn && seededEn.has(x.code))) {
      r.nameEn = seededEn.get(r.code)!;
      await m.update(RequirementEntity, { id: r.id }, { nameEn: r.nameEn, searchText: requirementSearchText(r) });
    }
    let newReqs = 0;
    for (const r of requirements) {
      if (reqCodes.has(r.code)) continue;
      const entity = m.create(RequirementEntity, {
        id: seedId('requirement', r.code),
        code: r.code,
        title: r.title,
        nameEn: r.nameEn,
        text: r.text,
        kind: r.kind,
        defaultLimitValue: r.defaultLimitValue,
        defaultLimitUnit: r.defaultLimitUnit as Unit | null,
        basis: r.basis as RequirementEntity['basis'],
        aggregation: r.aggregation,
        legalSource: r.legalSource,
        searchText: requirementSearchText(r),
      });
      await m.save(RequirementEntity, entity);
      const substanceIds = [...new Set(r.substanceCas.map((cas) => subIds.get(cas)!))];
      if (substanceIds.length)
        await m.insert(
          RequirementSubstanceEntity,
          substanceIds.map((substanceId) => ({ requirementId: entity.id, substanceId })),
        );
      if (r.categoryCodes.length)
        await m.insert(
          RequirementCategoryEntity,
          r.categoryCodes.map((code) => ({ requirementId: entity.id, categoryId: catIds.get(code)! })),
        );
      newReqs++;
    }
    count('requirements', newReqs);
  }

  private async demo(uow: UnitOfWork, count: (what: string, n: number) => void): Promise<void> {
    const m = uow.manager;
    const orgIds = new Map((await m.find(OrganisationEntity)).map((o) => [o.code, o.id]));
    const catIds = new Map((await m.find(ProductCategoryEntity)).map((c) => [c.code, c.id]));
    const reqs = new Map((await m.find(RequirementEntity)).map((r) => [r.code, r]));
    const subIds = new Map(
      (await m.find(SubstanceEntity, { select: { id: true, casNumber: true } })).map((s) => [s.casNumber, s.id]),
    );

    const supplierIds = new Map<string, string>();
    let n = 0;
    for (const s of readSeed<SupplierSeed[]>('demo/suppliers.json')) {
      const existing = await m.findOneBy(
        SupplierEntity,
        s.organisationNumber ? { organisationNumber: s.organisationNumber } : { name: s.name },
      );
      if (existing) {
        supplierIds.set(s.key, existing.id);
        continue;
      }
      const entity = m.create(SupplierEntity, {
        id: seedId('supplier', s.key),
        name: s.name,
        country: s.country,
        organisationNumber: s.organisationNumber,
        searchText: [s.name, s.organisationNumber ?? ''].join(' ').toLowerCase(),
      });
      await m.save(SupplierEntity, entity);
      supplierIds.set(s.key, entity.id);
      n++;
    }
    count('suppliers', n);

    const productIds = new Map<string, string>();
    n = 0;
    for (const p of readSeed<ProductSeed[]>('demo/products.json')) {
      const existing = p.gtin ? await m.findOneBy(ProductEntity, { gtin: p.gtin }) : null;
      if (existing) {
        productIds.set(p.key, existing.id);
        continue;
      }
      const entity = m.create(ProductEntity, {
        id: seedId('product', p.key),
        supplierId: supplierIds.get(p.supplierKey)!,
        name: p.name,
        articleNumber: p.articleNumber,
        gtin: p.gtin,
        categoryId: p.categoryCode ? catIds.get(p.categoryCode)! : null,
        searchText: [p.name, p.articleNumber ?? '', p.gtin ?? ''].join(' ').toLowerCase(),
      });
      await m.save(ProductEntity, entity);
      productIds.set(p.key, entity.id);
      n++;
    }
    count('products', n);

    const contracts = new Map<string, ContractEntity>();
    n = 0;
    for (const c of readSeed<ContractSeed[]>('demo/contracts.json')) {
      const organisationId = orgIds.get(c.organisationCode)!;
      const existing = await m.findOneBy(ContractEntity, { organisationId, reference: c.reference ?? '' });
      if (existing) {
        contracts.set(c.key, existing);
        continue;
      }
      const entity = m.create(ContractEntity, {
        id: seedId('contract', c.key),
        organisationId,
        supplierId: supplierIds.get(c.supplierKey)!,
        title: c.title,
        reference: c.reference,
        validFrom: c.validFrom,
        validTo: c.validTo,
      });
      await m.save(ContractEntity, entity);
      contracts.set(c.key, entity);
      if (c.categoryCodes.length)
        await m.insert(
          ContractCategoryEntity,
          c.categoryCodes.map((code) => ({ contractId: entity.id, categoryId: catIds.get(code)! })),
        );
      const now = nowIso();
      await m.insert(
        ContractRequirementEntity,
        c.requirements.map((r) => ({
          contractId: entity.id,
          requirementId: reqs.get(r.requirementCode)!.id,
          limitValue: r.limitValue,
          limitUnit: r.limitUnit as Unit | null,
          createdAt: now,
          updatedAt: now,
        })),
      );
      n++;
    }
    count('contracts', n);

    n = 0;
    for (const f of readSeed<FollowUpSeed[]>('demo/follow-ups.json')) {
      const organisationId = orgIds.get(f.organisationCode)!;
      const productId = productIds.get(f.productKey)!;
      const already = await m.findOneBy(FollowUpEntity, {
        organisationId,
        productId,
        method: f.method as FollowUpEntity['method'],
        performedOn: f.performedOn ?? IsNull(),
      });
      if (already) continue;
      const product = await m.findOneByOrFail(ProductEntity, { id: productId });
      const [entity] = await this.writer.create(
        uow,
        null,
        [
          {
            id: seedId('follow-up', f.key),
            organisationId,
            productId,
            supplierId: product.supplierId,
            contractId: f.contractKey ? contracts.get(f.contractKey)!.id : null,
            method: f.method as FollowUpEntity['method'],
            performedOn: f.performedOn,
            status: f.status as FollowUpEntity['status'],
            visibility: f.visibility,
            laboratory: f.laboratory,
            reportReference: f.reportReference,
            validUntil: f.performedOn ? defaultValidUntil(f.performedOn) : null,
            notes: f.notes,
            confidentialNotes: f.confidentialNotes,
            retraction:
              f.status === 'RETRACTED' ? { reason: f.retractedReason, previousStatus: 'COMPLETED' } : undefined,
            requirementIds: f.requirementCodes.map((code) => reqs.get(code)!.id),
            measurements: f.measurements.map((x) => ({
              substanceId: subIds.get(x.casNumber)!,
              part: x.part,
              detected: x.detected,
              value: x.value,
              loq: x.loq,
              unit: x.unit as Unit,
              uncertainty: x.uncertainty,
              analyticalMethod: x.method,
            })),
          },
        ],
        { payload: () => ({ seeded: true, status: f.status }) },
      );
      for (const d of f.deviations) {
        await m.save(
          DeviationEntity,
          m.create(DeviationEntity, {
            followUpId: entity!.id,
            organisationId,
            supplierId: product.supplierId,
            requirementId: reqs.get(d.requirementCode)?.id ?? null,
            contractId: entity!.contractId,
            severity: d.severity as DeviationEntity['severity'],
            description: d.description,
            actionPlan: d.actionPlan,
            dueDate: d.dueDate,
            status: d.status as DeviationEntity['status'],
            resolvedAt: d.status === 'RESOLVED' ? nowIso() : null,
            resolution: null,
          }),
        );
      }
      n++;
    }
    count('followUps', n);

    n = 0;
    for (const seed of readSeed<FocusAreaSeed[]>('demo/focus-areas.json'))
      if (
        await seedFocusArea(uow, this.writer, seed, {
          id: seedId,
          organisation: (code) => orgIds.get(code)!,
          category: (code) => catIds.get(code)!,
          requirement: (code) => reqs.get(code)!.id,
          substance: (cas) => subIds.get(cas)!,
          contract: (key) => contracts.get(key)!.id,
          product: (key) => productIds.get(key)!,
        })
      )
        n++;
    count('focusAreas', n);

    n = 0;
    for (const t of DEMO_TOKENS) {
      if (await m.existsBy(ApiTokenEntity, { tokenHash: hashToken(t.token) })) continue;
      let organisationId: string;
      if ('supplierKey' in t) {
        const supplier = await m.findOneByOrFail(SupplierEntity, { id: supplierIds.get(t.supplierKey)! });
        const existing = await m.findOneBy(OrganisationEntity, { supplierId: supplier.id });
        organisationId = existing?.id ?? (await m.save(OrganisationEntity, newSupplierOrganisation(m, supplier))).id;
      } else organisationId = orgIds.get(t.organisationCode)!;
      const principal = m.create(PrincipalEntity, {
        organisationId,
        kind: 'MEMBER',
        name: t.principal,
        email: t.email,
      });
      await m.save(PrincipalEntity, principal);
      await this.tokens.issue(m, {
        principalId: principal.id,
        role: t.role,
        name: `demo token (${t.role})`,
        token: t.token,
      });
      n++;
    }
    count('demoTokens', n);

    // The development identity provider (src/sign-in/dev-identity-provider.ts) for each demo
    // organisation without a provider of its own; its client secrets are the public development ones.
    n = 0;
    const box = this.keyring.box;
    for (const code of box ? DEV_IDP_ORGANISATIONS : []) {
      const organisationId = orgIds.get(code);
      if (!organisationId || (await m.existsBy(IdentityProviderEntity, { organisationId }))) continue;
      const client = devClient(code);
      await m.insert(
        IdentityProviderEntity,
        m.create(IdentityProviderEntity, {
          organisationId,
          issuer: devIssuer(this.config),
          clientId: client.clientId,
          clientSecretEncrypted: box!.seal(client.clientSecret),
          scopes: 'openid email profile groups',
          subjectClaim: 'sub',
          roleClaim: 'groups',
          roleMappings: JSON.stringify(devRoleMappings(code)),
        }),
      );
      n++;
    }
    count('demoIdentityProviders', n);
  }
}
