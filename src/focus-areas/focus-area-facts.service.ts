import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ContractCategoryEntity, ContractEntity } from '../contracts/contract.entity.js';
import { FollowUpEntity } from '../follow-ups/follow-up.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { CategoryTree } from './category-tree.js';
import {
  FocusAreaCategoryEntity,
  FocusAreaParticipantEntity,
  FocusAreaSampleEntity,
  FocusAreaSubmissionEntity,
} from './focus-area.entity.js';

/** A submitted contract with what decides which products it covers. */
export interface SubmittedContract {
  contract: ContractEntity;
  submission: FocusAreaSubmissionEntity;
  categoryIds: string[];
}

/** A product of the submitted contracts, in the area's categories, with the submissions that cover it. */
export interface Candidate {
  product: ProductEntity;
  covering: SubmittedContract[];
}

export interface AreaFacts {
  tree: CategoryTree;
  areaCategoryIds: string[];
  participants: FocusAreaParticipantEntity[];
  submitted: SubmittedContract[];
  candidates: Candidate[];
  samples: FocusAreaSampleEntity[];
}

/**
 * What the reads and writes of a focus area share: its submitted contracts, which products they cover
 * (the contract's supplier, in a category of the contract, within the area's categories), its samples.
 * A fixed number of queries whatever the number of contracts.
 */
@Injectable()
export class FocusAreaFacts {
  /** A contract covers a product: the contract's supplier, and the product's category within one of the contract's. */
  static covers(tree: CategoryTree, s: SubmittedContract, product: ProductEntity): boolean {
    return s.contract.supplierId === product.supplierId && tree.within(product.categoryId, s.categoryIds);
  }

  async of(manager: EntityManager, focusAreaId: string): Promise<AreaFacts> {
    const [tree, areaCategories, participants, submissions, samples] = await Promise.all([
      CategoryTree.load(manager),
      manager.findBy(FocusAreaCategoryEntity, { focusAreaId }),
      manager.find(FocusAreaParticipantEntity, { where: { focusAreaId }, order: { joinedAt: 'ASC' } }),
      manager.find(FocusAreaSubmissionEntity, { where: { focusAreaId }, order: { submittedAt: 'ASC' } }),
      manager.find(FocusAreaSampleEntity, { where: { focusAreaId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const areaCategoryIds = areaCategories.map((c) => c.categoryId);
    const contractIds = submissions.map((s) => s.contractId);
    const [contracts, links] = contractIds.length
      ? await Promise.all([
          manager.findBy(ContractEntity, { id: In(contractIds) }),
          manager.findBy(ContractCategoryEntity, { contractId: In(contractIds) }),
        ])
      : [[], []];
    const byId = new Map(contracts.map((c) => [c.id, c]));
    const submitted = submissions.map((submission) => ({
      submission,
      contract: byId.get(submission.contractId)!,
      categoryIds: links.filter((l) => l.contractId === submission.contractId).map((l) => l.categoryId),
    }));
    const supplierIds = [...new Set(contracts.map((c) => c.supplierId))];
    const inArea = tree.expand(areaCategoryIds);
    const products =
      supplierIds.length && inArea.length
        ? await manager.find(ProductEntity, {
            where: { supplierId: In(supplierIds), categoryId: In(inArea) },
            order: { name: 'ASC', id: 'ASC' },
          })
        : [];
    const candidates = products
      .map((product) => ({ product, covering: submitted.filter((s) => FocusAreaFacts.covers(tree, s, product)) }))
      .filter((c) => c.covering.length > 0);
    return { tree, areaCategoryIds, participants, submitted, candidates, samples };
  }

  async candidateProductIds(manager: EntityManager, focusAreaId: string): Promise<Set<string>> {
    return new Set((await this.of(manager, focusAreaId)).candidates.map((c) => c.product.id));
  }

  /** Follow-up id → status. */
  async followUpStatuses(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await manager.find(FollowUpEntity, {
      select: { id: true, status: true },
      where: { id: In([...ids]) },
    });
    return new Map(rows.map((r) => [r.id, r.status]));
  }
}
