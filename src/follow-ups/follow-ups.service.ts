import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { assertActsFor } from '../auth/ownership.js';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, DomainError, notFound, pathOf } from '../common/errors/domain-error.js';
import { InputProblems } from '../common/errors/input-problems.js';
import { checkCasNumber } from '../common/identifiers/identifiers.js';
import { normalised } from '../common/identifiers/normalise.js';
import { nowIso, todayIso } from '../common/time.js';
import { ContractEntity } from '../contracts/contract.entity.js';
import { TransactionService } from '../database/transaction.service.js';
import { defaultValidUntil } from '../evaluation/reuse.js';
import { ProductEntity } from '../products/product.entity.js';
import { RequirementEntity, RequirementSubstanceEntity } from '../requirements/requirement.entity.js';
import { SubstanceEntity } from '../substances/substance.entity.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';
import { DeviationEntity } from './deviation.entity.js';
import { canSee } from './follow-up-access.js';
import { dateProblem, describeProblem, measurementProblems, requirementScopes } from './follow-up-rules.js';
import { FollowUpWriter, type FollowUpColumns, type NewMeasurement } from './follow-up-writer.js';
import { FollowUpEntity, FollowUpRequirementEntity } from './follow-up.entity.js';
import type { MeasurementInput, RecordFollowUpInput, UpdateFollowUpInput } from './follow-up.inputs.js';
import { UNRESOLVED_DEVIATION_STATUSES } from '../vocabulary/vocabulary.js';

type Status = FollowUpEntity['status'];

/** The lifecycle: which status each transition starts from and leads to. */
const TRANSITIONS = {
  start: { from: ['PLANNED'], to: 'IN_PROGRESS', event: 'UPDATED' },
  complete: { from: ['PLANNED', 'IN_PROGRESS'], to: 'COMPLETED', event: 'COMPLETED' },
  close: { from: ['COMPLETED'], to: 'CLOSED', event: 'CLOSED' },
} as const satisfies Record<string, { from: readonly Status[]; to: Status; event: string }>;

