import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { assertActsFor } from '../auth/ownership.js';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import { isUniqueViolation } from '../common/errors/format-error.js';
import { toLimit } from '../common/limit.js';
import { todayIso } from '../common/time.js';
import { ContractEntity, ContractRequirementEntity } from '../contracts/contract.entity.js';
import { sqlConstantList } from '../database/sql-constants.js';
import { TransactionService } from '../database/transaction.service.js';
import type {
  MeasurementFact,
  PartResult,
  RequirementEvaluation as LimitEvaluation,
  SubstanceResult,
} from '../evaluation/evaluate.js';
import { worstFirst } from '../evaluation/worst-first.js';
import {
  applicableLimit,
  evaluateRequirement,
  productVerdict,
  type ContractRule,
  type EvaluationFacts,
  type FollowUpFact,
  type RequirementVerdict,
} from '../evaluation/product-verdict.js';
import { outsideContract } from '../evaluation/contract-scope.js';
import { decideReuse, reuseOutcome } from '../evaluation/reuse.js';
import { SqlReader } from '../database/read/sql-reader.js';
import { EventLogService } from '../events/event-log.service.js';
import { DeviationEntity } from '../follow-ups/deviation.entity.js';
import { canSee, whereVisible } from '../follow-ups/follow-up-access.js';
import { FollowUpEntity, FollowUpRequirementEntity } from '../follow-ups/follow-up.entity.js';
import { withSubstances } from '../database/read/loaders/follow-up.loaders.js';
import { MeasurementEntity } from '../follow-ups/measurement.entity.js';
import { lockFollowUp } from '../follow-ups/follow-up-lock.js';
import { ReuseEntity } from '../follow-ups/reuse.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity, RequirementSubstanceEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { assertNever } from '../vocabulary/assert-never.js';
import { COUNTING_STATUSES, type LimitSource, type Unit, type Verdict } from '../vocabulary/vocabulary.js';
import type { ProductEvaluation, RequirementEvaluation } from './assessment.model.js';

/** The statuses whose follow-ups count (COMPLETED, CLOSED), as SQL. */
const COUNTED = sqlConstantList(COUNTING_STATUSES);

/** One of the contract's requirements: the library record, and the rule the evaluation applies. */
interface ContractRequirement {
  requirement: RequirementEntity;
  rule: ContractRule;
  limitSource: LimitSource | null;
}

/** What the database knows about a set of follow-ups, as entities (for the answer) and as facts (for the rules). */
interface Gathered {
  followUps: FollowUpEntity[];
  /** The in-scope substances (their names order an answer). */
  substances: SubstanceEntity[];
  measurements: MeasurementEntity[];
  checked: FollowUpRequirementEntity[];
  facts: EvaluationFacts;
}

