import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual, Not } from 'typeorm';
import { AssessmentsService } from '../assessments/assessments.service.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/role.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { todayIso } from '../common/time.js';
import { shareCosts } from '../evaluation/cost-shares.js';
import { DEFAULT_WEIGHTS, rankCandidates, type PrioritisationWeights } from '../evaluation/prioritisation.js';
import { canSee } from '../follow-ups/follow-up-access.js';
import { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import { tableWorkbook } from '../import/follow-up-workbook.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import {
  RequirementCategoryEntity,
  RequirementEntity,
  RequirementSubstanceEntity,
} from '../requirements/requirement.entity.js';
import { publishCount, suppressSmallCounts } from '../statistics/suppression.js';
import { SubstanceEntity, SubstanceGroupEntity, SubstanceListEntity } from '../substances/substance.entity.js';
import {
  COUNTING_STATUSES,
  SUBSTANCE_GROUPS,
  VERDICTS,
  type RegulatoryList,
  type SampleState,
  type SubstanceGroup,
  type Verdict,
} from '../vocabulary/vocabulary.js';
import type { CategoryTree } from './category-tree.js';
import { FocusAreaFacts, type AreaFacts } from './focus-area-facts.service.js';
import {
  FocusAreaEntity,
  FocusAreaRequirementEntity,
  FocusAreaSubstanceEntity,
  type FocusAreaSampleEntity,
} from './focus-area.entity.js';
import type {
  CandidateProduct,
  FocusAreaCostShares,
  FocusAreaProgress,
  FocusAreaResult,
  FocusAreaResults,
  PublicFocusAreaReport,
} from './focus-area.model.js';

/** The rounding rule costShares states with its answer. */
export const ROUNDING_RULE =
  'Each share is rounded down to whole öre; the öre left over go one each to the largest remainders, ties by organisation code (A–Z), so the shares sum exactly to the total.';

/** The weights a focus area ranks by: its own where set, else the documented defaults. */
export function weightsOf(area: FocusAreaEntity): PrioritisationWeights {
  return { ...DEFAULT_WEIGHTS, ...(area.weights ? (JSON.parse(area.weights) as Partial<PrioritisationWeights>) : {}) };
}

/** A day three years before `today` (the reuse window of a follow-up). */
function threeYearsBefore(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 3);
  return d.toISOString().slice(0, 10);
}

/**
 * Why there is no public report, as NOT_FOUND on `focusAreaId`. Every principal reads the focus
 * areas (`focusArea`, `focusAreas`), so a caller with a token hears the focus area's status and
 * when its report comes; a caller without one hears only the rule, the same whether the focus area
 * exists or not, as its existence is public only once it reports.
 */
function noPublicReport(focusAreaId: string, area: FocusAreaEntity | null, viewer: Principal | undefined) {
  const reason =
    area && viewer
      ? `the focus area "${focusAreaId}" is in ${area.status}; its public report is published when it reaches REPORTING`
      : `no published report for "${focusAreaId}": a focus area's report is published when it reaches REPORTING`;
  return new DomainError('NOT_FOUND', `focusAreaId: ${reason}`, 'focusAreaId');
}

/**
 * The reads of a focus area: candidateProducts (the prioritisation model), costShares, focusAreaProgress,
 * focusAreaResults (and its workbook) and publicFocusAreaReport. The rules are pure functions
 * (src/evaluation: prioritisation, cost-shares, product-verdict; src/statistics/suppression); this
 * gathers their facts.
 */