/**
 * Records follow-ups and moves them through their lifecycle. Every write is one transaction
 * (the follow-up, its requirements, its measurements and its event, or nothing), only the
 * recording organisation may change a follow-up, and updates are optimistic: a stale
 * `expectedVersion` is a CONFLICT, checked in the UPDATE itself so two writers cannot both win.
 * This service checks and resolves; FollowUpWriter stores.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly writer: FollowUpWriter,
  ) {}

  /** Records a follow-up; a refusal lists every problem of the input at once (InputProblems). */
  async record(input: RecordFollowUpInput, actor: Principal): Promise<FollowUpEntity> {
    const problems = new InputProblems();
    await problems.check(() => checkDates(input.status, input.performedOn ?? null, input.validUntil ?? null));
    if (input.status === 'PLANNED' && input.measurements.length)
      await problems.check(() => {
        throw badInput('measurements', 'a PLANNED follow-up has no results yet; record it IN_PROGRESS or COMPLETED');
      });
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const subject = await problems.check(() =>
        this.subject(manager, input.productId ?? null, input.supplierId ?? null),
      );
      const contractId = await problems.check(() => this.ownContract(manager, input.contractId ?? null, actor));
      const requirements = (await problems.check(() => this.requirements(manager, input.requirementIds))) ?? [];
      const measurements = await problems.check(() =>
        this.measurements(manager, input.measurements, requirements, 'measurements'),
      );
      problems.throwIfAny();
      const { productId, supplierId } = subject!;
      const [created] = await this.writer.create(uow, actor, [
        {
          organisationId: actor.organisationId,
          productId,
          supplierId,
          contractId: contractId ?? null,
          method: input.method,
          performedOn: input.performedOn ?? null,
          status: input.status,
          visibility: input.visibility,
          laboratory: clean(input.laboratory),
          reportReference: clean(input.reportReference),
          validUntil: input.validUntil ?? (input.performedOn ? defaultValidUntil(input.performedOn) : null),
          notes: clean(input.notes),
          confidentialNotes: clean(input.confidentialNotes),
          requirementIds: requirements.map((r) => r.id),
          measurements: measurements!,
        },
      ]);
      return created!;
    });
  }

  async update(
    id: string,
    expectedVersion: number,
    input: UpdateFollowUpInput,
    actor: Principal,
  ): Promise<FollowUpEntity> {
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const entity = await this.ownFollowUp(manager, id, actor, 'updateFollowUp');
      if (entity.status === 'RETRACTED') throw conflict(`follow-up ${id} is RETRACTED and cannot be changed`);
      const columns: FollowUpColumns = {};
      const changed: string[] = [];
      /** The value a column has with the changes so far. */
      const current = <K extends keyof FollowUpColumns>(key: K) =>
        (key in columns ? columns[key] : entity[key]) as FollowUpEntity[K];
      const set = <K extends keyof FollowUpColumns>(key: K, value: FollowUpEntity[K]) => {
        if (current(key) !== value) changed.push(key);
        columns[key] = value;
      };
      if (input.contractId !== undefined) set('contractId', await this.ownContract(manager, input.contractId, actor));
      if (input.method !== undefined) set('method', input.method);
      if (input.visibility !== undefined) set('visibility', input.visibility);
      if (input.laboratory !== undefined) set('laboratory', clean(input.laboratory));
      if (input.reportReference !== undefined) set('reportReference', clean(input.reportReference));
      if (input.notes !== undefined) set('notes', clean(input.notes));
      if (input.confidentialNotes !== undefined) set('confidentialNotes', clean(input.confidentialNotes));
      if (input.performedOn !== undefined) {
        set('performedOn', input.performedOn);
        if (input.validUntil === undefined && input.performedOn)
          set('validUntil', defaultValidUntil(input.performedOn));
      }
      if (input.validUntil !== undefined) {
        const performedOn = current('performedOn');
        set('validUntil', input.validUntil ?? (performedOn ? defaultValidUntil(performedOn) : null));
      }
      // Every problem of the input at once (InputProblems).
      const problems = new InputProblems();
      await problems.check(() => checkDates(entity.status, current('performedOn'), current('validUntil')));

      let requirements: RequirementEntity[] | undefined;
      if (input.requirementIds !== undefined) {
        requirements = (await problems.check(() => this.requirements(manager, input.requirementIds!))) ?? [];
        changed.push('requirementIds');
      }
      let measurements: NewMeasurement[] | undefined;
      if (input.measurements !== undefined) {
        if (entity.status === 'PLANNED' && input.measurements.length)
          await problems.check(() => {
            throw badInput('measurements', 'a PLANNED follow-up has no results yet; start it first');
          });
        requirements ??= await this.requirementsOf(manager, id);
        const checked = requirements;
        measurements = await problems.check(() =>
          this.measurements(manager, input.measurements!, checked, 'measurements'),
        );
        changed.push('measurements');
      }
      problems.throwIfAny();
      return this.writer.change(uow, actor, entity, {
        expectedVersion,
        columns,
        requirementIds: input.requirementIds !== undefined ? requirements!.map((r) => r.id) : undefined,
        measurements,
        event: {
          type: 'UPDATED',
          payload: {
            changed: changed
              .filter((c) => c !== 'confidentialNotes')
              .concat(changed.includes('confidentialNotes') ? ['confidentialNotes'] : []),
          },
        },
      });
    });
  }

  async transition(
    kind: keyof typeof TRANSITIONS,
    id: string,
    actor: Principal,
    options: { expectedVersion?: number; performedOn?: string | null } = {},
  ): Promise<FollowUpEntity> {
    const rule = TRANSITIONS[kind];
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const entity = await this.ownFollowUp(manager, id, actor, `${kind}FollowUp`);
      if (!(rule.from as readonly Status[]).includes(entity.status)) {
        throw conflict(
          `${kind}FollowUp: follow-up ${id} is ${entity.status}; only a follow-up that is ${rule.from.join(' or ')} can move to ${rule.to}`,
        );
      }
      const columns: FollowUpColumns = { status: rule.to };
      if (kind === 'complete') {
        const performedOn = options.performedOn ?? entity.performedOn ?? todayIso();
        if (performedOn > todayIso())
          throw badInput('performedOn', `"${performedOn}": a completed follow-up cannot be performed in the future`);
        if (entity.performedOn !== performedOn) {
          columns.performedOn = performedOn;
          columns.validUntil = defaultValidUntil(performedOn);
        }
      }
      if (kind === 'close') {
        const open = await manager.count(DeviationEntity, {
          where: {
            followUpId: id,
            organisationId: entity.organisationId,
            status: In([...UNRESOLVED_DEVIATION_STATUSES]),
          },
        });
        if (open)
          throw conflict(
            `closeFollowUp: follow-up ${id} has ${open} unresolved deviation${open === 1 ? '' : 's'}; resolve them first`,
          );
      }
      return this.writer.change(uow, actor, entity, {
        expectedVersion: options.expectedVersion,
        columns,
        event: { type: rule.event, payload: { status: rule.to } },
      });
    });
  }

  async retract(id: string, reason: string, actor: Principal, expectedVersion?: number): Promise<FollowUpEntity> {
    const text = reason.trim();
    if (!text) throw badInput('reason', 'a retraction needs a reason');
    return this.tx.run(async (uow) => {
      const entity = await this.ownFollowUp(uow.manager, id, actor, 'retractFollowUp');
      if (entity.status === 'RETRACTED') throw conflict(`retractFollowUp: follow-up ${id} is already RETRACTED`);
      return this.writer.change(uow, actor, entity, {
        expectedVersion,
        columns: {
          statusBeforeRetraction: entity.status,
          status: 'RETRACTED',
          retractedReason: text,
          retractedAt: nowIso(),
        },
        event: { type: 'RETRACTED', payload: { reason: text, previousStatus: entity.status } },
      });
    });
  }

  private async ownFollowUp(
    manager: EntityManager,
    id: string,
    actor: Principal,
    what: string,
  ): Promise<FollowUpEntity> {
    const entity = await manager.findOneBy(FollowUpEntity, { id });
    // A follow-up the caller cannot see does not exist for it: the same answer as an unknown id.
    if (!entity || !canSee(actor, entity)) throw notFound('FollowUp', id);
    assertActsFor(actor, entity.organisationId, what);
    return entity;
  }

  private async subject(
    manager: EntityManager,
    productId: string | null,
    supplierId: string | null,
  ): Promise<{ productId: string | null; supplierId: string }> {
    if (productId) {
      const product = await manager.findOneBy(ProductEntity, { id: productId });
      if (!product) throw badInput('productId', `"${productId}": no product has this id`);
      if (supplierId && supplierId !== product.supplierId)
        throw badInput('supplierId', `"${supplierId}": the product's supplier is ${product.supplierId}`);
      return { productId, supplierId: product.supplierId };
    }
    if (!supplierId) throw badInput('productId', 'a follow-up needs a productId or a supplierId');
    if (!(await manager.existsBy(SupplierEntity, { id: supplierId })))
      throw badInput('supplierId', `"${supplierId}": no supplier has this id`);
    return { productId: null, supplierId };
  }

  private async ownContract(
    manager: EntityManager,
    contractId: string | null,
    actor: Principal,
  ): Promise<string | null> {
    if (!contractId) return null;
    const contract = await manager.findOneBy(ContractEntity, { id: contractId });
    if (!contract) throw badInput('contractId', `"${contractId}": no contract has this id`);
    if (contract.organisationId !== actor.organisationId)
      throw badInput('contractId', `"${contractId}": the contract belongs to another organisation`);
    return contractId;
  }

  private async requirements(manager: EntityManager, ids: string[]): Promise<RequirementEntity[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const found = await manager.findBy(RequirementEntity, { id: In(unique) });
    const missing = unique.filter((id) => !found.some((r) => r.id === id));
    if (missing.length)
      throw badInput('requirementIds', `no requirement has the id ${missing.map((m) => `"${m}"`).join(', ')}`);
    return found;
  }

  private async requirementsOf(manager: EntityManager, followUpId: string): Promise<RequirementEntity[]> {
    const links = await manager.findBy(FollowUpRequirementEntity, { followUpId });
    return links.length ? manager.findBy(RequirementEntity, { id: In(links.map((l) => l.requirementId)) }) : [];
  }

  /**
   * Checks every measurement against the shared rules (`measurementProblems`: all problems are
   * reported together) and resolves its substance: the results as the writer stores them.
   */
  private async measurements(
    manager: EntityManager,
    inputs: MeasurementInput[],
    requirements: RequirementEntity[],
    field: string,
  ): Promise<NewMeasurement[]> {
    if (!inputs.length) return [];
    const cas = [
      ...new Set(inputs.map((m, i) => normalised(`${field}[${i}].substanceCas`, m.substanceCas, checkCasNumber))),
    ];
    const substances = await manager.findBy(SubstanceEntity, { casNumber: In(cas) });
    const byCas = new Map(substances.map((s) => [s.casNumber, s]));
    const links = requirements.length
      ? await manager.findBy(RequirementSubstanceEntity, { requirementId: In(requirements.map((r) => r.id)) })
      : [];
    const scopes = requirementScopes(requirements, links);
    const problems: Array<{ field: string; reason: string; message: string }> = [];
    const measurements = inputs.map((m, i): NewMeasurement => {
      const substance = byCas.get(m.substanceCas.trim());
      problems.push(
        ...measurementProblems(m, m.substanceCas, substance?.id ?? null, scopes).map((p) => ({
          field: `${field}[${i}].${p.field}`,
          reason: p.reason,
          message: describeProblem(`${field}[${i}]`, p),
        })),
      );
      return {
        substanceId: substance?.id ?? '',
        part: m.part,
        detected: m.detected,
        value: m.value ?? null,
        loq: m.loq ?? null,
        unit: m.unit,
        uncertainty: m.uncertainty ?? null,
        analyticalMethod: clean(m.analyticalMethod),
      };
    });
    if (problems.length)
      throw new DomainError(
        'BAD_USER_INPUT',
        problems.map((p) => p.message).join('; '),
        problems[0]!.field,
        problems.map((p) => ({ path: pathOf(p.field), reason: p.reason })),
      );
    return measurements;
  }
}

function clean(value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : value.trim() || null;
}

function checkDates(status: Status, performedOn: string | null, validUntil: string | null): void {
  const problem = dateProblem(status, performedOn, validUntil, todayIso());
  if (problem) throw badInput(problem.field, problem.reason);
}
