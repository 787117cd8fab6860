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
import { TransactionService } from '../database/transaction.service.js';
import {
  evaluateLimit,
  type MeasurementFact,
  type RequirementEvaluation as Evaluation,
  type Verdict,
} from '../evaluation/evaluate.js';
import { decideReuse, DOCUMENT_OR_AUDIT_METHODS, type RequirementOutcome } from '../evaluation/reuse.js';
import { EventLogService } from '../events/event-log.service.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity, RequirementSubstanceEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { DeviationEntity } from './deviation.entity.js';
import { canSee, whereVisible } from './follow-up-access.js';
import { FollowUpEntity, FollowUpRequirementEntity } from './follow-up.entity.js';
import { withSubstances } from '../database/read/loaders/follow-up.loaders.js';
import { MeasurementEntity } from './measurement.entity.js';
import { ReuseEntity } from './reuse.entity.js';

interface ContractRule {
  requirement: RequirementEntity;
  substanceIds: string[];
  limit: { value: number; unit: NonNullable<RequirementEntity['defaultLimitUnit']> } | null;
  limitSource: 'CONTRACT' | 'LIBRARY' | null;
}

interface Facts {
  followUps: FollowUpEntity[];
  measurements: MeasurementEntity[];
  checked: FollowUpRequirementEntity[];
  deviations: DeviationEntity[];
}

const VERDICT_ORDER: Verdict[] = ['FAIL', 'INCONCLUSIVE', 'NO_DATA', 'INCOMPLETE', 'PASS'];