@Injectable()
export class FocusAreaReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: FocusAreaFacts,
    private readonly assessments: AssessmentsService,
  ) {}

  private get manager() {
    return this.dataSource.manager;
  }

  private async area(id: string): Promise<FocusAreaEntity> {
    const found = await this.manager.findOneBy(FocusAreaEntity, { id });
    if (!found) throw notFound('FocusArea', id);
    return found;
  }

  async candidateProducts(focusAreaId: string): Promise<CandidateProduct[]> {
    const area = await this.area(focusAreaId);
    const facts = await this.facts.of(this.manager, area.id);
    const productIds = facts.candidates.map((c) => c.product.id);
    const [scope, tested, organisations] = await Promise.all([
      this.substanceScope(area.id, facts.tree),
      this.testedRecently(productIds, facts.samples),
      this.organisations(facts.submitted.map((s) => s.submission.organisationId)),
    ]);
    const inputs = facts.candidates.map((c) => {
      const volumes = c.covering.map((s) => s.submission.annualVolume).filter((v): v is number => v !== null);
      const substanceIds = scope.forCategory(c.product.categoryId);
      return {
        candidate: c,
        substanceIds,
        facts: {
          productId: c.product.id,
          productName: c.product.name,
          rootCategoryCode: facts.tree.rootCode(c.product.categoryId),
          coveringOrganisationIds: c.covering.map((s) => s.submission.organisationId),
          substanceLists: substanceIds.map((id) => scope.lists.get(id) ?? []),
          annualVolume: volumes.length ? volumes.reduce((a, b) => a + b, 0) : null,
          testedRecently: tested.has(c.product.id),
        },
      };
    });
    const ranked = rankCandidates(
      inputs.map((i) => i.facts),
      weightsOf(area),
    );
    const byProduct = new Map(inputs.map((i) => [i.facts.productId, i]));
    const samples = new Map(facts.samples.map((s) => [s.productId, s]));
    return ranked.map((r) => {
      const input = byProduct.get(r.productId)!;
      return {
        rank: r.rank,
        score: r.score,
        parts: r.parts,
        product: input.candidate.product,
        coveredBy: [...new Set(input.facts.coveringOrganisationIds)].map((id) => organisations.get(id)),
        annualVolume: input.facts.annualVolume,
        substancesInScope: input.substanceIds.map((id) => scope.substances.get(id)),
        sample: samples.get(r.productId) ?? null,
      };
    });
  }

  /**
   * The substances in scope per product category: those of the area's requirements that apply to it
   * (a requirement without categories applies to every one), and the experts' extra substances.
   */
  private async substanceScope(focusAreaId: string, tree: CategoryTree) {
    const [requirementRows, extra] = await Promise.all([
      this.manager.findBy(FocusAreaRequirementEntity, { focusAreaId }),
      this.manager.findBy(FocusAreaSubstanceEntity, { focusAreaId }),
    ]);
    const requirementIds = requirementRows.map((r) => r.requirementId);
    const [links, categories] = requirementIds.length
      ? await Promise.all([
          this.manager.findBy(RequirementSubstanceEntity, { requirementId: In(requirementIds) }),
          this.manager.findBy(RequirementCategoryEntity, { requirementId: In(requirementIds) }),
        ])
      : [[], []];
    const allIds = [...new Set([...links.map((l) => l.substanceId), ...extra.map((e) => e.substanceId)])];
    const [substances, lists] = allIds.length
      ? await Promise.all([
          this.manager.findBy(SubstanceEntity, { id: In(allIds) }),
          this.manager.findBy(SubstanceListEntity, { substanceId: In(allIds) }),
        ])
      : [[], []];
    const listsOf = new Map<string, RegulatoryList[]>();
    for (const l of lists)
      listsOf.set(l.substanceId, [...(listsOf.get(l.substanceId) ?? []), l.listCode as RegulatoryList]);
    const names = new Map(substances.map((s) => [s.id, s]));
    return {
      substances: names,
      lists: listsOf,
      forCategory: (categoryId: string | null): string[] => {
        const ids = new Set(extra.map((e) => e.substanceId));
        for (const requirementId of requirementIds) {
          const cats = categories.filter((c) => c.requirementId === requirementId).map((c) => c.categoryId);
          if (cats.length && !tree.within(categoryId, cats)) continue;
          for (const l of links) if (l.requirementId === requirementId) ids.add(l.substanceId);
        }
        return [...ids].sort((a, b) => (names.get(a)?.name ?? a).localeCompare(names.get(b)?.name ?? b, 'sv'));
      },
    };
  }

  /**
   * The products with a SHARED follow-up that counts, performed in the last three years (not one of
   * this focus area's own samples): reuse it instead.
   */
  private async testedRecently(productIds: string[], samples: FocusAreaSampleEntity[]): Promise<Set<string>> {
    if (!productIds.length) return new Set();
    const own = samples.map((s) => s.followUpId).filter((x): x is string => Boolean(x));
    const rows = await this.manager.find(FollowUpEntity, {
      select: { productId: true },
      where: {
        productId: In(productIds),
        status: In([...COUNTING_STATUSES]),
        visibility: 'SHARED',
        performedOn: MoreThanOrEqual(threeYearsBefore(todayIso())),
        ...(own.length ? { id: Not(In(own)) } : {}),
      },
    });
    return new Set(rows.map((r) => r.productId!));
  }

  private async organisations(ids: readonly string[]): Promise<Map<string, OrganisationEntity>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    return new Map((await this.manager.findBy(OrganisationEntity, { id: In(unique) })).map((o) => [o.id, o]));
  }

  async costShares(focusAreaId: string): Promise<FocusAreaCostShares> {
    const area = await this.area(focusAreaId);
    const facts = await this.facts.of(this.manager, area.id);
    const organisations = await this.organisations(facts.participants.map((p) => p.organisationId));
    const participants = facts.participants
      .map((p) => ({
        organisationId: p.organisationId,
        organisationCode: organisations.get(p.organisationId)!.code,
        submittedContracts: facts.submitted.filter((s) => s.submission.organisationId === p.organisationId).length,
      }))
      .sort((a, b) => (a.organisationCode < b.organisationCode ? -1 : 1));
    const total = facts.samples.reduce((sum, s) => sum + s.estimatedCost, 0);
    return {
      split: area.costSplit,
      total,
      rounding: ROUNDING_RULE,
      shares: shareCosts(total, area.costSplit, participants).map((s) => ({
        organisation: organisations.get(s.organisationId),
        weight: s.weight,
        amount: s.amount,
      })),
    };
  }

  async progress(focusAreaId: string): Promise<FocusAreaProgress> {
    const area = await this.area(focusAreaId);
    const facts = await this.facts.of(this.manager, area.id);
    const statuses = await this.facts.followUpStatuses(
      this.manager,
      facts.samples.map((s) => s.followUpId).filter((x): x is string => Boolean(x)),
    );
    const today = todayIso();
    const samples = facts.samples.map((sample) => {
      const followUpStatus = (sample.followUpId && statuses.get(sample.followUpId)) || null;
      return { sample, followUpStatus, state: sampleState(followUpStatus, area.resultsDueOn, today) };
    });
    const organisations = await this.organisations(
      facts.samples.map((s) => s.purchasingOrganisationId).filter((x): x is string => Boolean(x)),
    );
    const perOrganisation = [...organisations.values()]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((organisation) => {
        const own = samples.filter((s) => s.sample.purchasingOrganisationId === organisation.id);
        const count = (state: SampleState) => own.filter((s) => s.state === state).length;
        return {
          organisation,
          planned: count('PLANNED'),
          inProgress: count('IN_PROGRESS'),
          completed: count('COMPLETED'),
          overdue: count('OVERDUE'),
        };
      });
    return {
      samples: samples.map((s) => ({ sample: s.sample, state: s.state, followUpStatus: s.followUpStatus as never })),
      organisations: perOrganisation,
      unassigned: samples.filter((s) => s.state === 'UNASSIGNED').length,
    };
  }

  /**
   * For each participant with submitted contracts: every sample against each of its contracts (its
   * own limits), from the sample's follow-up alone once it counts. A supplier member sees its own
   * supplier's products under the contracts with its supplier, nothing else.
   */
  async results(focusAreaId: string, viewer: Principal): Promise<FocusAreaResults> {
    const area = await this.area(focusAreaId);
    const facts = await this.facts.of(this.manager, area.id);
    const supplierId = viewer.role === Role.SUPPLIER ? (viewer.supplierId ?? '') : null;
    const products = new Map(
      (facts.samples.length
        ? await this.manager.findBy(ProductEntity, { id: In(facts.samples.map((s) => s.productId)) })
        : []
      ).map((p) => [p.id, p]),
    );
    const samples = facts.samples.filter(
      (s) => supplierId === null || products.get(s.productId)?.supplierId === supplierId,
    );
    const submitted = facts.submitted.filter((s) => supplierId === null || s.contract.supplierId === supplierId);
    const followUps = new Map(
      (samples.some((s) => s.followUpId)
        ? await this.manager.findBy(FollowUpEntity, {
            id: In(samples.map((s) => s.followUpId).filter((x): x is string => Boolean(x))),
          })
        : []
      ).map((f) => [f.id, f]),
    );
    const today = todayIso();
    const counts = (f: FollowUpEntity | undefined): f is FollowUpEntity =>
      Boolean(
        f &&
        (COUNTING_STATUSES as readonly string[]).includes(f.status) &&
        f.performedOn &&
        f.performedOn <= today &&
        f.validUntil &&
        f.validUntil >= today,
      );
    // Each counting sample against each submitted contract, from its own follow-up alone (its results
    // under the contract's own limits); a sample whose follow-up does not count yet is NO_DATA.
    const evaluated = await this.assessments.evaluateEach(
      [...followUps.values()].filter(counts).filter((f) => canSee(viewer, f)),
      submitted.map((s) => s.contract),
      products,
    );
    const organisations = await this.organisations(submitted.map((s) => s.submission.organisationId));
    const participants = [];
    for (const organisation of [...organisations.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
      const results: FocusAreaResult[] = [];
      const own = submitted
        .filter((s) => s.submission.organisationId === organisation.id)
        .sort((a, b) => a.contract.title.localeCompare(b.contract.title, 'sv'));
      const pairs = own.flatMap((s) => samples.map((sample) => ({ s, sample })));
      const evaluations = pairs.map(({ s, sample }) =>
        sample.followUpId ? (evaluated.get(`${s.contract.id}|${sample.followUpId}`) ?? null) : null,
      );
      pairs.forEach(({ s, sample }, i) => {
        const product = products.get(sample.productId)!;
        results.push({
          contract: s.contract,
          product,
          sample,
          coversProduct: FocusAreaFacts.covers(facts.tree, s, product),
          verdict: evaluations[i]?.verdict ?? 'NO_DATA',
          evaluation: evaluations[i],
        });
      });
      results.sort(
        (a, b) =>
          (a.contract as { title: string }).title.localeCompare((b.contract as { title: string }).title, 'sv') ||
          (a.product as ProductEntity).name.localeCompare((b.product as ProductEntity).name, 'sv'),
      );
      participants.push({ organisation, results });
    }
    return { focusArea: area, participants };
  }

  /** focusAreaResults as an XLSX workbook (base64): one row per participant, contract, product and requirement. */
  async resultsXlsx(focusAreaId: string, viewer: Principal): Promise<string> {
    const results = await this.results(focusAreaId, viewer);
    const rows: Array<Record<string, string | number | null>> = [];
    for (const p of results.participants) {
      const organisation = p.organisation as OrganisationEntity;
      for (const r of p.results) {
        const contract = r.contract as { id: string; title: string };
        const product = r.product as ProductEntity;
        const base = {
          organisation: organisation.code,
          contract_id: contract.id,
          contract: contract.title,
          product_id: product.id,
          product: product.name,
          gtin: product.gtin,
          covers_product: r.coversProduct ? 'yes' : 'no',
          product_verdict: r.verdict,
        };
        const evaluation = r.evaluation as {
          requirements: Array<{
            requirement: RequirementEntity;
            verdict: Verdict;
            limit: { value: number; unit: string } | null;
            limitSource: string | null;
          }>;
        } | null;
        if (!evaluation?.requirements.length)
          rows.push({ ...base, requirement: null, verdict: null, limit: null, unit: null, limit_source: null });
        else
          for (const q of evaluation.requirements)
            rows.push({
              ...base,
              requirement: q.requirement.code,
              verdict: q.verdict,
              limit: q.limit?.value ?? null,
              unit: q.limit?.unit ?? null,
              limit_source: q.limitSource,
            });
      }
    }
    const columns = [
      'organisation',
      'contract_id',
      'contract',
      'product_id',
      'product',
      'gtin',
      'covers_product',
      'product_verdict',
      'requirement',
      'verdict',
      'limit',
      'unit',
      'limit_source',
    ];
    return (await tableWorkbook('results', columns, rows, new Set(['limit']))).toString('base64');
  }

  /**
   * The public report, once REPORTING or CLOSED: each counted sample's requirements at the library's
   * default limits, counted by product category, substance group (each group of the requirement's
   * substances; OTHER for a requirement without substances) and verdict; counts below 3 withheld.
   */
  async publicReport(focusAreaId: string, viewer: Principal | undefined): Promise<PublicFocusAreaReport> {
    const area = await this.manager.findOneBy(FocusAreaEntity, { id: focusAreaId });
    if (!area || !['REPORTING', 'CLOSED'].includes(area.status)) throw noPublicReport(focusAreaId, area, viewer);
    const facts: AreaFacts = await this.facts.of(this.manager, area.id);
    const followUps = (
      await this.manager.findBy(FollowUpEntity, {
        id: In(
          facts.samples
            .map((s) => s.followUpId)
            .filter((x): x is string => Boolean(x))
            .concat(['']),
        ),
        status: In([...COUNTING_STATUSES]),
        visibility: 'SHARED',
      })
    ).filter((f) => f.productId);
    const requirementIds = (await this.manager.findBy(FocusAreaRequirementEntity, { focusAreaId })).map(
      (r) => r.requirementId,
    );
    const [verdicts, products, categories, links] = await Promise.all([
      this.assessments.libraryVerdicts(followUps, requirementIds),
      followUps.length
        ? this.manager.findBy(ProductEntity, { id: In(followUps.map((f) => f.productId!)) })
        : Promise.resolve([]),
      requirementIds.length
        ? this.manager.findBy(RequirementCategoryEntity, { requirementId: In(requirementIds) })
        : Promise.resolve([]),
      requirementIds.length
        ? this.manager.findBy(RequirementSubstanceEntity, { requirementId: In(requirementIds) })
        : Promise.resolve([]),
    ]);
    const groupRows = links.length
      ? await this.manager.findBy(SubstanceGroupEntity, {
          substanceId: In([...new Set(links.map((l) => l.substanceId))]),
        })
      : [];
    const groupsOf = (requirementId: string): SubstanceGroup[] => {
      const substances = new Set(links.filter((l) => l.requirementId === requirementId).map((l) => l.substanceId));
      const groups = [
        ...new Set(groupRows.filter((g) => substances.has(g.substanceId)).map((g) => g.groupCode as SubstanceGroup)),
      ];
      return groups.length ? groups : ['OTHER'];
    };
    const productOf = new Map(products.map((p) => [p.id, p]));
    const cells = new Map<
      string,
      { categoryId: string | null; substanceGroup: SubstanceGroup; verdict: Verdict; count: number }
    >();
    for (const f of followUps) {
      const product = productOf.get(f.productId!)!;
      for (const requirementId of requirementIds) {
        const cats = categories.filter((c) => c.requirementId === requirementId).map((c) => c.categoryId);
        if (cats.length && !facts.tree.within(product.categoryId, cats)) continue;
        const verdict = verdicts.get(f.id)?.get(requirementId) ?? 'NO_DATA';
        for (const substanceGroup of groupsOf(requirementId)) {
          const key = `${product.categoryId}|${substanceGroup}|${verdict}`;
          const cell = cells.get(key) ?? { categoryId: product.categoryId, substanceGroup, verdict, count: 0 };
          cell.count += 1;
          cells.set(key, cell);
        }
      }
    }
    const rows = [...cells.values()]
      .map((c) => ({
        categoryCode: facts.tree.get(c.categoryId)?.code ?? null,
        categoryName: facts.tree.get(c.categoryId)?.name ?? null,
        substanceGroup: c.substanceGroup,
        verdict: c.verdict,
        count: c.count,
      }))
      .sort(
        (a, b) =>
          (a.categoryCode ?? '').localeCompare(b.categoryCode ?? '') ||
          SUBSTANCE_GROUPS.indexOf(a.substanceGroup) - SUBSTANCE_GROUPS.indexOf(b.substanceGroup) ||
          VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict),
      );
    const { cells: counts, shownTotal } = suppressSmallCounts(rows);
    return {
      year: area.year,
      title: area.title,
      status: area.status,
      sampledProducts: publishCount(new Set(followUps.map((f) => f.productId)).size).count,
      participants: publishCount(facts.participants.length).count,
      shownTotal,
      counts,
    };
  }
}

/** Where a sample stands: its follow-up's status, OVERDUE when unfinished past the results date. */
export function sampleState(followUpStatus: string | null, resultsDueOn: string | null, today: string): SampleState {
  if (!followUpStatus) return 'UNASSIGNED';
  if (followUpStatus === 'COMPLETED' || followUpStatus === 'CLOSED') return 'COMPLETED';
  if (followUpStatus === 'RETRACTED') return 'RETRACTED';
  if (resultsDueOn && today > resultsDueOn) return 'OVERDUE';
  return followUpStatus === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'PLANNED';
}
