import { Injectable } from '@nestjs/common';
import { type EntityManager, In, Not } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { badInput, conflict, DomainError, forbidden, notFound, pathOf } from '../common/errors/domain-error.js';
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
import { authorityFor, authorityOver, onBehalfOf, type Authority } from '../delegations/delegations.service.js';
import { DeviationEntity } from './deviation.entity.js';
import { lockFollowUp } from './follow-up-lock.js';
import { ReuseEntity } from './reuse.entity.js';
import { canSee } from './follow-up-access.js';
import {
  dateProblem,
  describeProblem,
  measurementProblems,
  repeatedMeasurements,
  requirementScopes,
} from './follow-up-rules.js';
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
      const organisationId = input.organisationId ?? actor.organisationId;
      const authority = await authorityFor(manager, actor, organisationId, 'FOLLOW_UPS', 'recordFollowUp');
      if (authority.delegationId) {
        if (input.visibility !== 'SHARED')
          await problems.check(() => {
            throw badInput(
              'visibility',
              'a delegate records SHARED follow-ups; the organisation itself decides to make one PRIVATE',
            );
          });
        if (clean(input.confidentialNotes))
          await problems.check(() => {
            throw badInput('confidentialNotes', "a delegate does not write the organisation's confidential notes");
          });
      }
      const subject = await problems.check(() =>
        this.subject(manager, input.productId ?? null, input.supplierId ?? null),
      );
      const contractId = await problems.check(() =>
        this.ownContract(manager, input.contractId ?? null, organisationId),
      );
      const requirements = (await problems.check(() => this.requirements(manager, input.requirementIds))) ?? [];
      const measurements = await problems.check(() =>
        this.measurements(manager, input.measurements, requirements, 'measurements'),
      );
      problems.throwIfAny();
      const { productId, supplierId } = subject!;
      const [created] = await this.writer.create(uow, actor, [
        {
          organisationId,
          ...(authority.delegationId
            ? { recordedBy: { organisationId: actor.organisationId, delegationId: authority.delegationId } }
            : {}),
          productId,
          supplierId,
          contractId: contractId ?? null,
          method: input.method,
          performedOn: input.performedOn ?? null,
          status: input.status,
          visibility: input.visibility,
          laboratory: clean(input.laboratory),
          reportReference: clean(input.reportReference),
          requiresSupplierRelease: input.requiresSupplierRelease ?? false,
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
      if (input.visibility === 'PRIVATE') await lockFollowUp(manager, id, 'UPDATE');
      const { entity, authority } = await this.ownFollowUp(manager, id, actor, 'updateFollowUp');
      if (entity.status === 'RETRACTED') throw conflict(`follow-up ${id} is RETRACTED and cannot be changed`);
      if (authority.delegationId) {
        const kept = (['visibility', 'confidentialNotes'] as const).find((k) => input[k] !== undefined);
        if (kept) throw forbidden(`updateFollowUp: a delegate does not change ${kept}; the organisation itself does`);
      }
      const columns: FollowUpColumns = {};
      const changed: string[] = [];
      /** The value a column has with the changes so far. */
      const current = <K extends keyof FollowUpColumns>(key: K) =>
        (key in columns ? columns[key] : entity[key]) as FollowUpEntity[K];
      const set = <K extends keyof FollowUpColumns>(key: K, value: FollowUpEntity[K]) => {
        if (current(key) !== value) changed.push(key);
        columns[key] = value;
      };
      if (input.contractId !== undefined)
        set('contractId', await this.ownContract(manager, input.contractId, entity.organisationId));
      if (input.method !== undefined) set('method', input.method);
      if (input.visibility !== undefined) {
        if (input.visibility === 'PRIVATE' && entity.visibility !== 'PRIVATE')
          await this.assertNotReliedOn(manager, entity);
        set('visibility', input.visibility);
      }
      if (input.laboratory !== undefined) set('laboratory', clean(input.laboratory));
      if (input.reportReference !== undefined) set('reportReference', clean(input.reportReference));
      if (input.requiresSupplierRelease !== undefined) set('requiresSupplierRelease', input.requiresSupplierRelease);
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
            ...onBehalfOf(authority),
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
      if (kind === 'close') await lockFollowUp(manager, id, 'UPDATE');
      const { entity, authority } = await this.ownFollowUp(manager, id, actor, `${kind}FollowUp`);
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
        // Every deviation on it, whoever opened it (domain.md §11).
        const open = await manager.count(DeviationEntity, {
          where: { followUpId: id, status: In([...UNRESOLVED_DEVIATION_STATUSES]) },
        });
        if (open)
          throw conflict(
            `closeFollowUp: follow-up ${id} has ${open} unresolved deviation${open === 1 ? '' : 's'} (whoever opened them); they must be resolved first`,
          );
      }
      return this.writer.change(uow, actor, entity, {
        expectedVersion: options.expectedVersion,
        columns,
        event: { type: rule.event, payload: { status: rule.to, ...onBehalfOf(authority) } },
      });
    });
  }

  async retract(id: string, reason: string, actor: Principal, expectedVersion?: number): Promise<FollowUpEntity> {
    const text = reason.trim();
    if (!text) throw badInput('reason', 'a retraction needs a reason');
    return this.tx.run(async (uow) => {
      const { entity, authority } = await this.ownFollowUp(uow.manager, id, actor, 'retractFollowUp');
      if (authority.delegationId)
        throw forbidden('retractFollowUp: a delegate does not retract; the organisation itself does');
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

  /**
   * A follow-up another organisation relies on (it recorded a reuse of it, or opened a deviation on
   * it) is not turned PRIVATE: that organisation would lose sight of it, its history, its deviations
   * and its reuse. Retraction stays possible (domain.md §13).
   */
  private async assertNotReliedOn(manager: EntityManager, entity: FollowUpEntity): Promise<void> {
    const others = { followUpId: entity.id, organisationId: Not(entity.organisationId) };
    const [reuses, deviations] = await Promise.all([
      manager.count(ReuseEntity, { where: others }),
      manager.count(DeviationEntity, { where: others }),
    ]);
    if (!reuses && !deviations) return;
    const what = [
      reuses ? `${reuses} reuse${reuses === 1 ? '' : 's'}` : '',
      deviations ? `${deviations} deviation${deviations === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw conflict(
      `updateFollowUp: follow-up ${entity.id} cannot be made PRIVATE: other organisations rely on it (${what}); it can still be retracted`,
      'visibility',
    );
  }

  /**
   * The follow-up a write changes, and on what authority: its organisation's own, or a delegate's for
   * a follow-up the delegate recorded (authorityOver).
   */
  private async ownFollowUp(
    manager: EntityManager,
    id: string,
    actor: Principal,
    what: string,
  ): Promise<{ entity: FollowUpEntity; authority: Authority }> {
    const entity = await manager.findOneBy(FollowUpEntity, { id });
    // A follow-up the caller cannot see does not exist for it: the same answer as an unknown id.
    if (!entity || !canSee(actor, entity)) throw notFound('FollowUp', id);
    return { entity, authority: await authorityOver(manager, actor, entity, 'FOLLOW_UPS', what) };
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

  /** A contract of the follow-up's organisation (the one it was done under), or BAD_USER_INPUT. */
  private async ownContract(
    manager: EntityManager,
    contractId: string | null,
    organisationId: string,
  ): Promise<string | null> {
    if (!contractId) return null;
    const contract = await manager.findOneBy(ContractEntity, { id: contractId });
    if (!contract) throw badInput('contractId', `"${contractId}": no contract has this id`);
    if (contract.organisationId !== organisationId)
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
    for (const { index, first } of repeatedMeasurements(
      measurements.map((m) => ({ ...m, substanceId: m.substanceId || null })),
    ))
      problems.push({
        field: `${field}[${index}]`,
        reason: `substance ${inputs[index]!.substanceCas.trim()} in part "${inputs[index]!.part.trim()}" is already measured in ${field}[${first}]; a follow-up holds one result per substance and part`,
        message: `${field}[${index}]: substance ${inputs[index]!.substanceCas.trim()} in part "${inputs[index]!.part.trim()}" is already measured in ${field}[${first}]; a follow-up holds one result per substance and part`,
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
