import type { UnitOfWork } from '../database/transaction.service.js';
import type { FollowUpWriter } from '../follow-ups/follow-up-writer.js';
import { ProductEntity } from '../products/product.entity.js';
import type { CostSplit, FocusAreaStatus } from '../vocabulary/vocabulary.js';
import {
  FocusAreaCategoryEntity,
  FocusAreaEntity,
  FocusAreaParticipantEntity,
  FocusAreaRequirementEntity,
  FocusAreaSampleEntity,
  FocusAreaSubmissionEntity,
  FocusAreaSubstanceEntity,
} from './focus-area.entity.js';
import { followUpOfSample } from './sample-follow-up.js';

/** A demo focus area as seeds/demo/focus-areas.json holds it. */
export interface FocusAreaSeed {
  key: string;
  year: number;
  title: string;
  description: string | null;
  status: FocusAreaStatus;
  costSplit: CostSplit;
  resultsDueOn: string | null;
  organisationCode: string;
  categoryCodes: string[];
  requirementCodes: string[];
  extraSubstanceCas: string[];
  submissions: Array<{ organisationCode: string; contractKey: string; annualVolume: number | null }>;
  samples: Array<{
    productKey: string;
    analyses: string[];
    laboratory: string;
    estimatedCost: number;
    purchasingOrganisationCode: string | null;
  }>;
}

/** The seed's keys resolved to ids, and how ids are made from keys (seedId). */
export interface SeedLookups {
  id: (kind: string, key: string) => string;
  organisation: (code: string) => string;
  category: (code: string) => string;
  requirement: (code: string) => string;
  substance: (cas: string) => string;
  contract: (key: string) => string;
  product: (key: string) => string;
}

/**
 * Loads a demo focus area (the web pages have something to show): its scope, participants,
 * submissions and samples, an assigned sample's PLANNED follow-up through FollowUpWriter as
 * assignSample makes it. Idempotent: a focus area already there is left as it is. Returns whether it was new.
 */
export async function seedFocusArea(
  uow: UnitOfWork,
  writer: FollowUpWriter,
  seed: FocusAreaSeed,
  ids: SeedLookups,
): Promise<boolean> {
  const m = uow.manager;
  const id = ids.id('focus-area', seed.key);
  if (await m.existsBy(FocusAreaEntity, { id })) return false;
  const area = m.create(FocusAreaEntity, {
    id,
    year: seed.year,
    title: seed.title,
    description: seed.description,
    status: seed.status,
    costSplit: seed.costSplit,
    weights: null,
    resultsDueOn: seed.resultsDueOn,
    organisationId: ids.organisation(seed.organisationCode),
  });
  await m.insert(FocusAreaEntity, area);
  await m.insert(
    FocusAreaCategoryEntity,
    seed.categoryCodes.map((c) => ({ focusAreaId: id, categoryId: ids.category(c) })),
  );
  const requirementIds = seed.requirementCodes.map((c) => ids.requirement(c));
  await m.insert(
    FocusAreaRequirementEntity,
    requirementIds.map((requirementId) => ({ focusAreaId: id, requirementId })),
  );
  if (seed.extraSubstanceCas.length)
    await m.insert(
      FocusAreaSubstanceEntity,
      seed.extraSubstanceCas.map((cas) => ({ focusAreaId: id, substanceId: ids.substance(cas) })),
    );
  const now = area.createdAt;
  const participants = [...new Set(seed.submissions.map((s) => s.organisationCode))];
  await m.insert(
    FocusAreaParticipantEntity,
    participants.map((code) => ({ focusAreaId: id, organisationId: ids.organisation(code), joinedAt: now })),
  );
  await m.insert(
    FocusAreaSubmissionEntity,
    seed.submissions.map((s) => ({
      focusAreaId: id,
      contractId: ids.contract(s.contractKey),
      organisationId: ids.organisation(s.organisationCode),
      annualVolume: s.annualVolume,
      submittedAt: now,
    })),
  );
  for (const s of seed.samples) {
    const sample = m.create(FocusAreaSampleEntity, {
      id: ids.id('focus-area-sample', `${seed.key}/${s.productKey}`),
      focusAreaId: id,
      productId: ids.product(s.productKey),
      analyses: s.analyses.join('\n'),
      laboratory: s.laboratory,
      estimatedCost: s.estimatedCost,
      purchasingOrganisationId: null,
      followUpId: null,
    });
    if (s.purchasingOrganisationCode) {
      const organisationId = ids.organisation(s.purchasingOrganisationCode);
      const product = await m.findOneByOrFail(ProductEntity, { id: sample.productId });
      const [followUp] = await writer.create(uow, null, [
        {
          ...followUpOfSample(area, sample, product, organisationId, requirementIds),
          id: ids.id('follow-up', `${seed.key}/${s.productKey}`),
        },
      ]);
      Object.assign(sample, { purchasingOrganisationId: organisationId, followUpId: followUp!.id });
    }
    await m.insert(FocusAreaSampleEntity, sample);
  }
  return true;
}