/**
 * Assessments of a product against one contract: `evaluateProduct` (every requirement against
 * the contract's own limits) and the reuse rule (`reusableFollowUps`, `recordReuse`). The rules
 * are the pure functions in src/evaluation; this service only gathers the facts (the contract's
 * requirements, which follow-ups count for the caller, their measurements) in a fixed number of
 * queries, and maps the rules' results to the GraphQL types.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
    private readonly reader: SqlReader,
  ) {}

  /**
   * Every requirement of the contract against the limit that applies, from the follow-ups that
   * count (COMPLETED or CLOSED, valid today, visible to the caller); with `followUpIds`, from those
   * alone (each must be one of them: "my new lab report against my contract"). With `measuredOnly`,
   * substances not measured are left out of each part. Substances come worst first, then by name.
   */
  async evaluateProduct(
    productId: string,
    contractId: string,
    viewer: Principal,
    options: { followUpIds?: readonly string[] | null; measuredOnly?: boolean } = {},
  ): Promise<ProductEvaluation> {
    const product = await this.product(productId);
    const contract = await this.contract(contractId);
    await this.assertCovers(contract, product, 'productId');
    const requirements = await this.contractRequirements(contract.id);
    const today = todayIso();
    const followUps = options.followUpIds
      ? await this.chosenFollowUps(options.followUpIds, product, viewer, today)
      : await this.visibleForProduct(product, viewer)
          .andWhere(`f.status IN (${COUNTED})`)
          .andWhere('f.performed_on <= :today AND f.valid_until >= :today', { today })
          .getMany();
    const gathered = await this.gather(followUps, requirements);
    const answer = new AnswerShaper(gathered, { measuredOnly: options.measuredOnly ?? false });
    const evaluated = requirements.map((r) => answer.requirement(r, evaluateRequirement(r.rule, gathered.facts)));
    return {
      product,
      contract,
      evaluatedOn: today,
      verdict: productVerdict(evaluated.map((r) => r.verdict)),
      requirements: evaluated,
    };
  }

  /**
   * Each follow-up alone against each contract (a focus area's samples × the submitted contracts): for
   * every pair what `evaluateProduct(f.productId, contract.id, viewer, { followUpIds: [f.id] })` answers,
   * in a number of queries that grows with the contracts, not with the pairs. The caller has checked the
   * follow-ups (of a product, visible to the viewer, counting today). Keyed `<contract id>|<follow-up id>`.
   */
  async evaluateEach(
    followUps: readonly FollowUpEntity[],
    contracts: readonly ContractEntity[],
    products: ReadonlyMap<string, ProductEntity>,
  ): Promise<Map<string, ProductEvaluation>> {
    const today = todayIso();
    const answer = new Map<string, ProductEvaluation>();
    if (!followUps.length) return answer;
    await Promise.all(
      contracts.map(async (contract) => {
        const requirements = await this.contractRequirements(contract.id);
        const gathered = await this.gather([...followUps], requirements);
        const shaper = new AnswerShaper(gathered, { measuredOnly: false });
        for (const f of followUps) {
          const facts = factsOf(gathered.facts, f.id);
          const evaluated = requirements.map((r) => shaper.requirement(r, evaluateRequirement(r.rule, facts)));
          answer.set(`${contract.id}|${f.id}`, {
            product: products.get(f.productId ?? ''),
            contract,
            evaluatedOn: today,
            verdict: productVerdict(evaluated.map((r) => r.verdict)),
            requirements: evaluated,
          });
        }
      }),
    );
    return answer;
  }

  /**
   * The follow-ups an evaluation was asked to judge, in one query: each must be one the caller may
   * see, of the product or of its supplier alone (supplier-level), and one that counts today;
   * otherwise BAD_USER_INPUT naming `followUpIds[i]`.
   */
  private async chosenFollowUps(
    ids: readonly string[],
    product: ProductEntity,
    viewer: Principal,
    today: string,
  ): Promise<FollowUpEntity[]> {
    if (!ids.length) throw badInput('followUpIds', 'must name at least one follow-up (omit it to use all that count)');
    const unique = [...new Set(ids)];
    const found = await this.dataSource.getRepository(FollowUpEntity).findBy({ id: In(unique) });
    const byId = new Map(found.map((f) => [f.id, f]));
    ids.forEach((id, i) => {
      const f = byId.get(id);
      const field = `followUpIds[${i}]`;
      if (!f || !canSee(viewer, f)) throw badInput(field, `"${id}": no follow-up you can see has this id`);
      if (!concernsProduct(f, product))
        throw badInput(
          field,
          `"${id}": the follow-up is not of product ${product.id}, nor of its supplier ${product.supplierId} alone`,
        );
      if (!(COUNTING_STATUSES as readonly string[]).includes(f.status))
        throw badInput(
          field,
          `"${id}": the follow-up is ${f.status}; only ${COUNTING_STATUSES.join(' or ')} ones count`,
        );
      if (!f.performedOn || f.performedOn > today || !f.validUntil || f.validUntil < today)
        throw badInput(field, `"${id}": the follow-up is not valid today (valid until ${f.validUntil ?? 'never'})`);
    });
    return unique.map((id) => byId.get(id)!);
  }

  async reusableFollowUps(productId: string, contractId: string, viewer: Principal, includeRejected: boolean) {
    const product = await this.product(productId);
    const contract = await this.contract(contractId);
    await this.assertCovers(contract, product, 'productId');
    const requirements = await this.contractRequirements(contract.id);
    const today = todayIso();
    const candidates = await this.visibleForProduct(product, viewer)
      .orderBy('f.performed_on', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
    const gathered = await this.gather(candidates, requirements);
    // Judged for the contract's organisation, whoever asks: "another organisation" means another than the contract's.
    const results = candidates.map((f) => this.judgeReuse(f, requirements, gathered, contract.organisationId, today));
    return includeRejected ? results : results.filter((r) => r.reusable);
  }

  async recordReuse(followUpId: string, contractId: string, actor: Principal): Promise<ReuseEntity> {
    const contract = await this.contract(contractId, 'contractId');
    assertActsFor(actor, contract.organisationId, 'recordReuse');
    const followUp = await this.dataSource.getRepository(FollowUpEntity).findOneBy({ id: followUpId });
    if (!followUp || !canSee(actor, followUp))
      throw badInput('followUpId', `"${followUpId}": no follow-up you can see has this id`);
    if (followUp.organisationId === contract.organisationId)
      throw badInput(
        'followUpId',
        "the follow-up was recorded by the contract's own organisation; reuse is for relying on another organisation's work",
      );
    await this.assertCovers(
      contract,
      followUp.productId
        ? await this.product(followUp.productId)
        : { supplierId: followUp.supplierId, categoryId: null },
      'followUpId',
      !followUp.productId,
    );
    const requirements = await this.contractRequirements(contract.id);
    const gathered = await this.gather([followUp], requirements);
    const decision = this.judgeReuse(followUp, requirements, gathered, contract.organisationId, todayIso());
    if (!decision.reusable)
      throw conflict(
        `recordReuse: follow-up ${followUpId} cannot be reused for contract ${contractId}: ${decision.reasons.join('; ')}`,
      );
    try {
      return await this.tx.run(async (uow) => {
        // Read again under a lock: turning it PRIVATE or retracting it meanwhile is seen, not raced.
        await lockFollowUp(uow.manager, followUpId, 'SHARE');
        const current = await uow.manager.findOneBy(FollowUpEntity, { id: followUpId });
        if (!current || !canSee(actor, current))
          throw badInput('followUpId', `"${followUpId}": no follow-up you can see has this id`);
        if (current.status === 'RETRACTED') throw conflict(`recordReuse: follow-up ${followUpId} is RETRACTED`);
        if (await uow.manager.existsBy(ReuseEntity, { followUpId, contractId }))
          throw conflict(
            `recordReuse: the reuse of follow-up ${followUpId} for contract ${contractId} is already recorded`,
          );
        const entity = uow.manager.create(ReuseEntity, {
          followUpId,
          contractId,
          organisationId: contract.organisationId,
          principalId: actor.principalId,
        });
        await uow.manager.insert(ReuseEntity, entity);
        await this.events.append(uow, actor, {
          type: 'REUSED',
          subjectType: 'Reuse',
          subjectId: entity.id,
          followUpId,
          payload: {
            contractId,
            decided: decision.decides.map((d) => ({ requirementId: d.requirement.id, verdict: d.verdict })),
          },
        });
        return entity;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          `recordReuse: the reuse of follow-up ${followUpId} for contract ${contractId} is already recorded`,
        );
      throw error;
    }
  }

  /** The reuse rule for one follow-up, for the contract's organisation, with the requirements it decides. */
  private judgeReuse(
    f: FollowUpEntity,
    requirements: ContractRequirement[],
    gathered: Gathered,
    contractOrganisationId: string,
    today: string,
  ) {
    const own = gathered.facts.measurements.filter((m) => m.followUpId === f.id);
    const checked = new Set(gathered.checked.filter((c) => c.followUpId === f.id).map((c) => c.requirementId));
    const outcomes = requirements.map(({ requirement, rule }) =>
      reuseOutcome(rule, requirement.code, checked.has(requirement.id), own),
    );
    const decision = decideReuse(
      {
        followUpId: f.id,
        organisationId: f.organisationId,
        status: f.status,
        retracted: f.status === 'RETRACTED',
        visibility: f.visibility,
        method: f.method,
        supplierLevel: f.productId === null,
        validUntil: f.validUntil,
      },
      contractOrganisationId,
      today,
      outcomes,
    );
    const byId = new Map(requirements.map((r) => [r.requirement.id, r.requirement]));
    return {
      followUp: f,
      reusable: decision.reusable,
      reasons: decision.reasons,
      decides: decision.decided.map((d) => ({ requirement: byId.get(d.requirementId)!, verdict: d.verdict })),
    };
  }

  /**
   * The measurements (of in-scope substances, with them), requirement links and deviations of a
   * set of follow-ups (four queries), as entities and as the facts the rules read.
   */
  private async gather(followUps: FollowUpEntity[], requirements: ContractRequirement[]): Promise<Gathered> {
    const ids = followUps.map((f) => f.id);
    const substanceIds = [...new Set(requirements.flatMap((r) => r.rule.substanceIds))];
    if (!ids.length)
      return {
        followUps,
        substances: [],
        measurements: [],
        checked: [],
        facts: { followUps: [], measurements: [], checked: [], deviations: [] },
      };
    const [measurements, substances, checked, deviations] = await Promise.all([
      substanceIds.length
        ? this.dataSource
            .getRepository(MeasurementEntity)
            .findBy({ followUpId: In(ids), substanceId: In(substanceIds) })
        : Promise.resolve([]),
      substanceIds.length
        ? this.dataSource.getRepository(SubstanceEntity).findBy({ id: In(substanceIds) })
        : Promise.resolve([]),
      this.dataSource.getRepository(FollowUpRequirementEntity).findBy({ followUpId: In(ids) }),
      this.dataSource.getRepository(DeviationEntity).findBy({ followUpId: In(ids) }),
    ]);
    const byId = new Map(followUps.map((f) => [f.id, f]));
    return {
      followUps,
      substances,
      // The measurements an evaluation names are GraphQL Measurements, which carry their substance.
      measurements: withSubstances(measurements, substances),
      checked,
      facts: {
        followUps: followUps.map(followUpFact),
        measurements: measurements.map((m) => measurementFact(m, byId.get(m.followUpId)!)),
        checked,
        deviations,
      },
    };
  }

  /** The contract's requirements, each with the limit that applies (the contract's own, else the library default). */
  private async contractRequirements(contractId: string): Promise<ContractRequirement[]> {
    const rows = await this.dataSource
      .getRepository(ContractRequirementEntity)
      .find({ where: { contractId }, order: { createdAt: 'ASC' } });
    return this.requirementRules(
      rows.map((r) => r.requirementId),
      (id) => rows.find((r) => r.requirementId === id)!,
    );
  }

  /**
   * The rules of requirements (in the order of `ids`), each with the limit that applies: the one
   * `own` gives for it (a contract's), else the library default.
   */
  private async requirementRules(
    ids: readonly string[],
    own: (requirementId: string) => { limitValue: number | null; limitUnit: Unit | null },
  ): Promise<ContractRequirement[]> {
    if (!ids.length) return [];
    const [requirements, links] = await Promise.all([
      this.dataSource.getRepository(RequirementEntity).findBy({ id: In([...ids]) }),
      this.dataSource.getRepository(RequirementSubstanceEntity).findBy({ requirementId: In([...ids]) }),
    ]);
    return ids.flatMap((id) => {
      const requirement = requirements.find((r) => r.id === id);
      if (!requirement) return [];
      const mine = own(id);
      const { limit, source } = applicableLimit(
        { value: mine.limitValue, unit: mine.limitUnit },
        { value: requirement.defaultLimitValue, unit: requirement.defaultLimitUnit },
      );
      return [
        {
          requirement,
          limitSource: source,
          rule: {
            requirementId: requirement.id,
            kind: requirement.kind,
            aggregation: requirement.aggregation,
            substanceIds: links.filter((l) => l.requirementId === requirement.id).map((l) => l.substanceId),
            limit,
          },
        },
      ];
    });
  }

  /**
   * Each follow-up alone against each requirement at the library's default limit (no contract's own):
   * what a public report may say without naming whose contract. Follow-up id → requirement id → verdict.
   * The follow-ups are the caller's to choose (a focus area's SHARED samples); four queries in all.
   */
  async libraryVerdicts(
    followUps: readonly FollowUpEntity[],
    requirementIds: readonly string[],
  ): Promise<Map<string, Map<string, Verdict>>> {
    const answer = new Map<string, Map<string, Verdict>>();
    if (!followUps.length || !requirementIds.length) return answer;
    const rules = await this.requirementRules(requirementIds, () => ({ limitValue: null, limitUnit: null }));
    const { facts } = await this.gather([...followUps], rules);
    for (const f of followUps) {
      const own = factsOf(facts, f.id);
      answer.set(f.id, new Map(rules.map((r) => [r.requirement.id, evaluateRequirement(r.rule, own).verdict])));
    }
    return answer;
  }

  /**
   * The follow-ups that speak for the product and that the viewer may see (alias `f`), for the caller
   * to narrow: the product's own, and its supplier's supplier-level ones (of no product: a desk
   * audit, a supplier declaration), which the rules let decide documents and declarations only.
   */
  private visibleForProduct(product: ProductEntity, viewer: Principal) {
    const qb = this.dataSource
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .where('(f.product_id = :productId OR (f.product_id IS NULL AND f.supplier_id = :supplierId))', {
        productId: product.id,
        supplierId: product.supplierId,
      });
    return whereVisible(qb, viewer);
  }

  /**
   * The contract must cover the product (its supplier's, in its categories: src/evaluation/contract-scope.ts):
   * otherwise BAD_USER_INPUT naming `field`. A supplier-level follow-up (`supplierOnly`) is checked by supplier.
   */
  private async assertCovers(
    contract: ContractEntity,
    product: { id?: string; supplierId: string; categoryId: string | null },
    field: string,
    supplierOnly = false,
  ): Promise<void> {
    const [named, tree] = await Promise.all([
      supplierOnly
        ? Promise.resolve([])
        : this.reader.all<{ category_id: string }>(
            'SELECT category_id FROM contract_categories WHERE contract_id = ?',
            [contract.id],
          ),
      supplierOnly || !product.categoryId
        ? Promise.resolve([])
        : this.reader.all<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM product_categories'),
    ]);
    const reason = outsideContract(
      product,
      { supplierId: contract.supplierId, categoryIds: named.map((r) => r.category_id) },
      new Map(tree.map((r) => [r.id, r.parent_id])),
    );
    if (reason)
      throw badInput(
        field,
        supplierOnly
          ? `the follow-up is of supplier ${product.supplierId}, which is not contract ${contract.id}'s supplier`
          : `product ${product.id} is not covered by contract ${contract.id}: ${reason}`,
      );
  }

  private async product(id: string): Promise<ProductEntity> {
    const found = await this.dataSource.getRepository(ProductEntity).findOneBy({ id });
    if (!found) throw notFound('Product', id);
    return found;
  }

  private async contract(id: string, field?: string): Promise<ContractEntity> {
    const found = await this.dataSource.getRepository(ContractEntity).findOneBy({ id });
    if (!found) throw field ? badInput(field, `"${id}": no contract has this id`) : notFound('Contract', id);
    return found;
  }
}

/** The facts of one follow-up alone, out of those of several. */
function factsOf(facts: EvaluationFacts, followUpId: string): EvaluationFacts {
  return {
    followUps: facts.followUps.filter((x) => x.followUpId === followUpId),
    measurements: facts.measurements.filter((x) => x.followUpId === followUpId),
    checked: facts.checked.filter((x) => x.followUpId === followUpId),
    deviations: facts.deviations.filter((x) => x.followUpId === followUpId),
  };
}

function followUpFact(f: FollowUpEntity): FollowUpFact {
  return {
    followUpId: f.id,
    organisationId: f.organisationId,
    method: f.method,
    performedOn: f.performedOn,
    recordedAt: f.createdAt,
    supplierLevel: f.productId === null,
  };
}

/** Whether the follow-up speaks for the product: one of the product's own, or a supplier-level one of its supplier. */
function concernsProduct(f: Pick<FollowUpEntity, 'productId' | 'supplierId'>, product: ProductEntity): boolean {
  return f.productId === product.id || (f.productId === null && f.supplierId === product.supplierId);
}

function measurementFact(m: MeasurementEntity, f: FollowUpEntity): MeasurementFact {
  return {
    measurementId: m.id,
    followUpId: f.id,
    organisationId: f.organisationId,
    performedOn: f.performedOn ?? '0001-01-01',
    recordedAt: f.createdAt,
    substanceId: m.substanceId,
    part: m.part,
    detected: m.detected,
    value: m.value,
    loq: m.loq,
    unit: m.unit,
    uncertainty: m.uncertainty,
  };
}

/** Maps the rules' results back to the records they name, in the GraphQL shape. */
class AnswerShaper {
  private readonly followUps: Map<string, FollowUpEntity>;
  private readonly measurements: Map<string, MeasurementEntity>;

  private readonly substanceNames: Map<string, string>;

  constructor(
    gathered: Gathered,
    private readonly options: { measuredOnly: boolean },
  ) {
    this.followUps = new Map(gathered.followUps.map((f) => [f.id, f]));
    this.measurements = new Map(gathered.measurements.map((m) => [m.id, m]));
    this.substanceNames = new Map(gathered.substances.map((s) => [s.id, s.name]));
  }

  /** A part's substances as the answer lists them: worst first, then by name; without the unmeasured if asked. */
  private substancesOf(part: PartResult): SubstanceResult[] {
    const listed = this.options.measuredOnly
      ? part.substances.filter((s) => s.status !== 'NOT_MEASURED')
      : part.substances;
    return worstFirst(listed, (s) => this.substanceNames.get(s.substanceId) ?? '');
  }

  /** The parts, the results not comparable and the deciding follow-ups of a measured requirement (besides `alsoDecidedBy`). */
  private measured(evaluation: LimitEvaluation, alsoDecidedBy: readonly string[]) {
    const unit = evaluation.limit.unit;
    return {
      parts: evaluation.parts.map((p) => ({
        part: p.part,
        verdict: p.verdict,
        lowerBound: p.lowerBound,
        upperBound: p.upperBound,
        substances: this.substancesOf(p).map((s) => {
          const followUp = s.measurement ? this.followUps.get(s.measurement.followUpId) : undefined;
          return {
            substance: { id: s.substanceId },
            status: s.status,
            verdict: s.verdict,
            measurement: s.measurement ? this.measurements.get(s.measurement.measurementId) : null,
            followUp: followUp ?? null,
            organisation: followUp ? { id: followUp.organisationId } : null,
            convertedValue: s.convertedValue,
            convertedLoq: s.convertedLoq,
            convertedUnit: s.measurement ? unit : null,
            withinUncertainty: s.withinUncertainty,
          };
        }),
      })),
      notComparable: evaluation.notComparable.map((m) => this.measurements.get(m.measurementId)),
      followUps: [...new Set([...evaluation.followUpIds, ...alsoDecidedBy])].map((id) => this.followUps.get(id)),
    };
  }

  requirement(
    { requirement, rule, limitSource }: ContractRequirement,
    result: RequirementVerdict,
  ): RequirementEvaluation {
    const base = {
      requirement,
      limit: rule.limit ? toLimit(rule.limit.value, rule.limit.unit) : null,
      limitSource,
      verdict: result.verdict,
      explanation: result.explanation,
    };
    switch (result.decidedBy) {
      case 'MEASUREMENTS':
        return { ...base, ...this.measured(result.evaluation, []) };
      case 'DOCUMENTS_AND_MEASUREMENTS':
        return { ...base, ...this.measured(result.evaluation, result.followUpId ? [result.followUpId] : []) };
      case 'DOCUMENTS':
        return {
          ...base,
          parts: [],
          notComparable: [],
          followUps: result.followUpId ? [this.followUps.get(result.followUpId)] : [],
        };
      case 'NOTHING':
        return { ...base, parts: [], notComparable: [], followUps: [] };
      default:
        return assertNever(result, 'requirement verdict');
    }
  }
}