/**
 * Evaluates a product against one contract's own limits, and applies the reuse rule. The rules
 * themselves are the pure functions in src/evaluation; this service only gathers the facts
 * (which follow-ups count for the caller, their measurements) in a fixed number of queries.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly events: EventLogService,
  ) {}

  async evaluateProduct(productId: string, contractId: string, viewer: Principal) {
    const product = await this.product(productId);
    const contract = await this.contract(contractId);
    const rules = await this.rules(contract.id);
    const today = todayIso();
    // Only follow-ups that count: COMPLETED or CLOSED (so not retracted), valid today, visible to the caller.
    const followUps = await this.visibleOfProduct(productId, viewer)
      .andWhere("f.status IN ('COMPLETED', 'CLOSED')")
      .andWhere('f.performed_on <= :today AND f.valid_until >= :today', { today })
      .getMany();
    const facts = await this.facts(followUps, rules);
    const requirements = rules.map((rule) => this.evaluateRule(rule, facts, facts.followUps));
    const verdict = VERDICT_ORDER.find((v) => requirements.some((r) => r.verdict === v)) ?? 'NO_DATA';
    return { product, contract, evaluatedOn: today, verdict, requirements };
  }

  async reusableFollowUps(productId: string, contractId: string, viewer: Principal, includeRejected: boolean) {
    await this.product(productId);
    const contract = await this.contract(contractId);
    const rules = await this.rules(contract.id);
    const today = todayIso();
    const candidates = await this.visibleOfProduct(productId, viewer)
      .orderBy('f.performed_on', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
    const facts = await this.facts(candidates, rules);
    // Judged for the contract's organisation, whoever asks: "another organisation" means another than the contract's.
    const forContract = { ...viewer, organisationId: contract.organisationId };
    const results = candidates.map((f) => this.judgeReuse(f, rules, facts, forContract, today));
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
    const rules = await this.rules(contract.id);
    const facts = await this.facts([followUp], rules);
    const decision = this.judgeReuse(
      followUp,
      rules,
      facts,
      { ...actor, organisationId: contract.organisationId },
      todayIso(),
    );
    if (!decision.reusable)
      throw conflict(
        `recordReuse: follow-up ${followUpId} cannot be reused for contract ${contractId}: ${decision.reasons.join('; ')}`,
      );
    try {
      return await this.tx.run(async (uow) => {
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
            decided: decision.decides.map((d) => ({
              requirementId: (d.requirement as RequirementEntity).id,
              verdict: d.verdict,
            })),
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

  private judgeReuse(f: FollowUpEntity, rules: ContractRule[], facts: Facts, viewer: Principal, today: string) {
    const own = { ...facts, followUps: [f], measurements: facts.measurements.filter((m) => m.followUpId === f.id) };
    const checked = new Set(facts.checked.filter((c) => c.followUpId === f.id).map((c) => c.requirementId));
    const outcomes: RequirementOutcome[] = rules.map((rule) => {
      const kind = rule.requirement.kind;
      // A follow-up addresses the library requirements it says it checked; a substance measured
      // in passing (say DEHP, also on the Candidate List) does not make it a check of that list.
      const addressed = checked.has(rule.requirement.id);
      const verdict = kind === 'LIMIT' ? (this.evaluateRule(rule, own, [f]).verdict as Verdict) : null;
      return { requirementId: rule.requirement.id, requirementCode: rule.requirement.code, kind, addressed, verdict };
    });
    const decision = decideReuse(
      {
        followUpId: f.id,
        organisationId: f.organisationId,
        status: f.status,
        retracted: f.status === 'RETRACTED',
        visibility: f.visibility,
        method: f.method,
        validUntil: f.validUntil,
      },
      viewer.organisationId,
      today,
      outcomes,
    );
    const byId = new Map(rules.map((r) => [r.requirement.id, r.requirement]));
    return {
      followUp: f,
      reusable: decision.reusable,
      reasons: decision.reasons,
      decides: decision.decided.map((d) => ({ requirement: byId.get(d.requirementId), verdict: d.verdict })),
    };
  }

  private evaluateRule(rule: ContractRule, facts: Facts, followUps: FollowUpEntity[]) {
    const base = {
      requirement: rule.requirement,
      limit: rule.limit ? toLimit(rule.limit.value, rule.limit.unit) : null,
      limitSource: rule.limitSource,
    };
    const byFollowUp = new Map(followUps.map((f) => [f.id, f]));
    if (rule.limit && rule.substanceIds.length) {
      const result = evaluateLimit(
        {
          value: rule.limit.value,
          unit: rule.limit.unit,
          aggregation: rule.requirement.aggregation,
          substanceIds: rule.substanceIds,
        },
        this.toFacts(facts.measurements, byFollowUp),
      );
      if (rule.requirement.kind === 'LIMIT' || result.verdict !== 'NO_DATA')
        return { ...base, ...this.present(result, facts, byFollowUp, rule.limit.unit), explanation: null };
    }
    if (rule.requirement.kind === 'LIMIT') {
      return {
        ...base,
        verdict: 'NO_DATA',
        parts: [],
        notComparable: [],
        followUps: [],
        explanation: rule.limit ? 'no substances in scope' : 'the requirement has no limit',
      };
    }
    return { ...base, ...this.documentVerdict(rule, facts, followUps) };
  }

  /** NOT_ADDED and DOCUMENTATION: decided by the most recent document-based or audit follow-up that checked it. */
  private documentVerdict(rule: ContractRule, facts: Facts, followUps: FollowUpEntity[]) {
    const checkers = followUps
      .filter(
        (f) =>
          DOCUMENT_OR_AUDIT_METHODS.includes(f.method) &&
          facts.checked.some((c) => c.followUpId === f.id && c.requirementId === rule.requirement.id),
      )
      .sort(
        (a, b) => (b.performedOn ?? '').localeCompare(a.performedOn ?? '') || b.createdAt.localeCompare(a.createdAt),
      );
    const latest = checkers[0];
    if (!latest)
      return {
        verdict: 'NO_DATA',
        parts: [],
        notComparable: [],
        followUps: [],
        explanation: 'no document review, declaration or audit has checked it',
      };
    const unresolved = facts.deviations.filter(
      (d) =>
        d.followUpId === latest.id &&
        d.requirementId === rule.requirement.id &&
        d.organisationId === latest.organisationId &&
        d.severity !== 'OBSERVATION' &&
        d.status !== 'RESOLVED',
    );
    return {
      verdict: unresolved.length ? 'FAIL' : 'PASS',
      parts: [],
      notComparable: [],
      followUps: [latest],
      explanation: unresolved.length
        ? `${latest.method} on ${latest.performedOn} found ${unresolved.length} unresolved deviation${unresolved.length === 1 ? '' : 's'}`
        : `checked by ${latest.method} on ${latest.performedOn} without an unresolved deviation`,
    };
  }

  private present(result: Evaluation, facts: Facts, byFollowUp: Map<string, FollowUpEntity>, unit: string) {
    const measurementById = new Map(facts.measurements.map((m) => [m.id, m]));
    return {
      verdict: result.verdict,
      parts: result.parts.map((p) => ({
        part: p.part,
        verdict: p.verdict,
        lowerBound: p.lowerBound,
        upperBound: p.upperBound,
        substances: p.substances.map((s) => {
          const followUp = s.measurement ? byFollowUp.get(s.measurement.followUpId) : undefined;
          return {
            substance: { id: s.substanceId },
            status: s.status,
            verdict: s.verdict,
            measurement: s.measurement ? measurementById.get(s.measurement.measurementId) : null,
            followUp: followUp ?? null,
            organisation: followUp ? { id: followUp.organisationId } : null,
            convertedValue: s.convertedValue,
            convertedLoq: s.convertedLoq,
            convertedUnit: s.measurement ? unit : null,
            withinUncertainty: s.withinUncertainty,
          };
        }),
      })),
      notComparable: result.notComparable.map((m) => measurementById.get(m.measurementId)),
      followUps: result.followUpIds.map((id) => byFollowUp.get(id)),
    };
  }

  private toFacts(measurements: MeasurementEntity[], byFollowUp: Map<string, FollowUpEntity>): MeasurementFact[] {
    return measurements
      .filter((m) => byFollowUp.has(m.followUpId))
      .map((m) => {
        const f = byFollowUp.get(m.followUpId)!;
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
      });
  }

  /** The measurements (of in-scope substances, with them), requirement links and deviations of a set of follow-ups: four queries. */
  private async facts(followUps: FollowUpEntity[], rules: ContractRule[]): Promise<Facts> {
    const ids = followUps.map((f) => f.id);
    const substanceIds = [...new Set(rules.flatMap((r) => r.substanceIds))];
    if (!ids.length) return { followUps, measurements: [], checked: [], deviations: [] };
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
    // The measurements an evaluation names are GraphQL Measurements, which carry their substance.
    return { followUps, measurements: withSubstances(measurements, substances), checked, deviations };
  }

  /** The contract's requirements with the limit that applies: the contract's own, else the library default. */
  private async rules(contractId: string): Promise<ContractRule[]> {
    const rows = await this.dataSource
      .getRepository(ContractRequirementEntity)
      .find({ where: { contractId }, order: { createdAt: 'ASC' } });
    if (!rows.length) return [];
    const requirementIds = rows.map((r) => r.requirementId);
    const [requirements, links] = await Promise.all([
      this.dataSource.getRepository(RequirementEntity).findBy({ id: In(requirementIds) }),
      this.dataSource.getRepository(RequirementSubstanceEntity).findBy({ requirementId: In(requirementIds) }),
    ]);
    return rows.map((row) => {
      const requirement = requirements.find((r) => r.id === row.requirementId)!;
      const own = row.limitValue !== null && row.limitUnit ? { value: row.limitValue, unit: row.limitUnit } : null;
      const library =
        requirement.defaultLimitValue !== null && requirement.defaultLimitUnit
          ? { value: requirement.defaultLimitValue, unit: requirement.defaultLimitUnit }
          : null;
      return {
        requirement,
        substanceIds: links.filter((l) => l.requirementId === requirement.id).map((l) => l.substanceId),
        limit: own ?? library,
        limitSource: own ? 'CONTRACT' : library ? 'LIBRARY' : null,
      };
    });
  }

  /** The product's follow-ups the viewer may see (alias `f`), for the caller to narrow. */
  private visibleOfProduct(productId: string, viewer: Principal) {
    const qb = this.dataSource
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .where('f.product_id = :productId', { productId });
    return whereVisible(qb, viewer);
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
