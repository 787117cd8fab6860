import { ApiTokenEntity, PrincipalEntity } from '../auth/principal.entity.js';
import { ContractCategoryEntity, ContractEntity, ContractRequirementEntity } from '../contracts/contract.entity.js';
import { DelegationEntity } from '../delegations/delegation.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { DeviationEntity } from '../follow-ups/deviation.entity.js';
import { FollowUpCommentEntity, FollowUpEntity, FollowUpRequirementEntity } from '../follow-ups/follow-up.entity.js';
import { MeasurementEntity } from '../follow-ups/measurement.entity.js';
import { ReuseEntity } from '../follow-ups/reuse.entity.js';
import {
  FocusAreaCategoryEntity,
  FocusAreaEntity,
  FocusAreaParticipantEntity,
  FocusAreaRequirementEntity,
  FocusAreaSampleEntity,
  FocusAreaSubmissionEntity,
  FocusAreaSubstanceEntity,
} from '../focus-areas/focus-area.entity.js';
import { ImportJobEntity } from '../import/import-job.entity.js';
import {
  DeliveryEntity,
  NotificationCursorEntity,
  NotificationSettingEntity,
  WatchEntity,
  WebhookEntity,
} from '../notifications/notification.entities.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ProductCategoryEntity } from '../products/product-category.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import {
  RequirementCategoryEntity,
  RequirementEntity,
  RequirementSubstanceEntity,
} from '../requirements/requirement.entity.js';
import { SubstanceEntity, SubstanceGroupEntity, SubstanceListEntity } from '../substances/substance.entity.js';
import { IdentityProviderEntity, SessionEntity } from '../sign-in/sign-in.entities.js';
import { SupplierEntity } from '../suppliers/supplier.entity.js';

export const ENTITIES = [
  OrganisationEntity,
  SupplierEntity,
  ProductCategoryEntity,
  ProductEntity,
  SubstanceEntity,
  SubstanceGroupEntity,
  SubstanceListEntity,
  RequirementEntity,
  RequirementSubstanceEntity,
  RequirementCategoryEntity,
  ContractEntity,
  ContractCategoryEntity,
  ContractRequirementEntity,
  PrincipalEntity,
  ApiTokenEntity,
  DelegationEntity,
  EventEntity,
  FollowUpEntity,
  FollowUpRequirementEntity,
  MeasurementEntity,
  DeviationEntity,
  ReuseEntity,
  ImportJobEntity,
  FollowUpCommentEntity,
  WatchEntity,
  NotificationSettingEntity,
  WebhookEntity,
  DeliveryEntity,
  NotificationCursorEntity,
  FocusAreaEntity,
  FocusAreaCategoryEntity,
  FocusAreaRequirementEntity,
  FocusAreaSubstanceEntity,
  FocusAreaParticipantEntity,
  FocusAreaSubmissionEntity,
  FocusAreaSampleEntity,
  IdentityProviderEntity,
  SessionEntity,
];
